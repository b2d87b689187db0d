import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { killPid, startDetached, waitFor } from './proc';

export interface AppHandle {
  pid: number;
  url: string;
  origin: string;
  port: number;
  log: string;
}

// Bench scripts run bundled from a temp dir and say where the repo is.
const ROOT = process.env.PORTHOLE_ROOT ?? join(__dirname, '..', '..');

/** Runs the built web mode (`node dist/main/web.cjs`) against an engine, with its own data dir. */
export async function startApp(opts: {
  dockerHost: string;
  dataDir: string;
  logFile: string;
  /** Extra environment, e.g. DOCKER_CONFIG for a test's own registry logins. */
  env?: NodeJS.ProcessEnv;
}): Promise<AppHandle> {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const out = openSync(opts.logFile, 'a');
  const env = {
    ...process.env,
    DOCKER_HOST: opts.dockerHost,
    PORTHOLE_DATA_DIR: opts.dataDir,
    DOCKER_TLS_VERIFY: '',
    DOCKER_CONTEXT: '',
    ...opts.env,
  };
  const pid = startDetached(
    process.execPath,
    [
      join(ROOT, process.env.PORTHOLE_DIST_DIR ?? 'dist', 'main', 'web.cjs'),
      '--port',
      '0',
      '--no-open',
    ],
    out,
    { env, cwd: ROOT },
  );
  const url = await waitFor(
    'Porthole web mode to print its URL',
    () =>
      /Porthole web UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(
        readFileSync(opts.logFile, 'utf8'),
      )?.[1],
    30_000,
  );
  const parsed = new URL(url);
  return { pid, url, origin: parsed.origin, port: Number(parsed.port), log: opts.logFile };
}

export const stopApp = (app: AppHandle) => killPid(app.pid, 10_000);
