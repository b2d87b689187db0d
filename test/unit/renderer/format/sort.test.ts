import { describe, expect, it } from 'vitest';
import { naturalCompare, naturalSortBy } from '../../../../renderer/src/format/sort';

describe('naturalCompare', () => {
  it('orders numbers inside names by value', () => {
    const names = ['idle-10', 'idle-2', 'idle-1', 'idle-100', 'idle-0'];
    expect([...names].sort(naturalCompare)).toEqual([
      'idle-0',
      'idle-1',
      'idle-2',
      'idle-10',
      'idle-100',
    ]);
  });

  it('compares several number runs and tags', () => {
    expect(['nginx:1.27', 'nginx:1.9', 'nginx:1.100'].sort(naturalCompare)).toEqual([
      'nginx:1.9',
      'nginx:1.27',
      'nginx:1.100',
    ]);
    expect(['web-2-b', 'web-10-a', 'web-2-a'].sort(naturalCompare)).toEqual([
      'web-2-a',
      'web-2-b',
      'web-10-a',
    ]);
  });

  it('ignores case but stays total (ties broken by code point)', () => {
    expect(naturalCompare('Web', 'web')).not.toBe(0);
    expect(['b', 'A', 'a', 'B'].sort(naturalCompare)).toEqual(['A', 'a', 'B', 'b']);
    expect(naturalCompare('same', 'same')).toBe(0);
  });

  it('naturalSortBy sorts a copy by key', () => {
    const rows = [{ n: 'db-10' }, { n: 'db-9' }];
    const sorted = naturalSortBy(rows, (r) => r.n);
    expect(sorted.map((r) => r.n)).toEqual(['db-9', 'db-10']);
    expect(rows[0]!.n).toBe('db-10');
  });
});
