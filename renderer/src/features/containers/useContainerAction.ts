import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContainerSummary } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { containerKeys } from './queries';

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

/** Lifecycle mutations. The events stream updates the list; errors become alerts. */
export function useContainerAction(engineId: string) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: ({
      container,
      action,
    }: {
      container: ContainerSummary;
      action: ContainerAction;
    }) =>
      action.verb === 'Remove'
        ? call('containers.remove', {
            engineId,
            id: container.id,
            force: action.force,
            removeVolumes: action.removeVolumes,
          })
        : call(CALLS[action.verb], { engineId, id: container.id }),
    onError: (err, { container, action }) =>
      showError(`Could not ${action.verb.toLowerCase()} ${container.name}`, err),
    // Belt and braces: if an event is missed the list is still right after our own action.
    onSettled: () => queryClient.invalidateQueries({ queryKey: containerKeys.list(engineId) }),
  });
}
