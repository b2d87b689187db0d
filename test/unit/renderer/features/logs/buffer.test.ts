import { describe, expect, it } from 'vitest';
import { logData } from '../../../../../contract';
import { LogBuffer, toLines, type LogLine } from '../../../../../renderer/src/features/logs/buffer';

const at = (sec: number, text: string, src = 0): LogLine => ({
  ts: `2024-01-31T12:00:${String(sec).padStart(2, '0')}.000000000Z`,
  text,
  err: false,
  src,
});
const texts = (b: LogBuffer) => Array.from({ length: b.length }, (_, i) => b.at(i)!.text);

describe('LogBuffer', () => {
  it('keeps the newest lines up to its capacity and counts what it dropped', () => {
    const b = new LogBuffer(3);
    b.append([at(1, 'a'), at(2, 'b')]);
    b.append([at(3, 'c'), at(4, 'd'), at(5, 'e')]);
    expect(texts(b)).toEqual(['c', 'd', 'e']);
    expect(b.dropped).toBe(2);
    b.clear();
    expect(b.length).toBe(0);
    expect(b.dropped).toBe(0);
  });

  it('stays bounded over many appends (compaction)', () => {
    const b = new LogBuffer(100);
    for (let i = 0; i < 10_000; i++) {
      b.append([
        {
          ts: `2024-01-31T12:00:00.${String(i).padStart(9, '0')}Z`,
          text: String(i),
          err: false,
          src: 0,
        },
      ]);
    }
    expect(b.length).toBe(100);
    expect(b.dropped).toBe(9_900);
    expect(b.last()!.text).toBe('9999');
  });

  it('merges another container’s earlier lines in by time (merged timeline)', () => {
    const b = new LogBuffer(10);
    b.append([at(1, 'a1', 0), at(3, 'a3', 0), at(5, 'a5', 0)]);
    b.append([at(2, 'b2', 1), at(4, 'b4', 1), at(6, 'b6', 1)]);
    expect(texts(b)).toEqual(['a1', 'b2', 'a3', 'b4', 'a5', 'b6']);
    b.append([at(0, 'c0', 2)]);
    expect(texts(b)[0]).toBe('c0');
  });

  it('equal stamps keep arrival order', () => {
    const b = new LogBuffer(10);
    b.append([at(1, 'first'), at(2, 'x')]);
    b.append([at(1, 'second')]);
    expect(texts(b)).toEqual(['first', 'second', 'x']);
  });

  it('prepend never pushes the newest lines out', () => {
    const b = new LogBuffer(4);
    b.append([at(5, 'e'), at(6, 'f'), at(7, 'g')]);
    expect(b.prepend([at(1, 'a'), at(2, 'b'), at(3, 'c')])).toBe(1);
    expect(texts(b)).toEqual(['c', 'e', 'f', 'g']);
  });
});

describe('toLines', () => {
  it('turns a batch into lines: stderr flagged, cut lines with their full length', () => {
    const lines = toLines(
      {
        kind: 'lines',
        ts: ['t0', 't1', 't2'],
        data: logData(['a', 'b', 'c']),
        err: [1],
        cut: [[2, 33554432]],
      },
      4,
    );
    expect(lines).toEqual([
      { ts: 't0', text: 'a', err: false, src: 4 },
      { ts: 't1', text: 'b', err: true, src: 4 },
      { ts: 't2', text: 'c', err: false, src: 4, cut: 33554432 },
    ]);
  });
});
