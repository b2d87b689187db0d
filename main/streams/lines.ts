/**
 * The one line splitter in main: engine logs, the events stream, stats and every JSON progress
 * stream go through it. It works on bytes and scans each byte once — a chunk is searched for
 * "\n" from where the last search stopped, never from the start of a growing buffer — and it
 * keeps at most `maxLine` bytes of any line: a 32 MB line of minified JSON costs 64 KiB of
 * memory and linear time, and arrives cut, with its full length.
 */
export class LineSplitter {
  /** Kept bytes of the line under way (at most maxLine). */
  private parts: Buffer[] = [];
  private kept = 0;
  /** The line's whole length so far, kept or not. */
  private length = 0;
  /** The last kept part is a view into the chunk being pushed (not yet copied). */
  private fresh = false;
  /** The line's last byte so far, kept or not (a cut line's "\r" is not kept). */
  private lastByte = -1;

  constructor(private readonly maxLine = 64 * 1024) {}

  /** Calls `onLine(text, fullLength)` for each line the chunk completes. */
  push(chunk: Uint8Array, onLine: (line: string, fullLength: number) => void): void {
    this.pushBytes(chunk, (bytes, full) => onLine(bytes.toString('utf8'), full));
  }

  /**
   * `push`, with each line as its bytes: for a consumer that passes them on as bytes (a log's
   * lines to the renderer) and never needs a string. `bytes` may be a view into `chunk`, good
   * only during the call: copy what you keep.
   */
  pushBytes(chunk: Uint8Array, onLine: (bytes: Buffer, fullLength: number) => void): void {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(10, start);
      const end = nl < 0 ? buf.length : nl;
      this.take(buf, start, end);
      if (nl < 0) break;
      this.emit(onLine);
      start = nl + 1;
    }
    // What stays for the next chunk is copied: it must not pin the whole chunk it came in. Only
    // the piece this chunk added — re-copying what earlier chunks left would cost maxLine per
    // chunk (a 32 MB line in 4 KiB chunks: 1 GB of copying).
    const last = this.parts.length - 1;
    if (this.fresh) this.parts[last] = Buffer.from(this.parts[last]!);
    this.fresh = false;
  }

  /** The last line, when the stream ended without a newline. */
  flush(onLine: (line: string, fullLength: number) => void): void {
    this.flushBytes((bytes, full) => onLine(bytes.toString('utf8'), full));
  }

  flushBytes(onLine: (bytes: Buffer, fullLength: number) => void): void {
    if (this.length > 0) this.emit(onLine);
  }

  private take(buf: Buffer, start: number, end: number): void {
    const n = end - start;
    this.length += n;
    if (n > 0) this.lastByte = buf[end - 1]!;
    const room = this.maxLine - this.kept;
    if (n <= 0 || room <= 0) return;
    const piece = buf.subarray(start, start + Math.min(n, room));
    this.parts.push(piece);
    this.kept += piece.length;
    this.fresh = true;
  }

  private emit(onLine: (bytes: Buffer, fullLength: number) => void): void {
    let bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    const cut = this.length > this.kept;
    // "\r\n" (a TTY's line end) loses its "\r"; a cut line is trimmed to a whole character.
    if (!cut && bytes.length && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    if (cut) bytes = bytes.subarray(0, utf8Boundary(bytes));
    const full = cut ? this.length - (this.lastByte === 13 ? 1 : 0) : bytes.length;
    this.parts = [];
    this.kept = 0;
    this.length = 0;
    this.fresh = false;
    this.lastByte = -1;
    onLine(bytes, full);
  }
}

/** The length of `b` without a trailing, incomplete UTF-8 character. */
function utf8Boundary(b: Buffer): number {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 4 && (b[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b.length;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return b.length - i >= need ? b.length : i;
}

/**
 * Newline-delimited JSON (the engine's events, stats, pull/push/build/load progress) on top of
 * the one splitter. A line that is not JSON is handed to `onText`, never fatal for the stream.
 */
export class JsonLineReader {
  private readonly lines: LineSplitter;

  constructor(
    private readonly onValue: (value: unknown) => void,
    private readonly onText: (text: string) => void = () => undefined,
    maxLine = 1024 * 1024,
  ) {
    this.lines = new LineSplitter(maxLine);
  }

  push(chunk: Uint8Array | string): void {
    this.lines.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, this.line);
  }

  flush(): void {
    this.lines.flush(this.line);
  }

  private readonly line = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return this.onText(trimmed);
    }
    this.onValue(value);
  };
}
