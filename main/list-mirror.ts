import {
  DIE_SETTLE_MS,
  LIST_IDS_MAX,
  mergeListPatch,
  planListPatch,
  refreshesEverything,
  type ContainerSummary,
  type EngineStreamEvent,
} from '../contract';
import type { Clock } from './clock';
import type { EngineConnection } from './engine/connection';
import type { EngineManager } from './engine/manager';
import type { Logger } from './log';
import type { CallHandlers, Ctx } from './router';

/** Bounds a fill that no page's call holds (one begun while a page loads). */
const FILL_REQUEST_MS = 10_000;

/** After a `die` its row may still change with no further event (DIE_SETTLE_MS). */
const SETTLE_MS = Math.max(...DIE_SETTLE_MS);

type ListCall = CallHandlers['containers.list'];

/** Main's copy of one engine's container list, and what has happened to it since. */
interface Copy {
  /** The connection whose events keep it current: a new one (a new address) starts afresh. */
  engine: EngineConnection;
  rows: ContainerSummary[] | undefined;
  filling: Promise<void> | undefined;
  /** Rows an event changed since they were read: id → the number of its latest event. */
  dirty: Map<string, number>;
  /** Rows a `die` may still change without another event: id → until when (ms). */
  settling: Map<string, number>;
  seq: number;
  /** Bumped when the rows become unknown: an answer begun before must not be kept. */
  epoch: number;
  unsubscribe(): void;
}

export interface ListMirror {
  /**
   * A window's page is loading (the app's start, or a page opened again): read the list of
   * every connected engine that has no copy now, while the page loads and before it asks.
   */
  begin(): void;
  /** The handlers, with a page's whole `containers.list` answered from the copy. */
  wrap(calls: CallHandlers): CallHandlers;
}

export interface ListMirrorDeps {
  engines: EngineManager;
  clock: Clock;
  log?: Pick<Logger, 'info'>;
  /** Runs a handler the way the router does: its engine requests bound to `signal`. */
  within<T>(signal: AbortSignal, fn: () => T): T;
}

