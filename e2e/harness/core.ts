// Main's core built in the test's (or bench's) own process, as Electron's main builds it —
// for what only the desktop app does (its save dialog, answered here by `chooseSavePath`),
// driven over the real router against a real engine. There is no Electron binary here.
import type {
  DownloadTicketInput,
  EngineStatus,
  PortholeError,
  SaveToFileEvent,
} from '../../contract';
import { createCore, type Core } from '../../main/core';
import type { ChooseSavePath } from '../../main/transport/save-to-file';

/** The id the core knows its one engine by. */
export const CORE_ENGINE_ID = 'e2e';

/** A core on the engine at `host` (unix://…); resolves once it has connected. */
export async function startCore(
  host: string,
  dataDir: string,
  chooseSavePath?: ChooseSavePath,
): Promise<Core> {
  const core = createCore({
    dataDir,
    log: { info: () => {}, error: () => {} },
    engines: [
      {
        id: CORE_ENGINE_ID,
        name: 'E2E',
        source: 'env',
        endpoint: { kind: 'unix', socketPath: host.slice('unix://'.length) },
        preferred: true,
      },
    ],
    ...(chooseSavePath ? { chooseSavePath } : {}),
  });
  await new Promise<void>((resolve) =>
    core.engines.on('status', (s: EngineStatus) => s.state === 'connected' && resolve()),
  );
  return core;
}

export interface SaveEnded {
  events: SaveToFileEvent[];
  error?: PortholeError | undefined;
}

/** Runs downloads.toFile to its end; `onEvent` may close it (a Cancel). */
export function saveThroughCore(
  core: Core,
  request: DownloadTicketInput,
  onEvent: (e: SaveToFileEvent, close: () => void) => void = () => {},
): Promise<SaveEnded> {
  return new Promise((resolve) => {
    const events: SaveToFileEvent[] = [];
    let close = () => {};
    const r = core.router.open(
      { connectionId: 'test', signal: new AbortController().signal },
      'downloads.toFile',
      request,
      {
        event: (e) => {
          events.push(e as SaveToFileEvent);
          onEvent(e as SaveToFileEvent, close);
        },
        end: (error) => resolve({ events, error }),
        buffered: () => 0,
      },
    );
    if (!r.ok) return resolve({ events, error: r.error });
    close = () => {
      r.value.close();
      resolve({ events });
    };
  });
}
