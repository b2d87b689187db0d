import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { EngineField, useTargetEngine } from '../../components/EngineField';
import { PruneDialog } from '../../components/PruneDialog';
import { useShowError } from '../../components/Toasts';
import { networkKeys, networkQueries } from './queries';

interface Props {
  onClose(): void;
}

/** Lists what will go first; after pruning, reports what went. */
export function PruneNetworksDialog({ onClose }: Props) {
  const [engineId, setEngineId] = useTargetEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const prune = useMutation({
    mutationFn: () => call('networks.prune', { engineId }),
    onError: (err) => showError('Could not prune networks', err),
    onSettled: () => queryClient.invalidateQueries({ queryKey: networkKeys.list(engineId) }),
  });
  // Frozen once pruned: the live preview would otherwise turn empty under the report.
  const preview = useQuery({ ...networkQueries.prunePreview(engineId), enabled: !prune.data });
  const going = preview.data?.networks ?? [];
  const removed = prune.data?.removed;
  const them = going.length === 1 ? 'it' : 'them';
  return (
    <PruneDialog
      title="Prune unused networks"
      onClose={onClose}
      options={<EngineField value={engineId} onChange={setEngineId} />}
      preview={preview}
      count={going.length}
      pendingText="Finding unused networks…"
      errorText="Could not list unused networks"
      emptyText="No unused networks. Built-in networks are never pruned. Nothing to prune."
      prune={{ isPending: prune.isPending, run: () => prune.mutate() }}
      report={
        removed && (
          <>
            <p>
              Removed {removed.length} network{removed.length === 1 ? '' : 's'}.
            </p>
            {removed.length > 0 && (
              <ul aria-label="Removed networks" className="mono small scroll-list">
                {removed.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </>
        )
      }
    >
      <p>
        These {going.length} network{going.length === 1 ? ' has' : 's have'} no running container.
        Pruning deletes {them}; stopped containers created on {them} will need another network to
        start.
      </p>
      <ul aria-label="Networks to remove" className="mono small scroll-list">
        {going.map((n) => (
          <li key={n.id}>{n.name}</li>
        ))}
      </ul>
    </PruneDialog>
  );
}
