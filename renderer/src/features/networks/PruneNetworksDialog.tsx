import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { Dialog } from '../../components/Dialog';
import { PruneActions } from '../../components/PruneActions';
import { networkKeys, networkQueries } from './queries';

interface Props {
  engineId: string;
  onClose(): void;
}

/** Lists what will go first; after pruning, reports what went. */
export function PruneNetworksDialog({ engineId, onClose }: Props) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const prune = useMutation({
    mutationFn: () => call('networks.prune', { engineId }),
    onError: (err) => showError('Could not prune networks', err),
    onSettled: () => queryClient.invalidateQueries({ queryKey: networkKeys.list(engineId) }),
  });
  const preview = useQuery({ ...networkQueries.prunePreview(engineId), enabled: !prune.data });
  const going = preview.data?.networks ?? [];
  return (
    <Dialog title="Prune unused networks" onCancel={onClose} wide>
      {prune.data ? (
        <div role="status">
          <p>
            Removed {prune.data.removed.length} network
            {prune.data.removed.length === 1 ? '' : 's'}.
          </p>
          {prune.data.removed.length > 0 && (
            <ul aria-label="Removed networks" className="mono small scroll-list">
              {prune.data.removed.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      ) : preview.isPending ? (
        <p>Finding unused networks…</p>
      ) : preview.error ? (
        <p role="alert">Could not list unused networks: {preview.error.message}</p>
      ) : going.length === 0 ? (
        <p>No unused networks. Built-in networks are never pruned. Nothing to prune.</p>
      ) : (
        <>
          <p>
            These {going.length} network{going.length === 1 ? ' has' : 's have'} no running
            container. Pruning deletes {going.length === 1 ? 'it' : 'them'}; stopped containers
            created on {going.length === 1 ? 'it' : 'them'} will need another network to start.
          </p>
          <ul aria-label="Networks to remove" className="mono small scroll-list">
            {going.map((n) => (
              <li key={n.id}>{n.name}</li>
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
