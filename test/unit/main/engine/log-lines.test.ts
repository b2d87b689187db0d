import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FrameDemuxer,
  LineBatcher,
  LineSplitter,
  sinceFromTimestamp,
  splitTimestamp,
  timeKey,
  type StreamKind,
} from '../../../../main/engine/log-lines';

const frame = (type: number, text: string | Buffer) => {
  const payload = typeof text === 'string' ? Buffer.from(text) : text;
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe('FrameDemuxer', () => {
  const collect = () => {
    const out: [StreamKind, string][] = [];
    const d = new FrameDemuxer((k, p) => out.push([k, p.toString()]));
    return { out, d };
  };

  it('splits concatenated frames and tells stdout from stderr', () => {
    const { out, d } = collect();
    d.push(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'more\n')]));
    expect(out).toEqual([
      ['stdout', 'out\n'],
      ['stderr', 'err\n'],
      ['stdout', 'more\n'],
    ]);
  });

  it('handles headers and payloads cut at every possible byte', () => {
    const all = Buffer.concat([frame(1, 'hello world\n'), frame(2, 'x'), frame(1, '')]);
    for (let cut = 1; cut < all.length; cut++) {
      const { out, d } = collect();
      d.push(all.subarray(0, cut));
      d.push(all.subarray(cut));
      expect(out).toEqual([
        ['stdout', 'hello world\n'],
        ['stderr', 'x'],
        ['stdout', ''],
      ]);
    }
  });

  it('feeds a byte at a time', () => {
    const { out, d } = collect();
    for (const b of frame(2, 'abc')) d.push(Buffer.from([b]));
    expect(out).toEqual([['stderr', 'abc']]);
  });
});

describe('LineSplitter', () => {
  it('splits lines, keeps the partial last one, strips TTY carriage returns', () => {
    const s = new LineSplitter();
    const out: string[] = [];
    s.push(Buffer.from('one\r\ntw'), out);
    expect(out).toEqual(['one']);
    s.push(Buffer.from('o\nthree'), out);
    expect(out).toEqual(['one', 'two']);
    s.flush(out);
    expect(out).toEqual(['one', 'two', 'three']);
  });

  it('keeps UTF-8 characters split across chunks intact', () => {
    const bytes = Buffer.from('größe ✓\n');
    const s = new LineSplitter();
    const out: string[] = [];
    for (const b of bytes) s.push(Buffer.from([b]), out);
    expect(out).toEqual(['größe ✓']);
  });

  it('keeps empty lines', () => {
    const s = new LineSplitter();
    const out: string[] = [];
    s.push(Buffer.from('a\n\nb\n'), out);
    expect(out).toEqual(['a', '', 'b']);
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

describe('LineBatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('sends at most every interval, as parallel arrays with stderr indexes and a byte count', () => {
    vi.useFakeTimers();
    const batches: unknown[] = [];
    const b = new LineBatcher((x) => batches.push(x), 30, 1000);
    b.add('t1', 'a', 'stdout');
    b.add('t2', 'bb', 'stderr');
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(30);
    expect(batches).toEqual([{ ts: ['t1', 't2'], text: ['a', 'bb'], err: [1], bytes: 5 + 6 }]);
  });

  it('sends at once when the batch is full', () => {
    vi.useFakeTimers();
    const sizes: number[] = [];
    const b = new LineBatcher((x) => sizes.push(x.text.length), 30, 3);
    for (let i = 0; i < 7; i++) b.add('', String(i), 'stdout');
    expect(sizes).toEqual([3, 3]);
    b.flush();
    expect(sizes).toEqual([3, 3, 1]);
    vi.advanceTimersByTime(100);
    expect(sizes).toEqual([3, 3, 1]);
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
