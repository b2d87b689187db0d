import type { Duplex } from 'node:stream';
import { LIMITS, type ExecControl, type ExecEvent } from '../../contract';
import { chunks } from '../streams/bytes';
import type { Sink } from '../streams/sink';
import { fail } from './errors';

/** Output waits at most this long to be sent with what follows it… */
export const COALESCE_MS = 2;
/** …or goes at once when this much has gathered. */
export const COALESCE_BYTES = 32 * 1024;
/** Keystrokes typed before the process is connected wait, up to this much. */
export const EARLY_INPUT_BYTES = 256 * 1024;
/** A hung-up process gets this long to go before its connection is cut. */
export const HANG_UP_MS = 2000;
/** Ctrl-D follows Ctrl-C after this: the shell is back at its prompt by then. */
export const CTRL_D_AFTER_MS = 150;

/**
 * A TTY hands over output as the process writes it: `yes` on a line-buffered terminal arrives
 * as thousands of 3-byte chunks, and one frame per chunk would cost more than the bytes.
 * Chunks are gathered for a couple of milliseconds (a keystroke's echo still goes out at once
 * in human terms). Bytes stay bytes: xterm decodes UTF-8 itself, across chunk boundaries.
 */
export class OutputCoalescer {
  private parts: Uint8Array[] = [];
  private size = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (data: Uint8Array<ArrayBuffer>) => void,
    private readonly delayMs = COALESCE_MS,
    private readonly maxBytes = COALESCE_BYTES,
  ) {}

  push(chunk: Uint8Array): void {
    if (!chunk.byteLength) return;
    this.parts.push(chunk);
    this.size += chunk.byteLength;
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
    // One exact-size copy: a socket's Buffer may be a view on a larger (pooled) one, and a
    // structured clone (Electron's port) would carry all of that buffer, not just the view.
    const buf = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      buf.set(p, at);
      at += p.byteLength;
    }
    this.parts = [];
    this.size = 0;
    if (buf.byteLength <= LIMITS.chunkBytes) return this.send(buf);
    // Rare (one huge socket read): each piece its own buffer, for the same reason.
    for (const piece of chunks(buf)) this.send(piece.slice());
  }
}

/** What the pipe needs from the engine side: exec and attach differ only here. */
export interface TerminalTarget {
  /** Sets the TTY's size (an exec's, or the container's for attach). */
  resize(cols: number, rows: number): Promise<unknown>;
  /** The exit code once the output ended; null when there is none to tell. */
  exitCode(): Promise<number | null>;
}

/** How the viewer lets go: `hang-up` ends what runs (exec), `detach` only drops the link. */
export type LetGo = 'hang-up' | 'detach';

interface Size {
  cols: number;
  rows: number;
}

/**
 * One terminal stream, shared by exec sessions and attach: control messages in (keystrokes,
 * sizes — queued until the process is connected), output out as binary `data` events costing
 * their length under the sink's credit (the socket is paused while the viewer is behind), and,
 * when the process ends by itself, its exit code once.
 */
export class TerminalPipe {
  private socket: Duplex | undefined;
  private target: TerminalTarget | undefined;
  private early: string[] = [];
  private earlyBytes = 0;
  private size: Size;
  private applied: Size | undefined;
  private resizing = false;
  private over: LetGo | 'ended' | undefined;

  constructor(
    private readonly sink: Sink<ExecEvent>,
    size: Size,
    private readonly letGo: LetGo,
  ) {
    this.size = { cols: size.cols, rows: size.rows };
  }

  /** The viewer left, or the process ended: nothing more is sent. */
  get stopped(): boolean {
    return this.over !== undefined;
  }

  control(msg: ExecControl): void {
    if (msg.kind === 'resize') {
      this.size = { cols: msg.cols, rows: msg.rows };
      return void this.applySize();
    }
    if (this.socket) return void this.socket.write(msg.data, 'utf8');
    // The process has ended: its exit event is on the way, there is nothing left to type into.
    if (this.over) return;
    this.earlyBytes += Buffer.byteLength(msg.data, 'utf8');
    if (this.earlyBytes > EARLY_INPUT_BYTES) {
      // Thrown: the router ends the stream with this error rather than drop keystrokes unsaid.
      fail(
        'CONFLICT',
        `More than ${EARLY_INPUT_BYTES / 1024} KiB of input before the process started.`,
        'Wait until the terminal says Connected, then type or paste again.',
      );
    }
    this.early.push(msg.data);
  }

  /** The process is connected: announce it, send what was typed meanwhile, pipe the output. */
  connect(socket: Duplex, cmd: string[], target: TerminalTarget): void {
    if (this.over) return this.release(socket, this.letGo); // the viewer left meanwhile
    this.socket = socket;
    this.target = target;
    this.sink.next({ kind: 'session', cmd });
    for (const data of this.early.splice(0)) socket.write(data, 'utf8');
    this.earlyBytes = 0;
    // Engines before API 1.42 ignore ConsoleSize, and the window may have been resized since.
    void this.applySize();
    this.sink.onPause(
      () => socket.pause(),
      () => socket.resume(),
    );
    const out = new OutputCoalescer((data) =>
      this.sink.next({ kind: 'data', data }, data.byteLength),
    );
    socket.on('data', (chunk: Buffer) => {
      if (!this.sink.closed) out.push(chunk);
    });
    let done = false;
    const onEnd = async () => {
      if (done) return;
      done = true;
      out.flush();
      if (this.over) return; // the viewer left first: nothing to report
      this.over = 'ended';
      this.socket = undefined;
      socket.destroy();
      let code: number | null = null;
      try {
        code = await target.exitCode();
      } catch {
        // The container went with the process: no code to tell.
      }
      this.sink.next({ kind: 'exit', code });
      this.sink.end();
    };
    socket.on('end', () => void onEnd());
    socket.on('close', () => void onEnd());
    socket.on('error', () => void onEnd());
  }

  /** The viewer went away (or the stream failed). Safe to call more than once. */
  close(): void {
    if (this.over) return;
    this.over = this.letGo;
    this.early = [];
    const s = this.socket;
    this.socket = undefined;
    if (s) this.release(s, this.letGo);
  }

  private release(s: Duplex, how: LetGo): void {
    if (s.destroyed) return;
    if (how === 'detach') return void s.destroy();
    // The engine has no "kill exec": hang up as a terminal does. Ctrl-C for whatever runs in
    // the foreground, then — once the shell is back at its prompt — Ctrl-D for the shell, then
    // end of input. Sent together, the TTY flushed the Ctrl-D with the input Ctrl-C discards,
    // and a shell that had a command running stayed behind in the container. What it still
    // prints is read and dropped, so that it cannot block on a full TTY before it sees them.
    s.write('\x03');
    setTimeout(() => {
      if (!s.destroyed) s.end('\x04');
    }, CTRL_D_AFTER_MS).unref();
    s.resume();
    setTimeout(() => s.destroy(), HANG_UP_MS).unref();
  }

  /** One resize in flight at a time, always ending at the latest size asked for. */
  private async applySize(): Promise<void> {
    if (this.resizing || !this.target) return;
    this.resizing = true;
    try {
      while (!this.over && !sameSize(this.applied, this.size)) {
        const want = this.size;
        this.applied = want;
        // A failed resize (the process is just ending) is not worth ending the session for.
        await this.target.resize(want.cols, want.rows).catch(() => undefined);
      }
    } finally {
      this.resizing = false;
    }
  }
}

const sameSize = (a: Size | undefined, b: Size) => !!a && a.cols === b.cols && a.rows === b.rows;
