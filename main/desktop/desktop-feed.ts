import {
  DIE_SETTLE_MS,
  type ContainerSummary,
  type EngineInfo,
  type EngineStreamEvent,
} from '../../contract';
import type { Router } from '../router';
import type { TrayContainer } from './tray';

/** "Exited (137) 2 seconds ago" → 137; anything else (running, created…) → undefined. */
export function exitCodeOf(status: string): number | undefined {
  const m = /^Exited \((-?\d{1,10})\)/.exec(status);
  return m ? Number(m[1]) : undefined;
}

/** Events that change what the tray shows. */
const CHANGES = new Set([
  'create',
  'start',
  'stop',
  'die',
  'destroy',
  'rename',
  'pause',
  'unpause',
]);
/** At once, then again after DIE_SETTLE_MS, as the Containers screen does. */
const EXIT_RETRIES_MS = [0, ...DIE_SETTLE_MS];

export interface ExitedContainer {
  engineId: string;
  id: string;
  name: string;
  exitCode: number;
}

/**
 * The desktop shell's view of the engines, through the same router the windows use: every
 * engine's containers for the tray and badge (kept current by its events stream, no polling),
 * and each container that exits, for notifications.
 */
export function startDesktopFeed(deps: {
  router: Router;
  update(list: TrayContainer[]): void;
  exited(c: ExitedContainer): void;
  warn(message: string): void;
  wait?: (ms: number) => Promise<void>;
}) {
  const ac = new AbortController();
  const ctx = { connectionId: 'desktop-shell', signal: ac.signal };
  const wait = deps.wait ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const lists = new Map<string, ContainerSummary[]>();
  const streams: { close(): void }[] = [];
  const publish = () =>
    deps.update(
      [...lists.entries()].flatMap(([engineId, list]) =>
        list.map((c) => ({ engineId, id: c.id, name: c.name, state: c.state })),
      ),
    );

  const fetchList = async (engineId: string) => {
    const r = await deps.router.call(ctx, 'containers.list', { engineId });
    if (!r.ok || ac.signal.aborted) return undefined;
    const list = r.value as ContainerSummary[];
    lists.set(engineId, list);
    publish();
    return list;
  };
  // One list request per engine at a time; a burst of events is one more fetch, not one each.
  const busy = new Map<string, boolean>();
  const refresh = async (engineId: string): Promise<void> => {
    if (busy.has(engineId)) return void busy.set(engineId, true);
    busy.set(engineId, false);
    try {
      await fetchList(engineId);
    } finally {
      const again = busy.get(engineId);
      busy.delete(engineId);
      if (again && !ac.signal.aborted) await refresh(engineId);
    }
  };
  const watchExit = async (engineId: string, id: string) => {
    for (const ms of EXIT_RETRIES_MS) {
      if (ms) await wait(ms);
      if (ac.signal.aborted) return;
      const c = (await fetchList(engineId))?.find((x) => x.id === id);
      if (!c) return;
      const exitCode = exitCodeOf(c.status);
      if (exitCode !== undefined) return deps.exited({ engineId, id, name: c.name, exitCode });
    }
  };

  const watch = (engineId: string) => {
    const opened = deps.router.open(
      ctx,
      'engine.events',
      { engineId },
      {
        event(raw) {
          const ev = raw as EngineStreamEvent;
          if (ev.kind === 'reconcile') void refresh(engineId);
          else if (ev.type === 'container' && CHANGES.has(ev.action)) {
            if (ev.action === 'die') void watchExit(engineId, ev.id);
            else void refresh(engineId);
          }
        },
        end: (error) => error && deps.warn(`Tray: events of ${engineId} ended: ${error.message}`),
        buffered: () => 0,
      },
    );
    if (opened.ok) streams.push(opened.value);
  };

  void deps.router.call(ctx, 'engines.list', {}).then((r) => {
    if (!r.ok || ac.signal.aborted) return;
    for (const e of r.value as EngineInfo[]) {
      void refresh(e.id);
      watch(e.id);
    }
  });
  return {
    stop() {
      ac.abort();
      for (const s of streams.splice(0)) s.close();
    },
  };
}
