import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useShowError } from '../../components/Toasts';
import { swarmKeys } from './queries';

/**
 * A Swarm operation: on failure a toast in the engine's words; either way the engine's Swarm
 * views are read again (the event for it may come a moment later, or not at all for tasks).
 */
export function useSwarmAction<V>(
  engineId: string,
  what: (v: V) => string,
  run: (v: V) => Promise<unknown>,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: run,
    onSuccess: () => onDone?.(),
    onError: (err, v) => showError(`Could not ${what(v)}`, err),
    onSettled: () => queryClient.invalidateQueries({ queryKey: swarmKeys.all(engineId) }),
  });
}
