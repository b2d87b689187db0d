import { useState } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isRunning } from './format';

interface Props {
  container: ContainerSummary;
  onConfirm(opts: { force: boolean; removeVolumes: boolean }): void;
  onCancel(): void;
}

/** Confirms a removal and names what goes with it. */
export function RemoveDialog({ container, onConfirm, onCancel }: Props) {
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const running = isRunning(container);
  const n = container.anonymousVolumes;
  return (
    <ConfirmDialog
      verb="Remove"
      name={container.name}
      onCancel={onCancel}
      onConfirm={() => onConfirm({ force: running, removeVolumes })}
    >
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
    </ConfirmDialog>
  );
}
