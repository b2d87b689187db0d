import type { ContainerSummary, EngineStreamEvent } from './resources';
import { LIST_IDS_MAX } from './calls/containers';

// One rule for keeping a container list current from engine events, shared by the page's cache
// (renderer/src/features/containers/listPatch.ts) and main's copy (main/list-mirror.ts): the two
// must agree on what an event changes, or one of them would show what the other has dropped.

/** A reconcile marker (after a reconnect) or a daemon event: anything may have changed. */
export function refreshesEverything(event: EngineStreamEvent): boolean {
  return event.kind === 'reconcile' || event.type === 'daemon';
}

// Container actions that change what a list or detail shows. exec_*, attach, resize, top and
// archive reads change nothing visible, and on a busy engine they are most of the traffic.
export const VISIBLE_CONTAINER_ACTIONS: ReadonlySet<string> = new Set([
  'create',
  'start',
  'restart',
  'stop',
  'die',
  'kill',
  'pause',
  'unpause',
  'destroy',
  'rename',
  'update',
  'health_status',
  'oom',
]);

/** What a batch of events does to a list: refetch it all, or patch some rows. */
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
 * request takes → the whole list; otherwise the rows named. A reconnect or daemon event is no
 * patch at all (undefined, as for events that change no row): its caller refetches everything.
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
    } else if (e.type === 'container' && VISIBLE_CONTAINER_ACTIONS.has(e.action)) {
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

/** Pure. The list with the fetched rows in place, the gone ones out, new ones first. */
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
