import { logTexts, logTimeKey, type LogLines } from '../../../../contract';

export interface LogLine {
  /** The engine's RFC 3339 timestamp ("" when the engine gave none). */
  ts: string;
  text: string;
  err: boolean;
  /** Which container (index into the view's sources) the line came from. */
  src: number;
  /** The line was cut (main keeps MAX_LOG_LINE of it): its full length in bytes. */
  cut?: number;
}

/** A batch from main as the view's lines (main sends parallel arrays: no object per line). */
export function toLines(e: LogLines, src: number): LogLine[] {
  const err = new Set(e.err);
  const lines = logTexts(e).map((text, i): LogLine => ({
    ts: e.ts[i] ?? '',
    text,
    err: err.has(i),
    src,
  }));
  for (const [i, full] of e.cut ?? []) if (lines[i]) lines[i].cut = full;
  return lines;
}

/**
 * The view's lines: bounded (the oldest go first, and we count them so the view can say so),
 * ordered by time across sources for the merged timeline. Appending in order — the only case
 * for a single container — is a plain push; an out-of-order batch from another container is
 * merged into the tail.
 */
export class LogBuffer {
  private lines: LogLine[] = [];
  private start = 0;
  /** Lines dropped from the front since the last clear. */
  dropped = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.lines.length - this.start;
  }

  at(i: number): LogLine | undefined {
    return this.lines[this.start + i];
  }

  first(): LogLine | undefined {
    return this.at(0);
  }

  last(): LogLine | undefined {
    return this.lines[this.lines.length - 1];
  }

  append(batch: LogLine[]): void {
    if (!batch.length) return;
    const tail = this.last();
    if (!tail || !batch[0]!.ts || !tail.ts || logTimeKey(batch[0]!.ts) >= logTimeKey(tail.ts)) {
      for (const l of batch) this.lines.push(l);
    } else {
      this.mergeIn(batch);
    }
    this.trim();
  }

  /** Lines from before the first one (Load earlier); never pushes the newest out. */
  prepend(batch: LogLine[]): number {
    const room = Math.max(0, this.capacity - this.length);
    const take = batch.slice(Math.max(0, batch.length - room));
    this.lines = [...take, ...this.lines.slice(this.start)];
    this.start = 0;
    return take.length;
  }

  clear(): void {
    this.lines = [];
    this.start = 0;
    this.dropped = 0;
  }

  private mergeIn(batch: LogLine[]): void {
    const key = (l: LogLine) => logTimeKey(l.ts);
    const firstKey = key(batch[0]!);
    // Binary search for where the batch starts among the existing lines.
    let lo = this.start;
    let hi = this.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(this.lines[mid]!) <= firstKey) lo = mid + 1;
      else hi = mid;
    }
    const tail = this.lines.splice(lo);
    let i = 0;
    let j = 0;
    while (i < tail.length && j < batch.length) {
      this.lines.push(key(tail[i]!) <= key(batch[j]!) ? tail[i++]! : batch[j++]!);
    }
    while (i < tail.length) this.lines.push(tail[i++]!);
    while (j < batch.length) this.lines.push(batch[j++]!);
  }

  private trim(): void {
    const over = this.length - this.capacity;
    if (over > 0) {
      this.start += over;
      this.dropped += over;
    }
    // Compact now and then so dropped lines are really freed.
    if (this.start > this.capacity) {
      this.lines = this.lines.slice(this.start);
      this.start = 0;
    }
  }
}
