import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolumeSummary } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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
    <ConfirmDialog
      verb="Remove"
      name={volume.name}
      onCancel={onClose}
      onConfirm={() => remove.mutate()}
      disabled={remove.isPending}
    >
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
    </ConfirmDialog>
  );
}
