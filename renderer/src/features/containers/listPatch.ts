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
export function createListPatcher(
  queryClient: QueryClient,
  engineId: string,
  ask: typeof call = call,
) {
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
        ? await ask('containers.list', { engineId, ids: plan.fetch })
        : [];
      if (disposed) return;
      queryClient.setQueryData<ContainerSummary[]>(key, (old) =>
        old ? mergeListPatch(old, fresh, plan) : old,
      );
    } catch {
      await refetchAll();
    }
  };

  /** Once no fetch of the whole list is in flight (one is not cancelled to start another). */
  const noFetchInFlight = () =>
    new Promise<void>((resolve) => {
      if (queryClient.isFetching({ queryKey: key }) === 0) return resolve();
      const stop = queryClient.getQueryCache().subscribe(() => {
        if (queryClient.isFetching({ queryKey: key }) > 0) return;
        stop();
        resolve();
      });
    });

  const enqueue = (plan: Pick<ListPatchPlan, 'full' | 'fetch' | 'drop'>) => {
    chain = chain.then(() => apply(plan)).catch(() => undefined);
    return chain;
  };

  return {
    /** The query it keeps current (the events hub leaves it to this patcher). */
    key,
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
    /**
     * The engine's events subscription was just sent. What the engine reported before main had
     * it will not come on it, so a list asked before it (the page's first, one in flight, one
     * cached while another engine was in view) may lack those changes: ask once more, after
     * it. Main answers from its copy, reading again only the rows those events changed.
     */
    subscribed() {
      const asked = queryClient.getQueryState(key);
      if (!asked || (asked.dataUpdatedAt === 0 && asked.fetchStatus !== 'fetching')) return;
      chain = chain
        .then(noFetchInFlight)
        .then(() => (disposed ? undefined : refetchAll()))
        .catch(() => undefined);
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
