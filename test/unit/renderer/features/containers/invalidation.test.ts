import { describe, expect, it } from 'vitest';
import type { EngineStreamEvent } from '../../../../../contract';
import { invalidationsFor } from '../../../../../renderer/src/events/invalidation';
import { containerKeys } from '../../../../../renderer/src/features/containers/queries';

const ev = (action: string, id = 'abc'): EngineStreamEvent => ({
  kind: 'event',
  type: 'container',
  action,
  id,
  timeNano: '1',
});

/** A key is refreshed when some invalidated key is a prefix of it (react-query's rule). */
const covers = (invalidated: readonly unknown[][], key: readonly unknown[]) =>
  invalidated.some((k) => k.every((part, i) => part === key[i]));

describe('container events refresh the Containers screen’s keys', () => {
  it.each(['pause', 'unpause', 'kill', 'rename', 'start', 'die', 'destroy'])(
    '%s → list, detail and process list of that container',
    (action) => {
      const keys = invalidationsFor('e1', [ev(action)]) as unknown[][];
      expect(covers(keys, containerKeys.list('e1'))).toBe(true);
      expect(covers(keys, containerKeys.detail('e1', 'abc'))).toBe(true);
      expect(covers(keys, containerKeys.top('e1', 'abc'))).toBe(true);
      expect(covers(keys, containerKeys.detail('e1', 'other'))).toBe(false);
    },
  );
  it('exec and top reads (stats viewers, shells) refresh nothing', () => {
    expect(invalidationsFor('e1', [ev('exec_start'), ev('top')])).toEqual([]);
  });
});
