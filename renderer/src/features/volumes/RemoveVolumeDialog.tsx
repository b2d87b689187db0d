import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolumeSummary } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { Dialog } from '../../components/Dialog';
import { volumeKeys } from './queries';

interface Props {
  engineId: string;
  volume: VolumeSummary;
  onClose(): void;
}

/** Names what is lost; when containers hold the volume, says so before the engine does. */
export function RemoveVolumeDialog({ engineId, volume, onClose }: Props) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const remove = useMutation({
    mutationFn: () => call('volumes.remove', { engineId, name: volume.name }),
    onError: (err) => showError(`Could not remove ${volume.name}`, err),
    onSettled: () => {
      onClose();
      return queryClient.invalidateQueries({ queryKey: volumeKeys.all(engineId) });
    },
  });
  return (
    <Dialog title={`Remove ${volume.name}?`} onCancel={onClose}>
      <p>
        The volume <strong className="wrap-anywhere">{volume.name}</strong> and all the data in it
        will be deleted. This cannot be undone.
      </p>
      {volume.usedBy.length > 0 && (
        <p>
          It is used by {volume.usedBy.map((u) => `${u.name} (${u.state})`).join(', ')}: the engine
          refuses to remove it until those containers are removed.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Remove
        </button>
      </div>
    </Dialog>
  );
}
