import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { checkResourceName, parseKeyValues } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { EngineField, useTargetEngine } from '../../components/EngineField';
import { Field } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { volumeKeys } from './queries';

interface Props {
  onClose(): void;
}

type Errors = Partial<Record<'name' | 'driver' | 'driverOpts' | 'labels', string>>;

export function CreateVolumeDialog({ onClose }: Props) {
  const [engineId, setEngineId] = useTargetEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [driverOpts, setDriverOpts] = useState('');
  const [labels, setLabels] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const create = useMutation({
    mutationFn: (input: { driverOpts: Record<string, string>; labels: Record<string, string> }) =>
      call('volumes.create', { engineId, name: name.trim(), driver: driver.trim(), ...input }),
    onSuccess: onClose,
    onError: (err) => showError(`Could not create volume ${name.trim()}`, err),
    onSettled: () => queryClient.invalidateQueries({ queryKey: volumeKeys.all(engineId) }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here first so a mistake is shown at its field and nothing is sent.
    const opts = parseKeyValues(driverOpts);
    const labelMap = parseKeyValues(labels);
    const next: Errors = {
      name: checkResourceName(name.trim(), 'volume'),
      driver: driver.trim() ? undefined : 'Name a volume driver (“local” is built in).',
      driverOpts: opts.ok ? undefined : opts.message,
      labels: labelMap.ok ? undefined : labelMap.message,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || !opts.ok || !labelMap.ok) return;
    create.mutate({ driverOpts: opts.value, labels: labelMap.value });
  };

  return (
    <Dialog title="Create volume" onCancel={onClose}>
      <form onSubmit={submit} className="rform" noValidate>
        <EngineField value={engineId} onChange={setEngineId} />
        <Field label="Name" error={errors.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Driver" error={errors.driver}>
          {(p) => (
            <input {...p} type="text" value={driver} onChange={(e) => setDriver(e.target.value)} />
          )}
        </Field>
        <Field label="Driver options" hint="One KEY=VALUE per line" error={errors.driverOpts}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={driverOpts}
              onChange={(e) => setDriverOpts(e.target.value)}
            />
          )}
        </Field>
        <Field label="Labels" hint="One KEY=VALUE per line" error={errors.labels}>
          {(p) => (
            <textarea {...p} rows={2} value={labels} onChange={(e) => setLabels(e.target.value)} />
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
