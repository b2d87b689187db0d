import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/** At most this many re-reads (a second apart) while something stays unsettled. */
const MAX_ROUNDS = 120;

/**
 * Some Swarm changes have no engine event: a task's state, and a new manager's reachability
 * (dockerd sends node events for role, availability and status, not for ManagerStatus). While
 * `busy`, the given keys are read again a second after each answer — bounded, and never once
 * everything is steady. `data` is the list being watched: each new answer arms the next read.
 */
export function useSettle(busy: boolean, data: unknown, keys: QueryKey[]) {
  const queryClient = useQueryClient();
  const rounds = useRef(0);
  // By value: a new array each render must not re-arm the timer.
  const keyText = JSON.stringify(keys);
  useEffect(() => {
    if (!busy) {
      rounds.current = 0;
      return;
    }
    if (rounds.current >= MAX_ROUNDS) return;
    const t = setTimeout(() => {
      rounds.current += 1;
      for (const queryKey of JSON.parse(keyText) as QueryKey[])
        void queryClient.invalidateQueries({ queryKey });
    }, 1000);
    return () => clearTimeout(t);
  }, [busy, data, keyText, queryClient]);
}
