import type { QueryClient } from '@tanstack/react-query';
import {
  DIE_SETTLE_MS,
  mergeListPatch,
  planListPatch,
  type ContainerSummary,
  type EngineStreamEvent,
  type ListPatchPlan,
} from '../../../../contract';
import { call } from '../../api/client';
import { containerKeys } from './queries';

/**
 * Keeps one engine's cached container list current from its events at the cost of the rows
 * that changed: a `docker stop` fetches one row (filtered by id), not the whole list. Patches
 * apply one at a time in event order, so a slower earlier answer never overwrites a later one;
 * while a whole-list fetch is running a patch waits for it to be redone instead.
 */
export function createListPatcher(queryClient: QueryClient, engineId: string) {
  const key = containerKeys.list(engineId);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let chain: Promise<void> = Promise.resolve();
  let disposed = false;

  const refetchAll = () => queryClient.invalidateQueries({ queryKey: key });

  const apply = async (plan: Pick<ListPatchPlan, 'full' | 'fetch' | 'drop'>) => {
    if (disposed) return;
    const cached = queryClient.getQueryData<ContainerSummary[]>(key);
    if (plan.full || !cached || queryClient.isFetching({ queryKey: key }) > 0) {
      await refetchAll();
      return;
    }
    try {
      const fresh = plan.fetch.length
        ? await call('containers.list', { engineId, ids: plan.fetch })
        : [];
      if (disposed) return;
      queryClient.setQueryData<ContainerSummary[]>(key, (old) =>
        old ? mergeListPatch(old, fresh, plan) : old,
      );
    } catch {
      await refetchAll();
    }
  };

  const enqueue = (plan: Pick<ListPatchPlan, 'full' | 'fetch' | 'drop'>) => {
    chain = chain.then(() => apply(plan)).catch(() => undefined);
    return chain;
  };

  return {
    onEvents(events: readonly EngineStreamEvent[]) {
      const plan = planListPatch(events);
      if (!plan) return;
      void enqueue(plan);
      if (plan.full || plan.settle.length === 0) return;
      for (const ms of DIE_SETTLE_MS) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void enqueue({ full: false, fetch: plan.settle, drop: [] });
        }, ms);
        timers.add(timer);
      }
    },
    /** After the user's own action: that row, in case its event was missed. */
    refresh(ids: string[]) {
      return enqueue({ full: false, fetch: ids, drop: [] });
    },
    dispose() {
      disposed = true;
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}
