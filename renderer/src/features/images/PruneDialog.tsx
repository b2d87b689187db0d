import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PruneMode } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { formatBytes, shortId } from './format';
import { imageQueries } from './queries';
import { Dialog } from '../../components/Dialog';
import { PruneActions } from '../../components/PruneActions';

/** Prune with a preview of what goes and how big it is, then what was actually reclaimed. */
export function PruneDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const [mode, setMode] = useState<PruneMode>('dangling');
  const showError = useShowError();
  const preview = useQuery(imageQueries.prunePreview(engineId, mode));
  const prune = useMutation({
    mutationFn: () => call('images.prune', { engineId, mode }),
    onError: (err) => showError('Could not prune images', err),
  });
  const n = preview.data?.images.length ?? 0;
  return (
    <Dialog title="Prune images" onCancel={onClose} wide>
      {prune.data ? (
        <p role="status">
          Removed {prune.data.removed} image{prune.data.removed === 1 ? '' : 's'}, reclaimed{' '}
          {formatBytes(prune.data.bytes)}.
        </p>
      ) : (
        <>
          <fieldset className="radios">
            <legend>What to remove</legend>
            <label className="check">
              <input
                type="radio"
                name="prune-mode"
                checked={mode === 'dangling'}
                onChange={() => setMode('dangling')}
              />
              Dangling images (untagged, not used by any container)
            </label>
            <label className="check">
              <input
                type="radio"
                name="prune-mode"
                checked={mode === 'unused'}
                onChange={() => setMode('unused')}
              />
              All unused images (not used by any container, tagged or not)
            </label>
          </fieldset>
          {preview.isPending ? (
            <p aria-live="polite">Working out what would be removed…</p>
          ) : preview.error ? (
            <p role="alert">Could not preview: {preview.error.message}</p>
          ) : (
            <>
              <p role="status">
                {n === 0
                  ? 'Nothing to remove.'
                  : `${n} image${n === 1 ? '' : 's'} will be removed, up to ${formatBytes(preview.data.bytes)} (layers shared with kept images stay).`}
              </p>
              {n > 0 && (
                <ul aria-label="Images to remove" className="prune-list">
                  {preview.data.images.map((i) => (
                    <li key={i.id} className="mono">
                      {i.refs.length ? i.refs.join(', ') : `<none> ${shortId(i.id)}`} —{' '}
                      {formatBytes(i.size)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
      <PruneActions
        done={!!prune.data}
        pending={prune.isPending}
        empty={n === 0}
        onClose={onClose}
        onConfirm={() => prune.mutate()}
        label={
          <>
            Remove {n} image{n === 1 ? '' : 's'}
          </>
        }
      />
    </Dialog>
  );
}
