import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkSummary } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { networkKeys } from './queries';

interface Props {
  engineId: string;
  network: NetworkSummary;
  onClose(): void;
}

export function RemoveNetworkDialog({ engineId, network, onClose }: Props) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const remove = useMutation({
    mutationFn: () => call('networks.remove', { engineId, id: network.id }),
    onError: (err) => showError(`Could not remove ${network.name}`, err),
    onSettled: () => {
      onClose();
      return queryClient.invalidateQueries({ queryKey: networkKeys.list(engineId) });
    },
  });
  return (
    <ConfirmDialog
      verb="Remove"
      name={network.name}
      onCancel={onClose}
      onConfirm={() => remove.mutate()}
      disabled={remove.isPending}
    >
      <p>
        The network <strong>{network.name}</strong> ({network.driver}
        {network.subnets[0] ? `, ${network.subnets[0].subnet}` : ''}) will be deleted. Containers
        that were created on it will not start until they are connected to another network.
      </p>
      {network.containers > 0 && (
        <p>
          {network.containers} container{network.containers === 1 ? ' is' : 's are'} attached: the
          engine refuses while any of them is running.
        </p>
      )}
    </ConfirmDialog>
  );
}
