import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { killPid, startDetached, waitFor } from './proc';

export interface AppHandle {
  pid: number;
  /** The login URL web mode printed. Single-use: startApp has redeemed it unless told not to. */
  url: string;
  origin: string;
  port: number;
  log: string;
  /** "name=value" of the session cookie (empty when not redeemed). */
  cookie: string;
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
  /** Leave the printed token unused (tests of the login itself). */
  redeem?: boolean;
  /** Let it open a browser (the default for tests is --no-open). */
  open?: boolean;
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
      ...(opts.open ? [] : ['--no-open']),
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
  const app = { pid, url, origin: parsed.origin, port: Number(parsed.port), log: opts.logFile };
  return { ...app, cookie: opts.redeem === false ? '' : await redeem(url) };
}

/** Trades a login URL for the session cookie, as a browser would: "name=value". */
export async function redeem(loginUrl: string): Promise<string> {
  const res = await fetch(loginUrl, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 302 || !setCookie) throw new Error(`token exchange failed: ${res.status}`);
  return setCookie.split(';')[0]!;
}

/** Opens the app in a page with the suite's session, at `hash` (e.g. "#/containers"). */
export async function openApp(page: Page, app: AppHandle, hash = '') {
  const eq = app.cookie.indexOf('=');
  if (eq < 0) throw new Error('this app was started without redeeming its login URL');
  await page.context().addCookies([
    {
      name: app.cookie.slice(0, eq),
      value: app.cookie.slice(eq + 1),
      url: app.origin,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  await page.goto(`${app.origin}/${hash}`);
}

export const stopApp = (app: AppHandle) => killPid(app.pid, 10_000);
