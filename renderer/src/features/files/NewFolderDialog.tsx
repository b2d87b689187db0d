import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { childPath } from '../../components/FileTree';

interface Props {
  parent: string;
  /** Makes the folder at this absolute path (a container's exec, a volume's helper). */
  create(path: string): Promise<unknown>;
  onClose(created?: string): void;
}

/** A name for a new folder inside `parent`. */
export function NewFolderDialog({ parent, create: make, onClose }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const problem = !name.trim()
    ? undefined
    : name.includes('/') || name === '.' || name === '..'
      ? 'One folder name, without "/".'
      : undefined;
  const create = () => {
    const path = childPath(parent, name.trim());
    setBusy(true);
    make(path).then(
      () => onClose(path),
      (e: unknown) => {
        setBusy(false);
        setError((e as Error).message);
      },
    );
  };
  return (
    <Dialog title={`New folder in ${parent}`} onCancel={() => onClose()}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && !problem) create();
        }}
      >
        <Field label="Folder name" error={problem ?? error}>
          {(p) => <input {...p} value={name} autoFocus onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" disabled={busy || !name.trim() || !!problem}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
