import { describe, expect, it } from 'vitest';
import {
  liveSelection,
  selectAllState,
  toggled,
} from '../../../../renderer/src/components/useSelection';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));

describe('selection helpers', () => {
  it('rows that went away drop out of the selection', () => {
    expect([...liveSelection(new Set(['a', 'gone', 'c']), rows('a', 'b', 'c'))]).toEqual([
      'a',
      'c',
    ]);
  });

  it('toggles one id without changing the set it was given', () => {
    const before = new Set(['a']);
    expect([...toggled(before, 'b', true)].sort()).toEqual(['a', 'b']);
    expect([...toggled(before, 'a', false)]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });

  it('"Select all" is ticked when every visible row is, mixed when only some are', () => {
    const visible = rows('a', 'b');
    expect(selectAllState(new Set(), visible)).toEqual({
      checked: false,
      indeterminate: false,
      disabled: false,
    });
    expect(selectAllState(new Set(['a']), visible)).toMatchObject({
      checked: false,
      indeterminate: true,
    });
    // A selected row the filter hides does not count towards the visible ones.
    expect(selectAllState(new Set(['a', 'b', 'hidden']), visible)).toMatchObject({
      checked: true,
      indeterminate: false,
    });
    expect(selectAllState(new Set(['hidden']), visible)).toMatchObject({
      checked: false,
      indeterminate: false,
    });
  });

  it('"Select all" is off and disabled over an empty list', () => {
    expect(selectAllState(new Set(['a']), [])).toEqual({
      checked: false,
      indeterminate: false,
      disabled: true,
    });
  });

  it('a list whose ids repeat (one image, two tags) is told apart by its own key', () => {
    const tags = [
      { id: 'sha256:1', tag: 'a:1' },
      { id: 'sha256:1', tag: 'a:latest' },
    ];
    const key = (t: { tag: string }) => t.tag;
    expect([...liveSelection(new Set(['a:1', 'gone:1']), tags, key)]).toEqual(['a:1']);
    expect(selectAllState(new Set(['a:1']), tags, key)).toMatchObject({ indeterminate: true });
    expect(selectAllState(new Set(['sha256:1']), tags, key)).toMatchObject({
      checked: false,
      indeterminate: false,
    });
  });
});
