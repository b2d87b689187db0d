import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { Dialog } from '../../components/Dialog';
import { isRunning } from './format';
import { containerKeys } from './queries';
import { pastTense, runBulk, type BulkOutcome, type BulkVerb } from './bulk';

interface Props {
  engineId: string;
  verb: BulkVerb;
  containers: ContainerSummary[];
  /** Set for a compose project's actions: "Stop project shop?" */
  project?: string;
  onClose(): void;
}

/** One confirmation for many containers, then one line of result per container. */
export function BulkDialog({ engineId, verb, containers, project, onClose }: Props) {
  const queryClient = useQueryClient();
  const [force, setForce] = useState(false);
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | undefined>();
  const n = containers.length;
  const what = project ? `project ${project}` : `${n} container${n === 1 ? '' : 's'}`;
  const running = containers.filter(isRunning).length;
  const failed = outcomes?.filter((o) => !o.ok).length ?? 0;

  const go = async () => {
    setProgress(0);
    const result = await runBulk(engineId, verb, containers, { force, removeVolumes }, setProgress);
    setOutcomes(result);
    setProgress(undefined);
    void queryClient.invalidateQueries({ queryKey: containerKeys.list(engineId) });
  };

  return (
    <Dialog title={`${verb} ${what}?`} onCancel={onClose}>
      {!outcomes ? (
        <>
          <p>
            {verb} {n === 1 ? 'this container' : `these ${n} containers`}:
          </p>
          <ul className="name-list">
            {containers.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> <span className="small">({c.state})</span>
              </li>
            ))}
          </ul>
          {verb === 'Remove' && (
            <>
              <p>They and every change made inside them will be deleted. This cannot be undone.</p>
              {running > 0 && (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={force}
                    onChange={(e) => setForce(e.target.checked)}
                  />
                  Force: stop and remove the {running} running one{running === 1 ? '' : 's'} too
                  (otherwise the engine refuses them)
                </label>
              )}
              <label className="check">
                <input
                  type="checkbox"
                  checked={removeVolumes}
                  onChange={(e) => setRemoveVolumes(e.target.checked)}
                />
                Also remove their anonymous volumes (their data is lost)
              </label>
            </>
          )}
          {progress !== undefined && (
            <progress aria-label={`${verb} ${what}`} max={n} value={progress} />
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={progress !== undefined}>
              Cancel
            </button>
            <button
              type="button"
              className={verb === 'Remove' ? 'danger' : 'primary'}
              disabled={progress !== undefined}
              onClick={() => void go()}
            >
              {verb}
            </button>
          </div>
        </>
      ) : (
        <>
          <p aria-live="polite">
            {failed === 0
              ? `${pastTense(verb)} all ${n}.`
              : `${n - failed} of ${n} done; ${failed} failed.`}
          </p>
          <ul className="name-list" aria-label="Results">
            {outcomes.map((o) => (
              <li key={o.id} className={o.ok ? 'ok' : 'failed'}>
                <strong>{o.name}</strong>: {o.ok ? pastTense(verb) : `Failed — ${o.message}`}
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
