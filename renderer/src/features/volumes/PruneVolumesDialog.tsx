import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { EngineField, useTargetEngine } from '../../components/EngineField';
import { PruneDialog } from '../../components/PruneDialog';
import { useShowError } from '../../components/Toasts';
import { formatBytes } from '../../format/bytes';
import { volumeKeys, volumeQueries } from './queries';

interface Props {
  onClose(): void;
}

/** Lists what will go first; after pruning, reports what went and the space reclaimed. */
export function PruneVolumesDialog({ onClose }: Props) {
  const [engineId, setEngineId] = useTargetEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const prune = useMutation({
    mutationFn: () => call('volumes.prune', { engineId }),
    onError: (err) => showError('Could not prune volumes', err),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: volumeKeys.sizes(engineId) });
      return queryClient.invalidateQueries({ queryKey: volumeKeys.list(engineId) });
    },
  });
  // Frozen once pruned: the live preview would otherwise turn empty under the report.
  const preview = useQuery({ ...volumeQueries.prunePreview(engineId), enabled: !prune.data });
  const going = preview.data?.volumes ?? [];
  return (
    <PruneDialog
      title="Prune unused volumes"
      onClose={onClose}
      options={<EngineField value={engineId} onChange={setEngineId} />}
      preview={preview}
      count={going.length}
      pendingText="Finding unused volumes…"
      errorText="Could not list unused volumes"
      emptyText="No unused volumes: every volume is used by a container. Nothing to prune."
      prune={{ isPending: prune.isPending, run: () => prune.mutate() }}
      report={
        prune.data && (
          <>
            <p>
              Removed {prune.data.removed.length} volume
              {prune.data.removed.length === 1 ? '' : 's'}, reclaimed{' '}
              {formatBytes(prune.data.bytes)}.
            </p>
            {prune.data.removed.length > 0 && (
              <ul aria-label="Removed volumes" className="mono small scroll-list">
                {prune.data.removed.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </>
        )
      }
    >
      <p>
        {going.length === 1 ? 'This volume is' : `These ${going.length} volumes are`} not used by
        any container (running or stopped). Pruning deletes {going.length === 1 ? 'it' : 'them'} and
        all {going.length === 1 ? 'its' : 'their'} data ({formatBytes(preview.data?.bytes ?? 0)}).
        This cannot be undone.
      </p>
      <ul aria-label="Volumes to remove" className="mono small scroll-list">
        {going.map((v) => (
          <li key={v.name}>
            {v.name} — {formatBytes(v.size)}
          </li>
        ))}
      </ul>
    </PruneDialog>
  );
}
