import { describe, expect, it } from 'vitest';
import { demuxText, FrameDemuxer, type StreamKind } from '../../../../main/streams/demux';
import { meter } from '../engine/work-meter';

const frame = (type: number, text: string | Buffer) => {
  const payload = typeof text === 'string' ? Buffer.from(text) : text;
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

const MB32 = 32 * 1024 * 1024;

/** Bytes as chunks of `size` (views), as a socket hands them on. */
function* chunked(buf: Buffer, size: number) {
  for (let off = 0; off < buf.length; off += size) yield buf.subarray(off, off + size);
}

describe('FrameDemuxer', () => {
  const collect = () => {
    const out: [StreamKind, string][] = [];
    const d = new FrameDemuxer((k, p, start) => {
      if (start) out.push([k, '']);
      out[out.length - 1]![1] += p.toString();
    });
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

  it('streams one 32 MB frame in linear work, never joining its pieces', () => {
    const big = frame(1, Buffer.alloc(MB32, 'a'));
    let bytes = 0;
    let starts = 0;
    const d = new FrameDemuxer((_k, p, start) => {
      bytes += p.length;
      if (start) starts++;
    });
    const work = meter(() => {
      for (const c of chunked(big, 64 * 1024)) d.push(c);
    });
    expect([bytes, starts]).toEqual([MB32, 1]);
    expect(work.total).toBeLessThan(1024);
  });
});

describe('demuxText', () => {
  it('splits stdout and stderr frames', () => {
    const buf = Buffer.concat([frame(1, 'a\n'), frame(2, 'oops\n'), frame(1, 'b\n')]);
    expect(demuxText(buf)).toEqual({ stdout: 'a\nb\n', stderr: 'oops\n' });
  });
  it('ignores a truncated header', () => {
    expect(demuxText(Buffer.from([1, 0, 0]))).toEqual({ stdout: '', stderr: '' });
  });
  it('keeps a character whose bytes span two frames whole', () => {
    const check = Buffer.from('✓');
    const buf = Buffer.concat([frame(1, check.subarray(0, 1)), frame(1, check.subarray(1))]);
    expect(demuxText(buf).stdout).toBe('✓');
  });
});
