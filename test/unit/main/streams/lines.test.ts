import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonLineReader, LineSplitter } from '../../../../main/streams/lines';

const enc = new TextEncoder();

function linesOf(chunks: Uint8Array[], max?: number) {
  const s = new LineSplitter(max);
  const out: [string, number][] = [];
  const on = (line: string, full: number) => out.push([line, full]);
  for (const c of chunks) s.push(c, on);
  s.flush(on);
  return out;
}

function readJson(chunks: (string | Uint8Array)[]) {
  const values: unknown[] = [];
  const texts: string[] = [];
  const r = new JsonLineReader(
    (v) => values.push(v),
    (t) => texts.push(t),
  );
  for (const c of chunks) r.push(c);
  r.flush();
  return { values, texts };
}

describe('the line splitter', () => {
  it('gives the same lines however the bytes are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 20 }),
        fc.array(fc.nat({ max: 50 }), { maxLength: 20 }),
        (lines, cuts) => {
          const bytes = enc.encode(lines.map((l) => l.replaceAll('\n', ' ') + '\n').join(''));
          const chunks: Uint8Array[] = [];
          let off = 0;
          for (const c of cuts) {
            chunks.push(bytes.subarray(off, Math.min(bytes.length, off + c)));
            off = Math.min(bytes.length, off + c);
          }
          chunks.push(bytes.subarray(off));
          const got = linesOf(chunks).map(([l]) => l);
          expect(got).toEqual(lines.map((l) => l.replaceAll('\n', ' ').replace(/\r$/, '')));
        },
      ),
    );
  });

  it('drops the \\r of a TTY’s \\r\\n and keeps a last line without a newline', () => {
    expect(linesOf([enc.encode('a\r\nb\r\nc')])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('keeps at most maxLine bytes of a huge line and reports its full length', () => {
    const s = new LineSplitter(64 * 1024);
    const out: [number, number][] = [];
    const piece = Buffer.alloc(64 * 1024, 'a');
    for (let i = 0; i < 512; i++) s.push(piece, (l, full) => out.push([l.length, full]));
    s.push(enc.encode('\nafter\n'), (l, full) => out.push([l.length, full]));
    expect(out).toEqual([
      [64 * 1024, 32 * 1024 * 1024],
      [5, 5],
    ]);
  });

  it('cuts a long line on a whole UTF-8 character', () => {
    const line = '€'.repeat(10); // 3 bytes each
    const [[text, full]] = linesOf([enc.encode(`${line}\n`)], 8) as [[string, number]];
    expect(text).toBe('€€');
    expect(full).toBe(30);
  });

  it('reads NDJSON across chunks, one byte at a time, multi-byte characters included', () => {
    const bytes = enc.encode('{"x":"日本"}\r\n{"y":"ü 🐳"}\n');
    const oneByOne = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(readJson(oneByOne).values).toEqual([{ x: '日本' }, { y: 'ü 🐳' }]);
  });

  it('hands a line that is not JSON to onText and carries on', () => {
    expect(readJson(['{"ok":1}\n{not json}\n\n  \n{"ok":2}\n'])).toEqual({
      values: [{ ok: 1 }, { ok: 2 }],
      texts: ['{not json}'],
    });
  });
});
