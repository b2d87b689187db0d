import { join } from 'node:path';
import { startApp, stopApp, type AppHandle } from './app';
import { destroyEngine, importBusybox, newEngine, startDockerd, type EngineHandle } from './engine';

/** The hooks of Playwright's `test` (base or extended) that this helper needs. */
interface Hooks {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
  setTimeout(ms: number): void;
}

export interface OwnEngine {
  engine: EngineHandle;
  app: AppHandle;
}

/**
 * A private engine (own socket, bridge, data root) and a web-mode app on it, for the describe
 * block that calls this: for tests that stop, prune or flood an engine, which would break tests
 * running in parallel on the suite's shared one. Torn down by pid after the block.
 */
export function useOwnEngine(
  test: Hooks,
  prefix: string,
  opts: { withImage?: boolean } = {},
): OwnEngine {
  const own = {} as OwnEngine;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    own.engine = newEngine(`porthole-e2e-${prefix}-`);
    await startDockerd(own.engine);
    if (opts.withImage !== false) importBusybox(own.engine);
    own.app = await startApp({
      dockerHost: own.engine.host,
      dataDir: join(own.engine.dir, 'app-data'),
      logFile: join(own.engine.dir, 'app.log'),
    });
  });
  test.afterAll(async () => {
    if (own.app) await stopApp(own.app);
    if (own.engine) await destroyEngine(own.engine);
  });
  return own;
}
