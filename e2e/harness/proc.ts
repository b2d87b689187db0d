import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const DOCKER_CLI = '/usr/bin/docker';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value, bounded by time; throws `what` on timeout. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function run(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string } = {},
) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: opts.env ?? process.env,
    input: opts.input,
    timeout: 120_000,
  });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout || r.error}`,
    );
  }
  return r.stdout.trim();
}

/** Starts a long-lived process in its own process group so teardown can kill it by pid. */
export function startDetached(
  cmd: string,
  args: string[],
  logFile: number,
  opts: SpawnOptions = {},
) {
  const child = spawn(cmd, args, { stdio: ['ignore', logFile, logFile], detached: true, ...opts });
  child.unref();
  if (!child.pid) throw new Error(`could not start ${cmd}`);
  return child.pid;
}

/** The pid is still in the process table: running, or a zombie nobody has reaped yet. */
export function exists(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function alive(pid: number | undefined): boolean {
  if (!exists(pid)) return false;
  // A zombie (exited, not yet reaped by whoever inherited it) answers signal 0 but is gone.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): signal 0 is all there is
  }
}

/** SIGTERM, wait, then SIGKILL: only ever a pid this suite started. */
export async function killPid(pid: number | undefined, timeoutMs = 20_000): Promise<void> {
  if (!alive(pid)) return;
  try {
    process.kill(pid!, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) {
    try {
      process.kill(pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
