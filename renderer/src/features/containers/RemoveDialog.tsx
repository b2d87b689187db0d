import { useEffect, useRef, useState } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { isRunning } from './format';

interface Props {
  container: ContainerSummary;
  onConfirm(opts: { force: boolean; removeVolumes: boolean }): void;
  onCancel(): void;
}

/** Confirms a removal and names what goes with it. Native <dialog>: Escape cancels. */
export function RemoveDialog({ container, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [removeVolumes, setRemoveVolumes] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    // The dialog unmounts rather than closing, so return focus ourselves.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  const running = isRunning(container);
  const n = container.anonymousVolumes;
  const headingId = `remove-${container.id}`;
  return (
    <dialog ref={ref} aria-labelledby={headingId} onCancel={onCancel} className="dialog">
      <h2 id={headingId}>Remove {container.name}?</h2>
      <p>
        The container <strong>{container.name}</strong> and every change made inside it will be
        deleted. This cannot be undone.
      </p>
      {running && <p>It is running: it will be stopped first.</p>}
      {n === 0 ? (
        <p>It has no anonymous volumes. Named volumes are never removed with a container.</p>
      ) : (
        <label className="check">
          <input
            type="checkbox"
            checked={removeVolumes}
            onChange={(e) => setRemoveVolumes(e.target.checked)}
          />
          Also remove its {n} anonymous volume{n === 1 ? '' : 's'} (their data is lost; kept if
          unticked)
        </label>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => onConfirm({ force: running, removeVolumes })}
        >
          Remove
        </button>
      </div>
    </dialog>
  );
}
