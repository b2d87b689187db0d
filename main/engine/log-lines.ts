/**
 * Pure pieces of the logs pipeline: the engine's multiplexed frames → lines → batches. Kept free
 * of dockerode so they are unit-tested byte by byte. Every step is linear in the bytes read and
 * holds at most one line's first MAX_LOG_LINE bytes, however long the line.
 */

import { MAX_LOG_LINE, logTimeKey as timeKey, type LogEvent } from '../../contract';
import { FrameDemuxer, type StreamKind } from '../streams/demux';
import { LineSplitter } from '../streams/lines';

export { timeKey };
export type { StreamKind };

const EMPTY = Buffer.alloc(0);

/** The longest timestamp (and its space) a line may start with; the contract's `ts` maximum. */
const STAMP_MAX = 40;
/** What the splitter keeps of a line: the shown text plus its timestamp. */
const KEEP = MAX_LOG_LINE + STAMP_MAX;
/** RFC 3339 as the engine writes it: date and time, up to 9 digits of fraction, a zone. */
const RFC3339_PARTS = String.raw`(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)`;
/** A whole RFC 3339 time; groups: date and time, fraction, zone. */
export const RFC3339 = new RegExp(`^${RFC3339_PARTS}$`);
/** The stamp the engine puts before a line's text, with its space. */
const STAMP = new RegExp(`^${RFC3339_PARTS} $`);

/**
 * One stream's (stdout's or stderr's) lines, as the engine stamps them: "TS text\n". The engine
 * cuts a line longer than 16 KiB into several messages and stamps each one; demultiplexed, each
 * message is one frame, so the stamp at the start of a frame that continues a line is the
 * engine's, not the container's output, and is dropped. (A TTY stream has no frames to tell:
 * there such a line keeps the engine's stamps every 16 KiB, as `docker logs -t` shows it.)
 */
class StreamLines {
  private readonly splitter = new LineSplitter(KEEP);
  /** The line under way has bytes: the last byte fed was not "\n". */
  private open = false;
  /** The first bytes of a frame that continues a line, until we know whether they are a stamp. */
  private probe: Buffer | undefined;

  constructor(
    private readonly onLine: (bytes: Buffer, fullLength: number) => void,
    /** The engine stamps each message (asked with timestamps). */
    private readonly stamped: boolean,
  ) {}

  push(piece: Buffer, frameStart: boolean): void {
    if (frameStart && this.stamped) {
      if (this.probe) this.settle(false);
      if (this.open) this.probe = EMPTY;
    }
    if (this.probe) {
      const head = piece.subarray(0, STAMP_MAX - this.probe.length);
      const sp = head.indexOf(32);
      const take = sp < 0 ? head.length : sp + 1;
      this.probe = Buffer.concat([this.probe, piece.subarray(0, take)]);
      piece = piece.subarray(take);
      if (sp < 0 && this.probe.length < STAMP_MAX) return; // the rest of it is in the next piece
      this.settle(sp >= 0);
    }
    this.feed(piece);
  }

  end(): void {
    if (this.probe) this.settle(false);
    this.splitter.flushBytes(this.onLine);
    this.open = false;
  }

  private settle(complete: boolean): void {
    const probe = this.probe!;
    this.probe = undefined;
    if (!complete || !STAMP.test(probe.toString('latin1'))) this.feed(probe);
  }

  private feed(bytes: Buffer): void {
    if (!bytes.length) return;
    this.splitter.pushBytes(bytes, this.onLine);
    this.open = bytes[bytes.length - 1] !== 10;
  }
}

/**
 * Called per line: the engine's stamp, the text (at most MAX_LOG_LINE characters), its stream,
 * its size in bytes as shown (what the batch costs), and when it was cut its full length in
 * bytes (0 when whole).
 */
export type OnLogLine = (
  ts: string,
  text: string,
  kind: StreamKind,
  bytes: number,
  cut: number,
) => void;

/**
 * A whole line as the engine sent it (UTF-8, no "\n"), at most MAX_LOG_LINE bytes: a view good
 * only during the call.
 */
export type OnRawLine = (bytes: Buffer, kind: StreamKind) => void;

/**
 * Feeds raw log bytes to per-stream line splitters: demultiplexed unless the container has a
 * TTY. `stamped`: the engine was asked for timestamps; without, a line that starts with a time
 * is the container's own text and keeps it (`ts` is then ""). `raw` (unstamped only): whole
 * lines go there as bytes, never made into strings; a line to cut still comes to `onLine`.
 */
export function lineReader(tty: boolean, onLine: OnLogLine, stamped = true, raw?: OnRawLine) {
  const lines = (kind: StreamKind) =>
    new StreamLines((bytes, full) => {
      // At most MAX_LOG_LINE bytes is at most MAX_LOG_LINE characters: nothing to cut.
      if (raw && !stamped && full <= MAX_LOG_LINE) return raw(bytes, kind);
      const line = bytes.toString('utf8');
      const [ts, text] = stamped ? splitTimestamp(line) : ['', line];
      const content = ts ? full - ts.length - 1 : full;
      if (full <= KEEP && text.length <= MAX_LOG_LINE) return onLine(ts, text, kind, content, 0);
      const shown = text.length > MAX_LOG_LINE ? clip(text, MAX_LOG_LINE) : text;
      onLine(ts, shown, kind, Math.min(content, KEEP), content);
    }, stamped);
  const streams = { stdout: lines('stdout'), stderr: lines('stderr') };
  const demux = tty
    ? undefined
    : new FrameDemuxer((kind, piece, start) => streams[kind].push(piece, start));
  return {
    push: (chunk: Buffer) => (demux ? demux.push(chunk) : streams.stdout.push(chunk, false)),
    end: () => {
      streams.stdout.end();
      streams.stderr.end();
    },
  };
}

