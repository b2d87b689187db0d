import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNow as useSharedNow } from '../components/useNow';
import type { EngineInfo, EngineStatus } from '../../../contract';
import { subscribe } from '../api/client';
import { engineKeys } from './queries';

/**
 * Live state of every engine, keyed by id, from the engines.status stream. A status for an
 * engine the list does not know (added in another window) refetches the list.
 */
export function useEngineStatuses(): Record<string, EngineStatus> {
  const queryClient = useQueryClient();
  const [statuses, setStatuses] = useState<Record<string, EngineStatus>>({});
  useEffect(() => {
    const stream = subscribe('engines.status', {}, (status) => {
      setStatuses((prev) => ({ ...prev, [status.engineId]: status }));
      const known = queryClient.getQueryData<EngineInfo[]>(engineKeys.list());
      if (known && !known.some((e) => e.id === status.engineId)) {
        void queryClient.invalidateQueries({ queryKey: engineKeys.list() });
      }
    });
    return () => stream.close();
  }, [queryClient]);
  return statuses;
}

/**
 * The current time, refreshed every `intervalMs` while `active` (countdowns, relative dates),
 * from the app's one shared timer.
 */
export function useNow(active: boolean, intervalMs = 1000): number {
  return useSharedNow(intervalMs, active);
}
