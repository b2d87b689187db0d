/**
 * Pure pieces of the logs pipeline: the engine's multiplexed frames → lines → batches. Kept free
 * of dockerode so they are unit-tested byte by byte.
 */

import { logTimeKey as timeKey } from '../../contract';

export { timeKey };

export type StreamKind = 'stdout' | 'stderr';

/**
 * Splits the engine's multiplexed stream (8-byte header: type, 0, 0, 0, big-endian length) into
 * payloads. Hand-rolled rather than modem.demuxStream, which re-concatenates its whole buffer on
 * every chunk and cannot tell us when a frame boundary falls mid-chunk cheaply.
 */
export class FrameDemuxer {
  private pending: Buffer | undefined;

  constructor(private readonly onFrame: (kind: StreamKind, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let off = 0;
    while (buf.length - off >= 8) {
      const type = buf[off]!;
      const len = buf.readUInt32BE(off + 4);
      if (buf.length - off - 8 < len) break;
      const payload = buf.subarray(off + 8, off + 8 + len);
      // 0 is stdin (never sent for logs); anything else unknown is treated as stdout.
      this.onFrame(type === 2 ? 'stderr' : 'stdout', payload);
      off += 8 + len;
    }
    // Copied: the rest must not pin the whole chunk it came in.
    if (off < buf.length) this.pending = Buffer.from(buf.subarray(off));
  }
}

/** Bytes → complete lines, UTF-8 safe across chunk boundaries. "\r\n" (TTY) loses its "\r". */
export class LineSplitter {
  private rest = '';
  private readonly decoder = new TextDecoder();

  push(chunk: Uint8Array, out: string[]): void {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) >= 0) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      out.push(text.slice(start, end));
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  /** What is left when the stream ends (a last line without a newline). */
  flush(out: string[]): void {
    const tail = this.rest + this.decoder.decode();
    this.rest = '';
    if (tail) out.push(tail.endsWith('\r') ? tail.slice(0, -1) : tail);
  }
}

/** "2024-01-31T12:00:00.123456789Z message" → [timestamp, message]. */
export function splitTimestamp(line: string): [string, string] {
  const sp = line.indexOf(' ');
  // Lines are stamped by the engine; a line without a stamp keeps its text and gets "".
  if (sp < 20 || line.charCodeAt(4) !== 45 /* - */) return ['', line];
  return [line.slice(0, sp), line.slice(sp + 1)];
}

/** The engine's `since` ("seconds.nanoseconds") for an RFC 3339 stamp it gave us. */
export function sinceFromTimestamp(ts: string): string {
  const key = timeKey(ts);
  const secs = Math.floor(Date.parse(`${key.slice(0, 19)}Z`) / 1000);
  return `${secs}.${key.slice(20, 29)}`;
}

export interface LineBatch {
  ts: string[];
  text: string[];
  err: number[];
  bytes: number;
}

/**
 * Collects lines and hands them on in batches: at most every `intervalMs`, or at once when
 * `maxLines` are waiting. One message per batch keeps a million-line log to a few hundred
 * messages instead of a million.
 */
export class LineBatcher {
  private batch: LineBatch = LineBatcher.empty();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly flushTo: (batch: LineBatch) => void,
    private readonly intervalMs = 30,
    private readonly maxLines = 2000,
  ) {}

  private static empty(): LineBatch {
    return { ts: [], text: [], err: [], bytes: 0 };
  }

  add(ts: string, text: string, kind: StreamKind): void {
    const b = this.batch;
    if (kind === 'stderr') b.err.push(b.text.length);
    b.ts.push(ts);
    b.text.push(text);
    b.bytes += ts.length + text.length + 2;
    if (b.text.length >= this.maxLines) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.batch.text.length) return;
    const b = this.batch;
    this.batch = LineBatcher.empty();
    this.flushTo(b);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
