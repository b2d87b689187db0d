import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { formatBytes } from './format';
import { Dialog } from '../../components/Dialog';
import { PruneActions } from '../../components/PruneActions';
import { volumeKeys, volumeQueries } from './queries';

interface Props {
  engineId: string;
  onClose(): void;
}

/** Lists what will go first; after pruning, reports what went and the space reclaimed. */
export function PruneVolumesDialog({ engineId, onClose }: Props) {
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
    <Dialog title="Prune unused volumes" onCancel={onClose} wide>
      {prune.data ? (
        <div role="status">
          <p>
            Removed {prune.data.removed.length} volume{prune.data.removed.length === 1 ? '' : 's'},
            reclaimed {formatBytes(prune.data.bytes)}.
          </p>
          {prune.data.removed.length > 0 && (
            <ul aria-label="Removed volumes" className="mono small scroll-list">
              {prune.data.removed.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      ) : preview.isPending ? (
        <p>Finding unused volumes…</p>
      ) : preview.error ? (
        <p role="alert">Could not list unused volumes: {preview.error.message}</p>
      ) : going.length === 0 ? (
        <p>No unused volumes: every volume is used by a container. Nothing to prune.</p>
      ) : (
        <>
          <p>
            These {going.length} volume{going.length === 1 ? '' : 's'} are not used by any container
            (running or stopped). Pruning deletes them and all their data (
            {formatBytes(preview.data?.bytes ?? 0)}). This cannot be undone.
          </p>
          <ul aria-label="Volumes to remove" className="mono small scroll-list">
            {going.map((v) => (
              <li key={v.name}>
                {v.name} — {formatBytes(v.size)}
              </li>
            ))}
          </ul>
        </>
      )}
      <PruneActions
        done={!!prune.data}
        pending={prune.isPending}
        empty={going.length === 0}
        onClose={onClose}
        onConfirm={() => prune.mutate()}
      />
    </Dialog>
  );
}
