import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../log';
import { which, type WhichEnv } from '../os/which';

/**
 * A page that sends the browser on to the login URL, in a file only this user can read. The
 * browser is started with the file's path: the token never stands in a command line, where
 * every local user could read it in /proc/PID/cmdline (Jupyter does the same).
 */
export function writeLaunchFile(dir: string, url: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `open-${randomBytes(8).toString('hex')}.html`);
  const href = url.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  writeFileSync(
    path,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}">` +
      `<title>Porthole</title><p><a href="${href}">Open Porthole</a></p>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return path;
}

/** The platform's "open this" program, by absolute path from PATH. */
export function opener(
  w?: WhichEnv,
): { program: string; args: (target: string) => string[] } | undefined {
  const platform = w?.platform ?? process.platform;
  if (platform === 'darwin') {
    const program = which('open', w);
    return program ? { program, args: (t) => [t] } : undefined;
  }
  if (platform === 'win32') {
    const program = which('explorer', w);
    return program ? { program, args: (t) => [t] } : undefined;
  }
  const program = which('xdg-open', w);
  return program ? { program, args: (t) => [t] } : undefined;
}

/**
 * Opens the login URL in the user's browser through a launch file, removed again after `ttlMs`
 * (the token in it is single-use and short-lived anyway).
 */
export function openInBrowser(dir: string, url: string, log: Logger, ttlMs: number): void {
  const open = opener();
  if (!open) return log.info('No program to open a browser with; open the address above yourself.');
  let path: string;
  try {
    path = writeLaunchFile(dir, url);
  } catch (err) {
    return log.error('Could not write the launch file; open the address above yourself', err);
  }
  setTimeout(() => rmSync(path, { force: true }), ttlMs).unref();
  const target = pathToFileURL(path).href;
  try {
    spawn(open.program, open.args(target), { stdio: 'ignore', detached: true })
      .on('error', () => log.info('Could not open a browser; open the address above yourself.'))
      .unref();
  } catch {
    log.info('Could not open a browser; open the address above yourself.');
  }
}