/** The first `max` UTF-16 units of `s`, never half of a surrogate pair. */
function clip(s: string, max: number): string {
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** "2024-01-31T12:00:00.123456789Z message" → [timestamp, message]. */
export function splitTimestamp(line: string): [string, string] {
  const sp = line.indexOf(' ');
  // Lines are stamped by the engine; a line without a stamp keeps its text and gets "".
  if (sp < 20 || sp > STAMP_MAX || line.charCodeAt(4) !== 45 /* - */) return ['', line];
  return [line.slice(0, sp), line.slice(sp + 1)];
}

/** The engine's `since` ("seconds.nanoseconds") for an RFC 3339 stamp it gave us. */
export function sinceFromTimestamp(ts: string): string {
  const key = timeKey(ts);
  const secs = Math.floor(Date.parse(`${key.slice(0, 19)}Z`) / 1000);
  return `${secs}.${key.slice(20, 29)}`;
}

export interface LineBatch {
  /** One per line, or none: an unstamped batch has no list of empty stamps. */
  ts: string[];
  /** The lines as UTF-8, each followed by "\n" (the contract's `data`). */
  data: Uint8Array<ArrayBuffer>;
  lines: number;
  err: number[];
  /** [index, full length in bytes] of the lines that were cut; absent when none was. */
  cut?: [number, number][];
  /** What the batch costs in credit: its lines' bytes (and their stamps). */
  bytes: number;
}

/**
 * Collects lines and hands them on in batches: at most every `intervalMs`, or at once when
 * `maxLines` or `maxBytes` are waiting. One message per batch keeps a million-line log to a few
 * hundred messages instead of a million; the byte cap keeps one batch of long lines well inside
 * a transport frame. The text goes straight into one buffer per batch: no string per line is
 * kept, joined or encoded again.
 */
export class LineBatcher {
  private ts: string[] = [];
  private stamped = false;
  private err: number[] = [];
  private cut: [number, number][] | undefined;
  private lines = 0;
  private bytes = 0;
  /** The batch's text so far: `used` bytes of `buf`, reused from batch to batch. */
  private buf = Buffer.allocUnsafeSlow(64 * 1024);
  private used = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly flushTo: (batch: LineBatch) => void,
    private readonly intervalMs = 30,
    private readonly maxLines = 2000,
    private readonly maxBytes = 256 * 1024,
  ) {}

  add(ts: string, text: string, kind: StreamKind, bytes = text.length, cut = 0): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair of them, 4).
    this.room(text.length * 3 + 1);
    this.used += this.buf.write(text, this.used, 'utf8');
    if (cut) (this.cut ??= []).push([this.lines, cut]);
    // Raw lines keep no stamps (they have none): "" for each before this one, if any.
    while (this.ts.length < this.lines) this.ts.push('');
    this.ts.push(ts);
    if (ts) this.stamped = true;
    this.ended(kind, ts.length + bytes + 2);
  }

  /** A whole line as bytes (OnRawLine): copied into the batch, never made into a string. */
  addRaw(line: Uint8Array, kind: StreamKind): void {
    this.room(line.length + 1);
    this.buf.set(line, this.used);
    this.used += line.length;
    this.ended(kind, line.length + 2);
  }

  private room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.used + n));
    this.buf.copy(bigger, 0, 0, this.used);
    this.buf = bigger;
  }

  /** The line's "\n", its stream and its cost; sent when the batch is full. */
  private ended(kind: StreamKind, cost: number): void {
    this.buf[this.used++] = 10;
    if (kind === 'stderr') this.err.push(this.lines);
    this.lines++;
    this.bytes += cost;
    if (this.lines >= this.maxLines || this.bytes >= this.maxBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.lines) return;
    // Its own copy, of its own size: the sink may hold it while the renderer is behind.
    const data = new Uint8Array(this.used);
    data.set(this.buf.subarray(0, this.used));
    const { err, cut, lines, bytes } = this;
    const ts = this.stamped ? this.ts : [];
    while (this.stamped && ts.length < lines) ts.push('');
    this.ts = [];
    this.stamped = false;
    this.err = [];
    this.cut = undefined;
    this.lines = 0;
    this.bytes = 0;
    this.used = 0;
    this.flushTo(cut ? { ts, data, lines, err, cut, bytes } : { ts, data, lines, err, bytes });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A batch as the contract's lines event; `stamps` false: the view hides times, none are sent. */
export function linesEvent(b: LineBatch, stamps = true): LogEvent {
  const { data, err, cut } = b;
  const ts = stamps ? b.ts : [];
  return cut ? { kind: 'lines', ts, data, err, cut } : { kind: 'lines', ts, data, err };
}
