import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { useSettings } from '../settings/queries';
import { isRunning } from './format';
import { containerKeys } from './queries';
import { pastTense, runBulk, type BulkOutcome, type BulkVerb } from './bulk';
import { useOfferRecreate } from './undoRemove';

interface Props {
  verb: BulkVerb;
  /** With their engine: in All engines one selection may span several. */
  containers: (ContainerSummary & { engineId: string })[];
  /** Set for a compose project's actions: "Stop project shop?" */
  project?: string;
  onClose(): void;
}

/**
 * One confirmation for many containers (the shared ConfirmDialog), then its progress and one
 * line of result per container. With "Confirm before removing" off a Remove runs at once and
 * removes running containers too, as a single Remove does; anonymous volumes stay.
 */
export function BulkDialog({ verb, containers, project, onClose: close }: Props) {
  const queryClient = useQueryClient();
  const offerRecreate = useOfferRecreate();
  const [forceTicked, setForce] = useState(false);
  const { confirmRemove, loaded } = useSettings();
  const force = forceTicked || (loaded && !confirmRemove);
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | undefined>();
  const n = containers.length;
  const what = project ? `project ${project}` : `${n} container${n === 1 ? '' : 's'}`;
  const running = containers.filter(isRunning).length;
  const failed = outcomes?.filter((o) => !o.ok).length ?? 0;

  // Stable: ConfirmDialog confirms a Remove by itself from an effect that depends on it.
  const go = useCallback(async () => {
    setProgress(0);
    const result = await runBulk(verb, containers, { force, removeVolumes }, setProgress);
    setOutcomes(result);
    setProgress(undefined);
    for (const engineId of new Set(containers.map((c) => c.engineId))) {
      void queryClient.invalidateQueries({ queryKey: containerKeys.list(engineId) });
    }
  }, [verb, containers, force, removeVolumes, queryClient]);
  const confirm = useCallback(() => void go(), [go]);
  // The stopped ones removed can be made again from their settings: offered once the dialog is
  // closed (the page behind a modal dialog cannot be used). A project comes back with `up`.
  const onClose = () => {
    const saved = outcomes?.flatMap((o) => (o.ok && o.saved ? [o.saved] : [])) ?? [];
    if (verb === 'Remove' && !project) {
      const ids = new Set(outcomes?.filter((o) => o.saved).map((o) => o.id));
      offerRecreate(saved, {
        removed: outcomes?.filter((o) => o.ok).length ?? 0,
        volumesRemoved:
          removeVolumes && containers.some((c) => ids.has(c.id) && c.anonymousVolumes > 0),
      });
    }
    close();
  };

  if (progress === undefined && !outcomes) {
    return (
      <ConfirmDialog
        verb={verb}
        name={what}
        harmless={verb !== 'Remove'}
        onConfirm={confirm}
        onCancel={onClose}
      >
        <p>
          {verb} {n === 1 ? 'this container' : `these ${n} containers`}:
        </p>
        <ul className="name-list">
          {containers.map((c) => (
            <li key={`${c.engineId}/${c.id}`}>
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
                  checked={forceTicked}
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
      </ConfirmDialog>
    );
  }

  return (
    <Dialog title={`${verb} ${what}?`} onCancel={onClose}>
      {!outcomes ? (
        <progress aria-label={`${verb} ${what}`} max={n} value={progress} />
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