/** `promise`, or the signal's reason once it aborts: a page that cancels stops waiting. */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Each connected engine's container list, kept in main between pages by the rule the page's
 * own cache follows (contract/container-list-patch.ts): an event marks the rows it changes,
 * and the next page that asks gets the copy with those rows read again (filtered by id) — at
 * 1,000 containers a few hundred bytes from the engine instead of the whole list. A reconnect,
 * a daemon event or a change too wide for one filtered request forgets the copy; the next
 * answer reads the whole list. So a page opened again shows what a fresh `docker ps -a` would,
 * without waiting for one. Lists of some ids (the page's own patches) always ask the engine.
 */
export function createListMirror(deps: ListMirrorDeps): ListMirror {
  const copies = new Map<string, Copy>();
  let list: ListCall | undefined;

  const forget = (copy: Copy) => {
    copy.rows = undefined;
    copy.filling = undefined;
    copy.dirty.clear();
    copy.settling.clear();
    copy.epoch += 1;
  };

  const onEvent = (copy: Copy, event: EngineStreamEvent) => {
    if (refreshesEverything(event)) return forget(copy);
    const plan = planListPatch([event]);
    if (!plan) return;
    if (plan.full) return forget(copy);
    for (const id of [...plan.fetch, ...plan.drop]) copy.dirty.set(id, ++copy.seq);
    for (const id of plan.settle) copy.settling.set(id, deps.clock.now() + SETTLE_MS);
    if (copy.dirty.size > LIST_IDS_MAX) forget(copy);
  };

  /** The copy for this connection of its engine (a new connection starts a new one). */
  const copyOf = (engine: EngineConnection): Copy => {
    const engineId = engine.config.id;
    const held = copies.get(engineId);
    if (held?.engine === engine) return held;
    held?.unsubscribe();
    const listener = (event: EngineStreamEvent) => onEvent(copy, event);
    const onStatus = () => {
      if (engine.status.state !== 'connected') forget(copy);
    };
    const copy: Copy = {
      engine,
      rows: undefined,
      filling: undefined,
      dirty: new Map(),
      settling: new Map(),
      seq: 0,
      epoch: 0,
      unsubscribe: () => {
        engine.off('event', listener);
        engine.off('status', onStatus);
      },
    };
    engine.on('event', listener);
    engine.on('status', onStatus);
    copies.set(engineId, copy);
    return copy;
  };

  /** Reads the whole list into the copy, bound by its own deadline, not by any page. */
  const fill = (copy: Copy, ask: ListCall): Promise<void> => {
    const engineId = copy.engine.config.id;
    const { epoch, seq } = copy;
    const signal = AbortSignal.timeout(FILL_REQUEST_MS);
    const ctx: Ctx = { connectionId: 'list-mirror', signal };
    const filling: Promise<void> = deps
      .within(signal, () => ask({ engineId }, ctx))
      .then((rows) => {
        if (copy.epoch !== epoch) return;
        copy.rows = rows;
        // The list was asked after these events: it has them.
        for (const [id, n] of copy.dirty) if (n <= seq) copy.dirty.delete(id);
      })
      // A failed fill leaves no copy; the page's call then asks the engine itself.
      .catch(() => undefined)
      .finally(() => {
        if (copy.filling === filling) copy.filling = undefined;
      });
    copy.filling = filling;
    return filling;
  };

  /** Rows to read again before the copy may answer. */
  const pending = (copy: Copy): string[] => {
    const now = deps.clock.now();
    for (const [id, until] of copy.settling) if (until <= now) copy.settling.delete(id);
    return [...new Set([...copy.dirty.keys(), ...copy.settling.keys()])];
  };

  const answer = async (input: Parameters<ListCall>[0], ctx: Ctx, ask: ListCall) => {
    const engine = input.ids
      ? undefined
      : deps.engines.all().find((e) => e.config.id === input.engineId);
    if (!engine || engine.status.state !== 'connected') return ask(input, ctx);
    const copy = copyOf(engine);
    const { engineId } = input;
    // Each turn either answers or waits for something that changed the copy; a copy forgotten
    // again and again (a daemon restarting) is not waited for a third time.
    for (let turn = 0; turn < 3; turn++) {
      if (!copy.rows) {
        await orAbort(copy.filling ?? fill(copy, ask), ctx.signal);
        if (!copy.rows) return ask(input, ctx);
        continue;
      }
      const ids = pending(copy);
      if (ids.length === 0) return copy.rows;
      // Marked and settling rows together may be more than one filtered request takes.
      if (ids.length > LIST_IDS_MAX) {
        forget(copy);
        continue;
      }
      const { epoch } = copy;
      const seen = new Map(ids.map((id) => [id, copy.dirty.get(id)]));
      const fresh = await ask({ engineId, ids }, ctx);
      if (copy.epoch !== epoch || !copy.rows) continue;
      copy.rows = mergeListPatch(copy.rows, fresh, { fetch: ids, drop: [] });
      for (const [id, n] of seen)
        if (n !== undefined && copy.dirty.get(id) === n) copy.dirty.delete(id);
      deps.log?.info(`containers.list of ${engineId}: main's copy, ${ids.length} rows read again`);
      return copy.rows;
    }
    return ask(input, ctx);
  };

  return {
    begin() {
      if (!list) return;
      const engines = deps.engines.all();
      const known = new Set(engines.map((e) => e.config.id));
      for (const [id, copy] of copies) {
        if (known.has(id)) continue;
        copy.unsubscribe();
        copies.delete(id);
      }
      for (const engine of engines) {
        if (engine.status.state !== 'connected') continue;
        const copy = copyOf(engine);
        if (!copy.rows && !copy.filling) void fill(copy, list);
      }
    },
    wrap(calls) {
      const own = calls['containers.list'];
      list = own;
      return { ...calls, 'containers.list': (input, ctx) => answer(input, ctx, own) };
    },
  };
}
