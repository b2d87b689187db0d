import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PruneMode } from '../../../../contract';
import { call } from '../../api/client';
import { PruneDialog as Prune } from '../../components/PruneDialog';
import { useShowError } from '../../components/Toasts';
import { formatBytes } from '../../format/bytes';
import { shortId } from './format';
import { imageQueries } from './queries';

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
  const images = (k: number) => `${k} image${k === 1 ? '' : 's'}`;
  return (
    <Prune
      title="Prune images"
      onClose={onClose}
      preview={preview}
      count={n}
      pendingText="Working out what would be removed…"
      errorText="Could not preview"
      emptyText="Nothing to remove."
      prune={{ isPending: prune.isPending, run: () => prune.mutate() }}
      confirmLabel={`Remove ${images(n)}`}
      report={
        prune.data && (
          <p>
            Removed {images(prune.data.removed)}, reclaimed {formatBytes(prune.data.bytes)}.
          </p>
        )
      }
      options={
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
      }
    >
      <p role="status">
        {images(n)} will be removed, up to {formatBytes(preview.data?.bytes ?? 0)} (layers shared
        with kept images stay).
      </p>
      <ul aria-label="Images to remove" className="prune-list">
        {preview.data?.images.map((i) => (
          <li key={i.id} className="mono">
            {i.refs.length ? i.refs.join(', ') : `<none> ${shortId(i.id)}`} — {formatBytes(i.size)}
          </li>
        ))}
      </ul>
    </Prune>
  );
}
