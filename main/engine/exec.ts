import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecEvent, PortholeError } from '../../contract';
import { fail, toPortholeError } from './errors';
import { FlowGate, sessions } from './flow';

export interface ExecOptions {
  id: string;
  cmd?: string[] | undefined;
  user?: string | undefined;
  workdir?: string | undefined;
  cols: number;
  rows: number;
}

/** Output waits at most this long to be sent with what follows it… */
export const COALESCE_MS = 2;
/** …or goes at once when this much has gathered. */
export const COALESCE_BYTES = 32 * 1024;

/**
 * A TTY hands over output as the process writes it: `yes` on a line-buffered terminal arrives
 * as thousands of 3-byte chunks, and one message per chunk would cost more than the bytes.
 * Chunks are gathered for a couple of milliseconds (a keystroke's echo still goes out at once
 * in human terms) and decoded as UTF-8 together, never splitting a character.
 */
export class OutputCoalescer {
  private chunks: Buffer[] = [];
  private size = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly send: (data: string, bytes: number) => void,
    private readonly delayMs = COALESCE_MS,
    private readonly maxBytes = COALESCE_BYTES,
  ) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    // Leading edge: a chunk after a quiet spell (an echo) goes at once and opens a window in
    // which whatever follows is gathered; the window stays open while output keeps coming.
    if (!this.timer || this.size >= this.maxBytes) this.sendGathered();
    this.timer ??= setTimeout(() => this.tick(), this.delayMs);
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.size) return;
    this.sendGathered();
    this.timer = setTimeout(() => this.tick(), this.delayMs);
  }

  /** Sends what is gathered and ends the window. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sendGathered();
  }

  private sendGathered(): void {
    if (!this.size) return;
    const buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const bytes = this.size;
    this.chunks = [];
    this.size = 0;
    this.send(this.decoder.decode(buf, { stream: true }), bytes);
  }
}

/**
 * Pipes a hijacked TTY stream to the viewer (coalesced, counted against the flow gate) and, when
 * the stream ends on its own, reports the exit code once. Shared by exec sessions and attach.
 */
export function pipeTerminal(
  stream: Duplex,
  gate: FlowGate,
  emit: (e: ExecEvent) => void,
  on: {
    /** The viewer already left: nothing to report. */
    stopped(): boolean;
    /** The stream ended by itself: release the session. */
    ended(): void;
    /** The exit code, or null when there is none to tell (container gone). */
    exitCode(): Promise<number | null>;
    end(): void;
  },
): void {
  const out = new OutputCoalescer((data, bytes) => {
    gate.sent(bytes);
    emit({ kind: 'data', data, bytes });
  });
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  let closed = false;
  const onClose = async () => {
    if (closed) return;
    closed = true;
    out.flush();
    if (on.stopped()) return;
    on.ended();
    let code: number | null = null;
    try {
      code = await on.exitCode();
    } catch {
      // Container gone with the process: no code to report.
    }
    emit({ kind: 'exit', code });
    on.end();
  };
  stream.on('end', () => void onClose());
  stream.on('close', () => void onClose());
  stream.on('error', () => void onClose());
}

/** Shells to try, in order, when the user names no command. */
export const SHELLS = ['/bin/bash', '/bin/sh'];

/**
 * The first shell the container has. Asked of the container's filesystem (HEAD archive), so it
 * needs no binary inside the image — busybox images have /bin/sh only.
 */
export async function pickShell(container: Docker.Container): Promise<string> {
  for (const path of SHELLS) {
    try {
      await container.infoArchive({ path });
      return path;
    } catch {
      // Not there: try the next one.
    }
  }
  return '/bin/sh';
}

/**
 * An interactive exec session with a real TTY. Output goes out as events under flow control;
 * input and resize come back as calls naming the session. Unsubscribing ends the session: the
 * engine has no "kill exec", so we hang up the way a terminal does — interrupt, end of input —
 * and then close the connection.
 */
export function runExec(
  docker: Docker,
  engineId: string,
  opts: ExecOptions,
  emit: (e: ExecEvent) => void,
  end: (error?: PortholeError) => void,
): () => void {
  let stopped = false;
  let socket: Duplex | undefined;
  let exec: Docker.Exec | undefined;
  const gate = new FlowGate(
    () => socket?.pause(),
    () => socket?.resume(),
  );
  const session = sessions.open({
    engineId,
    gate,
    write: (data) => {
      if (!socket) fail('CONFLICT', 'The shell is not connected yet.');
      socket.write(data, 'utf8');
    },
    resize: async (cols, rows) => {
      await exec?.resize({ h: rows, w: cols });
    },
  });

  /** `hangUp`: the viewer went away while the process may still run (not when it ended). */
  const stop = (hangUp = true) => {
    if (stopped) return;
    stopped = true;
    session.close();
    const s = socket;
    socket = undefined;
    if (s && !s.destroyed && !hangUp) s.destroy();
    else if (s && !s.destroyed) {
      // Ctrl-C for whatever runs in the foreground, Ctrl-D for the shell, then end of input.
      s.end('\x03\x04');
      setTimeout(() => s.destroy(), 2000).unref();
    }
  };

  void (async () => {
    try {
      const container = docker.getContainer(opts.id);
      const info = await container.inspect();
      if (!info.State.Running) {
        fail(
          'CONFLICT',
          `Container ${info.Name.replace(/^\//, '')} is not running.`,
          'Start it, then open the shell again.',
        );
      }
      const cmd = opts.cmd ?? [await pickShell(container)];
      exec = await container.exec({
        Cmd: cmd,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color', 'COLORTERM=truecolor'],
        ConsoleSize: [opts.rows, opts.cols],
        ...(opts.user ? { User: opts.user } : {}),
        ...(opts.workdir ? { WorkingDir: opts.workdir } : {}),
      });
      const stream = (await exec.start({
        hijack: true,
        stdin: true,
        Tty: true,
        ConsoleSize: [opts.rows, opts.cols],
      } as Docker.ExecStartOptions)) as Duplex;
      if (stopped) return void stream.destroy();
      socket = stream;
      emit({ kind: 'session', sessionId: session.id, cmd });
      // Engines before API 1.42 ignore ConsoleSize: size the TTY explicitly as well.
      exec.resize({ h: opts.rows, w: opts.cols }).catch(() => undefined);
      pipeTerminal(stream, gate, emit, {
        stopped: () => stopped,
        // The process ended: nothing left to hang up.
        ended: () => stop(false),
        exitCode: async () => {
          // The exit code lands a moment after the output ends.
          for (let i = 0; i < 20; i++) {
            const state = await exec!.inspect();
            if (!state.Running) return state.ExitCode ?? null;
            await new Promise((r) => setTimeout(r, 50));
          }
          return null;
        },
        end,
      });
    } catch (err) {
      stop();
      end(toPortholeError(err));
    }
  })();

  return stop;
}

export function writeExec(engineId: string, sessionId: string, data: string): null {
  sessions.get(engineId, sessionId).write?.(data);
  return null;
}

export async function resizeExec(
  engineId: string,
  sessionId: string,
  cols: number,
  rows: number,
): Promise<null> {
  await sessions.get(engineId, sessionId).resize?.(cols, rows);
  return null;
}

export function ackSession(engineId: string, sessionId: string, bytes: number): null {
  sessions.get(engineId, sessionId).gate.acked(bytes);
  return null;
}
