// The desktop app's save path for the benches: main's core, built in the bench's process by
// the same createCore Electron calls, with its save dialog answering a fixed file. A download
// stream then runs engine → core → that file (downloads.toFile, main/transport/save-to-file.ts).
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DownloadTicketInput, EngineStatus } from '../contract';
import type { EngineHandle } from '../e2e/harness/engine';
import { createCore } from '../main/core';

export interface DesktopCore {
  /** The id the core knows the engine by (inputs name it). */
  engineId: string;
  /** Saves as the desktop app would, until the file is complete; the file is removed after. */
  save(request: Omit<DownloadTicketInput, 'filename'>): Promise<{ ms: number; bytes: number }>;
  stop(): void;
}

export async function startDesktopCore(engine: EngineHandle): Promise<DesktopCore> {
  const file = join(engine.dir, 'desktop-save.out');
  const core = createCore({
    dataDir: join(engine.dir, 'desktop-data'),
    log: { info: () => {}, error: () => {} },
    engines: [
      {
        id: 'bench',
        name: 'Bench',
        source: 'env',
        endpoint: { kind: 'unix', socketPath: engine.host.slice('unix://'.length) },
        preferred: true,
      },
    ],
    chooseSavePath: () => Promise.resolve(file),
  });
  await new Promise<void>((resolve) =>
    core.engines.on('status', (s: EngineStatus) => s.state === 'connected' && resolve()),
  );
  const save: DesktopCore['save'] = (request) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const r = core.router.open(
        { connectionId: 'bench', signal: new AbortController().signal },
        'downloads.toFile',
        { ...request, filename: 'bench.out' },
        {
          event: () => {},
          end: (error) => {
            if (error) return reject(new Error(error.message));
            const ms = performance.now() - t0;
            const bytes = statSync(file).size;
            rmSync(file);
            resolve({ ms, bytes });
          },
          buffered: () => 0,
        },
      );
      if (!r.ok) reject(new Error(r.error.message));
    });
  return { engineId: 'bench', save, stop: () => core.stop() };
}
