import type { ContainerSummary } from '../contract';
import type { EngineConnection } from './engine/connection';
import type { EngineManager } from './engine/manager';
import type { Logger } from './log';
import type { CallHandlers, Ctx } from './router';

/** How long a warmed answer waits for its page: one that has not asked by then is not coming. */
export const WARM_TTL_MS = 3000;

/** Bounds the warm-up's own engine request: no page holds it, so nothing else would. */
const WARM_REQUEST_MS = 10_000;

type ListCall = CallHandlers['containers.list'];

interface Warmed {
  answer: Promise<ContainerSummary[]>;
  /** The engine said something since the list was asked: it may be stale. */
  stale: boolean;
  drop(): void;
}

export interface WarmStart {
  /**
   * A window's page is loading with no other window open (the app's start): ask every
   * connected engine for its container list now, while the page loads, instead of after its
   * script has run and asked.
   */
  begin(): void;
  /** The handlers, with a warmed list answering the first page's own `containers.list`. */
  wrap(calls: CallHandlers): CallHandlers;
}

export interface WarmStartDeps {
  engines: EngineManager;
  log?: Pick<Logger, 'info'>;
  /** Runs a handler the way the router does: its engine requests bound to `signal`. */
  within<T>(signal: AbortSignal, fn: () => T): T;
}

/**
 * The first screen's data, asked for in parallel with the page that will ask for it. A warmed
 * list is used once, within WARM_TTL_MS, and only if its engine reported nothing in between (an
 * event or a reconnect): anything else asks the engine as usual. A failed warm-up is no answer
 * either; the page's own call then asks again.
 */
export function createWarmStart(deps: WarmStartDeps): WarmStart {
  const warmed = new Map<string, Warmed>();
  let list: ListCall | undefined;

  const warm = (engine: EngineConnection, call: ListCall) => {
    const engineId = engine.config.id;
    const signal = AbortSignal.timeout(WARM_REQUEST_MS);
    const ctx: Ctx = { connectionId: 'warm-start', signal };
    const answer = deps.within(signal, () => call({ engineId }, ctx));
    // Nobody may take it: its failure must not be an unhandled rejection.
    answer.catch(() => undefined);
    const entry: Warmed = {
      answer,
      stale: false,
      drop: () => {
        clearTimeout(timer);
        engine.off('event', onChange);
        engine.off('status', onChange);
        if (warmed.get(engineId) === entry) warmed.delete(engineId);
      },
    };
    const onChange = () => {
      entry.stale = true;
    };
    const timer = setTimeout(() => entry.drop(), WARM_TTL_MS);
    timer.unref?.();
    engine.on('event', onChange);
    engine.on('status', onChange);
    warmed.set(engineId, entry);
  };

  /** The warmed answer for this call, if it may stand for it; `ask` when it failed. */
  const take = (input: Parameters<ListCall>[0], ctx: Ctx, ask: ListCall) => {
    if (input.ids) return undefined;
    const entry = warmed.get(input.engineId);
    if (!entry) return undefined;
    entry.drop();
    if (entry.stale) return undefined;
    deps.log?.info(`containers.list of ${input.engineId}: answered by the page load's request`);
    return entry.answer.catch(() => ask(input, ctx));
  };

  return {
    begin() {
      if (!list) return;
      for (const engine of deps.engines.all()) {
        const id = engine.config.id;
        const fresh = warmed.get(id);
        if (fresh && !fresh.stale) continue;
        fresh?.drop();
        if (engine.status.state === 'connected') warm(engine, list);
      }
    },
    wrap(calls) {
      const own = calls['containers.list'];
      list = own;
      return {
        ...calls,
        'containers.list': (input, ctx) => take(input, ctx, own) ?? own(input, ctx),
      };
    },
  };
}
