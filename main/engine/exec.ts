import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecControl, ExecEvent } from '../../contract';
import type { StreamControls } from '../router';
import type { Sink } from '../streams/sink';
import { fail, toPortholeError } from './errors';
import { TerminalPipe } from './terminal';

export interface ExecOptions {
  id: string;
  cmd?: string[] | undefined;
  user?: string | undefined;
  workdir?: string | undefined;
  cols: number;
  rows: number;
}

/** Shells to try, in order, when the user names no command. */
export const SHELLS = ['/bin/bash', '/bin/sh'];

/**
 * The first shell the container has. Asked of the container's filesystem (HEAD archive), so it
 * needs no binary inside the image — busybox images have /bin/sh only.
 */
export async function pickShell(
  container: Docker.Container,
  signal?: AbortSignal,
): Promise<string> {
  for (const path of SHELLS) {
    try {
      await container.infoArchive({ path, ...(signal ? { abortSignal: signal } : {}) });
      return path;
    } catch {
      // Not there: try the next one.
    }
  }
  return '/bin/sh';
}

/** The exit code lands a moment after the output ends: ask a few times. */
async function execExitCode(exec: Docker.Exec, signal: AbortSignal): Promise<number | null> {
  for (let i = 0; i < 20 && !signal.aborted; i++) {
    const state = await exec.inspect({ abortSignal: signal });
    if (!state.Running) return state.ExitCode ?? null;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/**
 * An interactive exec session with a real TTY, as a stream: keystrokes and sizes come in as
 * control messages, output goes out as binary events under the sink's credit. Closing the
 * stream hangs up (Ctrl-C, Ctrl-D, end of input): the engine has no "kill exec".
 */
export function runExec(
  docker: Docker,
  opts: ExecOptions,
  sink: Sink<ExecEvent>,
): StreamControls<ExecControl> {
  const pipe = new TerminalPipe(sink, opts, 'hang-up');
  const signal = sink.signal;

  void (async () => {
    try {
      const container = docker.getContainer(opts.id);
      const info = await container.inspect({ abortSignal: signal });
      if (!info.State.Running) {
        fail(
          'CONFLICT',
          `Container ${info.Name.replace(/^\//, '')} is not running.`,
          'Start it, then open the shell again.',
        );
      }
      const cmd = opts.cmd ?? [await pickShell(container, signal)];
      const exec = await container.exec({
        Cmd: cmd,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color', 'COLORTERM=truecolor'],
        ConsoleSize: [opts.rows, opts.cols],
        ...(opts.user ? { User: opts.user } : {}),
        ...(opts.workdir ? { WorkingDir: opts.workdir } : {}),
        abortSignal: signal,
      });
      // No abortSignal here: it would cut the connection before a hang-up could be sent on it.
      const socket = (await exec.start({
        hijack: true,
        stdin: true,
        Tty: true,
        ConsoleSize: [opts.rows, opts.cols],
      } as Docker.ExecStartOptions)) as Duplex;
      pipe.connect(socket, cmd, {
        resize: (cols, rows) => exec.resize({ h: rows, w: cols }),
        exitCode: () => execExitCode(exec, signal),
      });
    } catch (err) {
      sink.end(toPortholeError(err));
    }
  })();

  return { control: (msg) => pipe.control(msg), close: () => pipe.close() };
}
