import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContainerSummary } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError, useShowResult } from '../../components/Toasts';
import { createListPatcher } from './listPatch';
import { keepForRecreate, useOfferRecreate } from './undoRemove';

export type ContainerAction =
  { verb: SimpleVerb } | { verb: 'Remove'; force: boolean; removeVolumes: boolean };

export const CALLS = {
  Start: 'containers.start',
  Stop: 'containers.stop',
  Restart: 'containers.restart',
  Pause: 'containers.pause',
  Unpause: 'containers.unpause',
  Kill: 'containers.kill',
} as const;
export type SimpleVerb = keyof typeof CALLS;

/**
 * Lifecycle mutations, each sent to the container's own engine (rows in All engines come from
 * several). The events stream updates the list; errors become alerts.
 */
export function useContainerAction() {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const showResult = useShowResult();
  const offerRecreate = useOfferRecreate();
  const mutation = useMutation({
    mutationFn: async ({
      container,
      action,
    }: {
      container: ContainerSummary & { engineId: string };
      action: ContainerAction;
    }) => {
      const ref = { engineId: container.engineId, id: container.id };
      if (action.verb !== 'Remove') {
        await call(CALLS[action.verb], ref);
        return undefined;
      }
      // A stopped container's settings, read before they are gone: "Recreate" in the toast.
      const saved = await keepForRecreate(ref);
      await call('containers.remove', {
        ...ref,
        force: action.force,
        removeVolumes: action.removeVolumes,
      });
      return saved;
    },
    // A stop can be undone: the toast offers to start it again (the same mutation). A remove of
    // a stopped container: a new one can be made from its settings.
    onSuccess: (saved, { container, action }) => {
      if (action.verb === 'Remove' && saved)
        offerRecreate([saved], {
          removed: 1,
          volumesRemoved: action.removeVolumes && container.anonymousVolumes > 0,
        });
      if (action.verb === 'Stop')
        showResult(`Stopped ${container.name}`, {
          label: 'Start again',
          run: () => mutation.mutate({ container, action: { verb: 'Start' } }),
        });
    },
    onError: (err, { container, action }) =>
      showError(`Could not ${action.verb.toLowerCase()} ${container.name}`, err),
    // Belt and braces: if an event is missed the row is still right after our own action.
    onSettled: (_r, _e, { container }) =>
      createListPatcher(queryClient, container.engineId).refresh([container.id]),
  });
  return mutation;
}
