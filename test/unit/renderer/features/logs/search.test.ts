import { describe, expect, it } from 'vitest';
import { buildMatcher, highlight } from '../../../../../renderer/src/features/logs/search';

const active = (q: string, regex = false, caseSensitive = false) => {
  const m = buildMatcher({ query: q, regex, caseSensitive });
  if (!m.ok || !m.active) throw new Error('expected an active matcher');
  return m;
};

describe('buildMatcher', () => {
  it('an empty query matches nothing and is not an error', () => {
    expect(buildMatcher({ query: '', regex: true, caseSensitive: false })).toEqual({
      ok: true,
      active: false,
    });
  });

  it('plain text is literal and case-insensitive by default', () => {
    const m = active('a.b');
    expect(m.test('xA.By')).toBe(true);
    expect(m.test('axb')).toBe(false);
    expect(m.ranges('a.b A.B')).toEqual([
      [0, 3],
      [4, 7],
    ]);
  });

  it('regex mode, and match case', () => {
    expect(active('^1999\\d\\d$', true).test('199999')).toBe(true);
    expect(active('^1999\\d\\d$', true).test('1199999')).toBe(false);
    expect(active('Err', false, true).test('error')).toBe(false);
  });

  it('test() is stable across calls (no lastIndex carry-over)', () => {
    const m = active('x');
    expect([m.test('x'), m.test('x'), m.test('x')]).toEqual([true, true, true]);
  });

  it('an invalid regex says why; empty matches do not loop', () => {
    const bad = buildMatcher({ query: '(', regex: true, caseSensitive: false });
    expect(bad.ok).toBe(false);
    expect(active('x*', true).ranges('abc')).toEqual([]);
  });
});

describe('highlight', () => {
  it('cuts styled segments at match boundaries', () => {
    const pieces = highlight([{ text: 'red', style: 'R' }, { text: ' plain' }], [[1, 5]]);
    expect(pieces).toEqual([
      { text: 'r', style: 'R', mark: false },
      { text: 'ed', style: 'R', mark: true },
      { text: ' p', style: undefined, mark: true },
      { text: 'lain', style: undefined, mark: false },
    ]);
  });

  it('no ranges: segments unchanged', () => {
    expect(highlight([{ text: 'abc' }], [])).toEqual([
      { text: 'abc', style: undefined, mark: false },
    ]);
  });
});
