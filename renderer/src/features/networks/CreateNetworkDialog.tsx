import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  checkIpam,
  checkResourceName,
  parseKeyValues,
  type NetworkDriver,
} from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { EngineField, useTargetEngine } from '../../components/EngineField';
import { Field } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { networkKeys, networkQueries } from './queries';

interface Props {
  onClose(): void;
}

type FieldName = 'name' | 'subnet' | 'gateway' | 'ipRange' | 'labels';

export function CreateNetworkDialog({ onClose }: Props) {
  const [engineId, setEngineId] = useTargetEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const drivers = useQuery(networkQueries.drivers(engineId));
  const [form, setForm] = useState({ name: '', subnet: '', gateway: '', ipRange: '', labels: '' });
  const [driver, setDriver] = useState<NetworkDriver>('bridge');
  const [internal, setInternal] = useState(false);
  const [attachable, setAttachable] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const set = (field: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [field]: value }));
  const create = useMutation({
    mutationFn: (labels: Record<string, string>) =>
      call('networks.create', {
        engineId,
        name: form.name.trim(),
        driver,
        internal,
        attachable,
        labels,
        ...(form.subnet.trim() ? { subnet: form.subnet.trim() } : {}),
        ...(form.gateway.trim() ? { gateway: form.gateway.trim() } : {}),
        ...(form.ipRange.trim() ? { ipRange: form.ipRange.trim() } : {}),
      }),
    onSuccess: onClose,
    onError: (err) => showError(`Could not create network ${form.name.trim()}`, err),
    onSettled: () => queryClient.invalidateQueries({ queryKey: networkKeys.list(engineId) }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The same checks the router makes: a bad CIDR is shown at its field and nothing is sent.
    const labels = parseKeyValues(form.labels);
    const next = {
      name: checkResourceName(form.name.trim(), 'network'),
      ...checkIpam(form),
      labels: labels.ok ? undefined : labels.message,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || !labels.ok) return;
    create.mutate(labels.value);
  };

  const text = (field: Exclude<FieldName, 'labels'>, label: string, hint?: string) => (
    <Field label={label} error={errors[field]} {...(hint ? { hint } : {})}>
      {(p) => (
        <input
          {...p}
          type="text"
          autoFocus={field === 'name'}
          value={form[field]}
          onChange={(e) => set(field)(e.target.value)}
        />
      )}
    </Field>
  );
  const swarm = drivers.data?.swarmActive ?? false;
  return (
    <Dialog title="Create network" onCancel={onClose}>
      <form onSubmit={submit} className="rform" noValidate>
        <EngineField value={engineId} onChange={setEngineId} />
        {text('name', 'Name')}
        <Field
          label="Driver"
          hint={swarm ? undefined : 'Overlay needs Swarm, which is not active on this engine.'}
        >
          {(p) => (
            <select
              {...p}
              value={driver}
              onChange={(e) => setDriver(e.target.value as NetworkDriver)}
            >
              {(drivers.data?.drivers ?? ['bridge']).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('subnet', 'Subnet', 'Optional, e.g. 172.28.0.0/16; empty lets the engine pick')}
        <div className="row-fields">
          {text('gateway', 'Gateway', 'Optional, inside the subnet')}
          {text('ipRange', 'IP range', 'Optional, a CIDR inside the subnet')}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={internal}
            onChange={(e) => setInternal(e.target.checked)}
          />
          Internal (no outside access)
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={attachable}
            onChange={(e) => setAttachable(e.target.checked)}
          />
          Attachable (standalone containers may join an overlay)
        </label>
        <Field label="Labels" hint="One KEY=VALUE per line" error={errors.labels}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={form.labels}
              onChange={(e) => set('labels')(e.target.value)}
            />
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
