import { homedir } from 'node:os';
import { join } from 'node:path';
import { detectEngines } from './engine/detect';
import { EngineManager } from './engine/manager';
import { createHandlers } from './handlers/index';
import { createRouter, type Router } from './router';

/** Where settings live. PORTHOLE_DATA_DIR wins, so tests never write the user's home. */
export function dataDir(fallback?: string): string {
  if (process.env.PORTHOLE_DATA_DIR) return process.env.PORTHOLE_DATA_DIR;
  if (fallback) return fallback;
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, 'Porthole');
}

/** The one main-process core both transports serve. */
export function createCore(): { engines: EngineManager; router: Router } {
  const engines = new EngineManager(detectEngines());
  const { calls, streams } = createHandlers(engines);
  engines.start();
  return { engines, router: createRouter(calls, streams) };
}
