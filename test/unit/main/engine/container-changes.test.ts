import { describe, expect, it } from 'vitest';
import { changeList } from '../../../../main/engine/container-files';

describe('changeList (GET /containers/ID/changes as dockerode hands it over)', () => {
  it('reads "no changes": the engine says null, dockerode gives the bytes "null\\n"', () => {
    expect(changeList(Buffer.from('null\n'))).toEqual([]);
    expect(changeList(null)).toEqual([]);
    expect(changeList('null')).toEqual([]);
    expect(changeList(Buffer.alloc(0))).toEqual([]);
  });

  it('keeps a parsed list, and reads one that came as bytes', () => {
    const list = [
      { Path: '/tmp', Kind: 0 },
      { Path: '/tmp/new', Kind: 1 },
    ];
    expect(changeList(list)).toEqual(list);
    expect(changeList(Buffer.from(JSON.stringify(list)))).toEqual(list);
  });

  it('anything else is no list, not a crash', () => {
    expect(changeList({ message: 'odd' })).toEqual([]);
    expect(changeList(42)).toEqual([]);
  });
});
