import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComposeRunEvent } from '../../contract';
import type { Sink } from '../streams/sink';
import { LineSplitter } from '../streams/lines';
import {
  certLayout,
  composeArgs,
  engineEnv,
  type CliEndpoint,
  type ComposeTool,
  type ProjectArgs,
} from './compose-cli';
import { ErrorLines, parseProgress } from './compose-progress';

/** After SIGTERM, how long compose gets to stop before SIGKILL. */
const KILL_GRACE_MS = 5000;

export interface CliRun {
  tool: ComposeTool;
  project: ProjectArgs;
  sub: string[];
  /** The child's whole environment (baseEnv + engineEnv). */
  env: Record<string, string>;
  cwd: string;
  /** The project's services, to read progress lines. */
  services: readonly string[];
  sink: Sink<ComposeRunEvent>;
  spawn?: typeof nodeSpawn;
}

/**
 * Runs one compose command with its output streamed: every line as an `output` event (credit
 * flow: the pipes pause while the consumer is behind), steps as `progress` events. When the
 * stream closes (the dialog, the window or the socket went) the CLI's process group is killed.
 * Resolves with the exit code (null if killed) and the lines that explain a failure.
 */
export function runCli(run: CliRun): Promise<{ code: number | null; error: string | null }> {
  const argv = composeArgs(run.tool, run.project, run.sub);
  const { sink } = run;
  sink.next({ kind: 'command', argv: [run.tool.file, ...argv], cwd: run.cwd });
  const detached = process.platform !== 'win32';
  const child = (run.spawn ?? nodeSpawn)(run.tool.file, argv, {
    cwd: run.cwd,
    env: run.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the plugin docker starts dies with it.
    detached,
  });
  const errors = new ErrorLines();
  const ctx = { project: run.project.name, services: run.services };
  const onLine = (err: boolean) => (text: string) => {
    const progress = parseProgress(text, ctx);
    errors.push(text, !!progress);
    sink.next({ kind: 'output', text, err }, text.length + 1);
    if (progress) sink.next(progress);
  };
  const pipes = [
    { stream: child.stdout, lines: new LineSplitter(), on: onLine(false) },
    { stream: child.stderr, lines: new LineSplitter(), on: onLine(true) },
  ];
  for (const p of pipes) p.stream?.on('data', (chunk: Buffer) => p.lines.push(chunk, p.on));
  sink.onPause(
    () => pipes.forEach((p) => p.stream?.pause()),
    () => pipes.forEach((p) => p.stream?.resume()),
  );
  const kill = () => stop(child, detached);
  sink.signal.addEventListener('abort', kill, { once: true });
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      sink.signal.removeEventListener('abort', kill);
      reject(err);
    });
    child.once('close', (code) => {
      sink.signal.removeEventListener('abort', kill);
      for (const p of pipes) p.lines.flush(p.on);
      resolve({ code, error: errors.text() });
    });
  });
}

function stop(child: ChildProcess, group: boolean): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      if (group) process.kill(-child.pid!, s);
      else child.kill(s);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), KILL_GRACE_MS);
  timer.unref();
  child.once('close', () => clearTimeout(timer));
}

/**
 * The engine part of the child's environment. TLS files not laid out as DOCKER_CERT_PATH wants
 * (ca.pem, cert.pem, key.pem in one folder) get a private folder of links for the run.
 */
export async function engineEnvFor(
  endpoint: CliEndpoint,
): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const none = async () => undefined;
  if (endpoint.kind !== 'tcp' || !endpoint.tls) return { env: engineEnv(endpoint), cleanup: none };
  const layout = certLayout(endpoint.tls);
  if ('dir' in layout) return { env: engineEnv(endpoint, layout.dir), cleanup: none };
  if (layout.links.length === 0) return { env: engineEnv(endpoint), cleanup: none };
  const dir = await mkdtemp(join(tmpdir(), 'porthole-certs-'));
  for (const [name, target] of layout.links) await symlink(target, join(dir, name));
  return {
    env: engineEnv(endpoint, dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
