import { afterEach, describe, expect, it, vi } from 'vitest';
import { logTexts, MAX_LOG_LINE } from '../../../../contract';
import {
  LineBatcher,
  lineReader,
  type LineBatch,
  sinceFromTimestamp,
  splitTimestamp,
  timeKey,
  type StreamKind,
} from '../../../../main/engine/log-lines';
import { meter } from './work-meter';

const frame = (type: number, text: string | Buffer) => {
  const payload = typeof text === 'string' ? Buffer.from(text) : text;
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

const TS = '2026-12-01T21:14:55.431897497Z';
const MB32 = 32 * 1024 * 1024;

/** What the engine sends for `line\n` with timestamps: one stamped message per 16 KiB. */
function engineMessages(line: Buffer, framed: boolean): Buffer[] {
  const out: Buffer[] = [];
  for (let off = 0; off < line.length; off += 16 * 1024) {
    const piece = line.subarray(off, off + 16 * 1024);
    const last = off + 16 * 1024 >= line.length;
    const msg = Buffer.concat([Buffer.from(`${TS} `), piece, last ? Buffer.from('\n') : EMPTY]);
    out.push(framed ? frame(1, msg) : msg);
  }
  return out;
}
const EMPTY = Buffer.alloc(0);

/** Bytes as chunks of `size` (views), as a socket hands them on. */
function* chunked(buf: Buffer, size: number) {
  for (let off = 0; off < buf.length; off += size) yield buf.subarray(off, off + size);
}

interface Got {
  ts: string;
  text: string;
  kind: StreamKind;
  bytes: number;
  cut: number;
}

function read(tty: boolean, chunks: Iterable<Buffer>): Got[] {
  const out: Got[] = [];
  const r = lineReader(tty, (ts, text, kind, bytes, cut) =>
    out.push({ ts, text, kind, bytes, cut }),
  );
  for (const c of chunks) r.push(c);
  r.end();
  return out;
}

describe('lineReader', () => {
  it('unstamped with a raw sink: whole lines as bytes, a line to cut as text with its length', () => {
    const raw: [string, StreamKind][] = [];
    const cut: Got[] = [];
    const r = lineReader(
      false,
      (ts, text, kind, bytes, c) => cut.push({ ts, text, kind, bytes, cut: c }),
      false,
      (bytes, kind) => raw.push([bytes.toString('utf8'), kind]),
    );
    const long = 'y'.repeat(MAX_LOG_LINE + 10);
    r.push(Buffer.concat([frame(1, 'one\r\n'), frame(2, 'two ü\n'), frame(1, `${long}\n`)]));
    r.push(frame(1, 'last'));
    r.end();
    expect(raw).toEqual([
      ['one', 'stdout'],
      ['two ü', 'stderr'],
      ['last', 'stdout'],
    ]);
    expect(cut).toHaveLength(1);
    expect(cut[0]!.text).toHaveLength(MAX_LOG_LINE);
    expect(cut[0]!.cut).toBe(MAX_LOG_LINE + 10);
  });

  it('splits lines, keeps the partial last one, strips TTY carriage returns', () => {
    const got = read(true, [Buffer.from('one\r\ntw'), Buffer.from('o\nthree')]);
    expect(got.map((l) => l.text)).toEqual(['one', 'two', 'three']);
  });

  it('keeps UTF-8 characters split across chunks intact, and empty lines', () => {
    const got = read(true, chunked(Buffer.from('größe ✓\n\nb\n'), 1));
    expect(got.map((l) => l.text)).toEqual(['größe ✓', '', 'b']);
  });

  it('takes the engine stamp off each line and tells stdout from stderr', () => {
    const got = read(false, [
      Buffer.concat([frame(1, `${TS} out line\n`), frame(2, `${TS} err line\n`)]),
    ]);
    expect(got).toEqual([
      { ts: TS, text: 'out line', kind: 'stdout', bytes: 8, cut: 0 },
      { ts: TS, text: 'err line', kind: 'stderr', bytes: 8, cut: 0 },
    ]);
  });

  it('joins a line the engine sent as several stamped messages, without their stamps', () => {
    const line = Buffer.from('x'.repeat(40_000));
    for (const size of [1, 7, 31, 100, 16 * 1024, 1 << 20]) {
      const all = Buffer.concat([...engineMessages(line, true), frame(1, `${TS} next\n`)]);
      const got = read(false, chunked(all, size));
      expect(got.map((l) => [l.ts, l.text.length, l.cut])).toEqual([
        [TS, 40_000, 0],
        [TS, 4, 0],
      ]);
      expect(got[0]!.text).toMatch(/^x+$/);
    }
  });

  it('a frame that continues a line but has no stamp keeps all its bytes', () => {
    const got = read(false, [frame(1, `${TS} abc`), frame(1, 'def'), frame(1, ' ghi\n')]);
    expect(got.map((l) => l.text)).toEqual(['abcdef ghi']);
  });

  describe('one 32 MB line, fed in 64 KiB chunks', () => {
    const line = Buffer.alloc(MB32, 'a');
    for (const tty of [false, true]) {
      it(`${tty ? 'TTY' : 'demultiplexed'}: at most 64 KiB kept, its full length reported, linear work`, () => {
        const after = `${TS} after\n`;
        const input = tty
          ? Buffer.concat([...engineMessages(line, false), Buffer.from(after)])
          : Buffer.concat([...engineMessages(line, true), frame(1, after)]);
        let got: Got[] = [];
        const work = meter(() => {
          got = read(tty, chunked(input, 64 * 1024));
        });
        expect(got.map((l) => l.text.length)).toEqual([MAX_LOG_LINE, 'after'.length]);
        expect(got[1]!.text).toBe('after');
        // A TTY stream has no frames to tell the engine's stamps (one per 16 KiB message) from
        // the line: there they stay in, and count.
        const stamps = (MB32 / (16 * 1024) - 1) * (TS.length + 1);
        expect(got[0]!.cut).toBe(tty ? MB32 + stamps : MB32);
        if (!tty) expect(got[0]!.text).toBe('a'.repeat(MAX_LOG_LINE));
        // Linear: each byte scanned about once; nothing the size of the line scanned or copied.
        expect(work.total).toBeLessThan(2 * input.length);
        expect(work.largest).toBeLessThanOrEqual(128 * 1024);
      });
    }
  });

  it('cuts on characters too: at most MAX_LOG_LINE UTF-16 units, never half a pair', () => {
    const emoji = '🐳'.repeat(40_000); // 4 bytes, 2 units each
    const [got] = read(true, [Buffer.from(`${emoji}\n`)]);
    expect(got!.text.length).toBeLessThanOrEqual(MAX_LOG_LINE);
    expect(got!.text).toMatch(/^(🐳)+$/u);
    expect(got!.cut).toBe(160_000);
  });
});

describe('timestamps', () => {
  it('splits the engine stamp from the message (which may contain spaces)', () => {
    expect(splitTimestamp('2024-01-31T12:00:00.123456789Z hello  world')).toEqual([
      '2024-01-31T12:00:00.123456789Z',
      'hello  world',
    ]);
    expect(splitTimestamp('no stamp here')).toEqual(['', 'no stamp here']);
  });

  it('timeKey sorts like time even when fractions have fewer digits', () => {
    const a = timeKey('2024-01-31T12:00:00.5Z');
    const b = timeKey('2024-01-31T12:00:00.123Z');
    expect(a > b).toBe(true);
    expect(timeKey('2024-01-31T12:00:00Z')).toBe('2024-01-31T12:00:00.000000000');
    expect(timeKey('2024-01-31T12:00:00.123456789Z')).toBe('2024-01-31T12:00:00.123456789');
  });

  it('since from a stamp: seconds.nanoseconds', () => {
    expect(sinceFromTimestamp('1970-01-01T00:00:10.000000042Z')).toBe('10.000000042');
    expect(sinceFromTimestamp('2024-01-31T12:00:00.5Z')).toBe('1706702400.500000000');
  });
});

/** A batch with its text read back from `data`, as the renderer reads it. */
const readable = ({ data, ...rest }: LineBatch) => ({ ...rest, text: logTexts({ data }) });

describe('LineBatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('sends at most every interval, as parallel arrays with stderr indexes and a cost', () => {
    vi.useFakeTimers();
    const batches: unknown[] = [];
    const b = new LineBatcher((x) => batches.push(readable(x)), 30, 1000);
    b.add('t1', 'a', 'stdout');
    b.add('t2', 'bb', 'stderr');
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(30);
    expect(batches).toEqual([
      { ts: ['t1', 't2'], text: ['a', 'bb'], lines: 2, err: [1], bytes: 5 + 6 },
    ]);
  });

  it('lists cut lines with their full length, and costs their bytes, not characters', () => {
    vi.useFakeTimers();
    const batches: unknown[] = [];
    const b = new LineBatcher((x) => batches.push(readable(x)), 30, 1000);
    b.add('', 'ü', 'stdout', 2);
    b.add('', 'x', 'stdout', 1, MB32);
    b.flush();
    // No stamp in the batch: no list of empty ones either.
    expect(batches).toEqual([
      { ts: [], text: ['ü', 'x'], lines: 2, err: [], cut: [[1, MB32]], bytes: 4 + 3 },
    ]);
  });

  it('takes whole lines as bytes beside strings, in order, and grows past its first buffer', () => {
    const batches: ReturnType<typeof readable>[] = [];
    const b = new LineBatcher((x) => batches.push(readable(x)), 30, 10_000, 10_000_000);
    const long = 'ж'.repeat(40_000); // 80,000 bytes: more than the first buffer holds
    b.addRaw(Buffer.from('raw ü'), 'stdout');
    b.add('', long, 'stderr', 80_000);
    b.addRaw(Buffer.from(''), 'stderr');
    b.flush();
    expect(batches).toEqual([
      { ts: [], text: ['raw ü', long, ''], lines: 3, err: [1, 2], bytes: 8 + 80_002 + 2 },
    ]);
    // The buffer is reused: the next batch holds only its own lines.
    b.addRaw(Buffer.from('next'), 'stdout');
    b.flush();
    expect(batches[1]!.text).toEqual(['next']);
  });

  it('sends at once when the batch is full, by lines or by bytes', () => {
    vi.useFakeTimers();
    const sizes: number[] = [];
    const b = new LineBatcher((x) => sizes.push(x.lines), 30, 3, 100);
    for (let i = 0; i < 7; i++) b.add('', String(i), 'stdout');
    expect(sizes).toEqual([3, 3]);
    b.flush();
    expect(sizes).toEqual([3, 3, 1]);
    b.add('', 'x'.repeat(60), 'stdout');
    b.add('', 'x'.repeat(60), 'stdout');
    expect(sizes).toEqual([3, 3, 1, 2]);
    vi.advanceTimersByTime(100);
    expect(sizes).toEqual([3, 3, 1, 2]);
  });

  it('dispose cancels the pending timer', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const b = new LineBatcher(fn, 30, 10);
    b.add('', 'x', 'stdout');
    b.dispose();
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
  });
});
