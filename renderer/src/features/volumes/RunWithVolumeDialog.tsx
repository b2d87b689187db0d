import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { Field } from '../../components/Field';
import { Dialog } from '../../components/Dialog';

interface Props {
  engineId: string;
  volume: string;
  onClose(): void;
}

type Errors = Partial<Record<'image' | 'target', string>>;

/** Starts a container from a local image with the volume mounted, e.g. to inspect or seed it. */
export function RunWithVolumeDialog({ engineId, volume, onClose }: Props) {
  const showError = useShowError();
  const [image, setImage] = useState('');
  const [target, setTarget] = useState('/data');
  const [containerName, setContainerName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [started, setStarted] = useState<string | undefined>();
  const run = useMutation({
    mutationFn: () =>
      call('volumes.run', {
        engineId,
        name: volume,
        image: image.trim(),
        target: target.trim(),
        ...(containerName.trim() ? { containerName: containerName.trim() } : {}),
      }),
    onSuccess: (r) => setStarted(r.name),
    onError: (err) => showError(`Could not run a container with ${volume}`, err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = target.trim();
    const next: Errors = {
      image: image.trim() ? undefined : 'Name a local image, e.g. busybox:latest.',
      target: /^\/[^:]+$/.test(t) && t !== '/' ? undefined : 'An absolute path, e.g. /data.',
    };
    setErrors(next);
    if (!next.image && !next.target) run.mutate();
  };
  return (
    <Dialog title={`Run a container with ${volume}`} onCancel={onClose}>
      {started ? (
        <p role="status">
          Started {started} with {volume} at {target.trim()}. It is on the Containers screen.
        </p>
      ) : (
        <form id="run-with-volume" onSubmit={submit} className="rform" noValidate>
          <Field label="Image" error={errors.image}>
            {(p) => (
              <input
                {...p}
                type="text"
                autoFocus
                value={image}
                onChange={(e) => setImage(e.target.value)}
              />
            )}
          </Field>
          <Field label="Mount path" error={errors.target}>
            {(p) => (
              <input
                {...p}
                type="text"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            )}
          </Field>
          <Field label="Container name" hint="Optional">
            {(p) => (
              <input
                {...p}
                type="text"
                value={containerName}
                onChange={(e) => setContainerName(e.target.value)}
              />
            )}
          </Field>
        </form>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {started ? 'Close' : 'Cancel'}
        </button>
        {!started && (
          <button type="submit" form="run-with-volume" className="primary" disabled={run.isPending}>
            {run.isPending ? 'Starting…' : 'Run'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
