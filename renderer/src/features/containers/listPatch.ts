import type { QueryClient } from '@tanstack/react-query';
import {
  DIE_SETTLE_MS,
  LIST_IDS_MAX,
  type ContainerSummary,
  type EngineStreamEvent,
} from '../../../../contract';
import { call } from '../../api/client';
import { refreshesEverything } from '../../events/event-keys';
import { VISIBLE } from './events';
import { containerKeys } from './queries';

/** What a batch of events does to the cached list: refetch it all, or patch some rows. */
export interface ListPatchPlan {
  full: boolean;
  /** Rows to fetch (filtered by id) and put in place; absent from the answer → removed. */
  fetch: string[];
  /** Rows to drop without asking (destroyed). */
  drop: string[];
  /** Rows to fetch once more a moment later: dockerd logs `die` before the list has it. */
  settle: string[];
}

/**
 * Pure. A network (dis)connect whose event names no container, or more rows than one filtered
 * request takes → the whole list; otherwise the rows named. A reconnect or daemon event is
 * no patch at all: the hub refetches every container key for it (events.ts).
 */
export function planListPatch(events: readonly EngineStreamEvent[]): ListPatchPlan | undefined {
  const fetch = new Set<string>();
  const drop = new Set<string>();
  const settle = new Set<string>();
  let full = false;
  for (const e of events) {
    if (refreshesEverything(e)) return undefined;
    if (e.kind !== 'event') continue;
    if (e.type === 'network' && (e.action === 'connect' || e.action === 'disconnect')) {
      // Every start and stop (dis)connects the container: patch its row when the event says
      // which container it was.
      if (e.container) fetch.add(e.container);
      else full = true;
    } else if (e.type === 'container' && VISIBLE.has(e.action)) {
      if (e.action === 'destroy') {
        drop.add(e.id);
        fetch.delete(e.id);
        settle.delete(e.id);
      } else {
        fetch.add(e.id);
        if (e.action === 'die') settle.add(e.id);
      }
    }
  }
  if (fetch.size > LIST_IDS_MAX) full = true;
  if (!full && fetch.size === 0 && drop.size === 0) return undefined;
  return { full, fetch: [...fetch], drop: [...drop], settle: [...settle] };
}

/** Pure. The cached list with the fetched rows in place, the gone ones out, new ones first. */
export function mergeListPatch(
  old: readonly ContainerSummary[],
  fresh: readonly ContainerSummary[],
  plan: Pick<ListPatchPlan, 'fetch' | 'drop'>,
): ContainerSummary[] {
  const byId = new Map(fresh.map((c) => [c.id, c]));
  const gone = new Set([...plan.drop, ...plan.fetch.filter((id) => !byId.has(id))]);
  const kept: ContainerSummary[] = [];
  for (const c of old) {
    if (gone.has(c.id)) continue;
    kept.push(byId.get(c.id) ?? c);
    byId.delete(c.id);
  }
  return [...byId.values(), ...kept];
}

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
