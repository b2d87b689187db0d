import { useState, type FormEvent } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** "Rename NAME": the engine's refusal (name taken) shows at the field, in its words. */
export function RenameDialog({
  engineId,
  container,
  onClose,
}: {
  engineId: string;
  container: ContainerSummary;
  onClose(): void;
}) {
  const [name, setName] = useState(container.name);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = name.trim();
    if (!NAME.test(next)) {
      setError('Use letters, digits, “_”, “.” or “-”, starting with a letter or digit.');
      return;
    }
    if (next === container.name) return onClose();
    setBusy(true);
    try {
      await call('containers.rename', { engineId, id: container.id, name: next });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Rename ${container.name}`} onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label="New name" error={error}>
          {(a11y) => (
            <input
              {...a11y}
              type="text"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}
