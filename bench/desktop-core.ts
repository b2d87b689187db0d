// The desktop app's save path for the benches: main's core, built in the bench's process by
// the same createCore Electron calls (e2e/harness/core.ts), with its save dialog answering a
// fixed file. A download stream then runs engine → core → that file (downloads.toFile).
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DownloadTicketInput } from '../contract';
import { CORE_ENGINE_ID, saveThroughCore, startCore } from '../e2e/harness/core';
import type { EngineHandle } from '../e2e/harness/engine';

export interface DesktopCore {
  /** The id the core knows the engine by (inputs name it). */
  engineId: string;
  /** Saves as the desktop app would, until the file is complete; the file is removed after. */
  save(request: Omit<DownloadTicketInput, 'filename'>): Promise<{ ms: number; bytes: number }>;
  stop(): void;
}

export async function startDesktopCore(engine: EngineHandle): Promise<DesktopCore> {
  const file = join(engine.dir, 'desktop-save.out');
  const core = await startCore(engine.host, join(engine.dir, 'desktop-data'), () =>
    Promise.resolve(file),
  );
  const save: DesktopCore['save'] = async (request) => {
    const t0 = performance.now();
    const { error } = await saveThroughCore(core, {
      ...request,
      filename: 'bench.out',
    } as DownloadTicketInput);
    if (error) throw new Error(error.message);
    const ms = performance.now() - t0;
    const bytes = statSync(file).size;
    rmSync(file);
    return { ms, bytes };
  };
  return { engineId: CORE_ENGINE_ID, save, stop: () => core.stop() };
}
