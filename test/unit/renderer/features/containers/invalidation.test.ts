import { describe, expect, it } from 'vitest';
import {
  mergeListPatch,
  planListPatch,
  type ContainerSummary,
  type EngineStreamEvent,
} from '../../../../../contract';
import { invalidationsFor } from '../../../../../renderer/src/events/invalidation';
import { containerKeys } from '../../../../../renderer/src/features/containers/queries';

const ev = (action: string, id = 'abc', type = 'container'): EngineStreamEvent =>
  ({ kind: 'event', type, action, id, timeNano: '1' }) as EngineStreamEvent;

/** A key is refreshed when some invalidated key is a prefix of it (react-query's rule). */
const covers = (invalidated: readonly unknown[][], key: readonly unknown[]) =>
  invalidated.some((k) => k.every((part, i) => part === key[i]));

describe('container events refresh that container’s detail, never the whole list', () => {
  it.each(['pause', 'unpause', 'kill', 'rename', 'start', 'die', 'destroy'])(
    '%s → the detail of that container',
    (action) => {
      const keys = invalidationsFor('e1', [ev(action)]) as unknown[][];
      expect(covers(keys, containerKeys.detail('e1', 'abc'))).toBe(true);
      expect(covers(keys, containerKeys.detail('e1', 'other'))).toBe(false);
      expect(covers(keys, containerKeys.list('e1'))).toBe(false);
    },
  );
  it('exec and top reads (stats viewers, shells) refresh nothing', () => {
    expect(invalidationsFor('e1', [ev('exec_start'), ev('top')])).toEqual([]);
  });
  it('a reconnect refreshes every container key, the list too', () => {
    const keys = invalidationsFor('e1', [{ kind: 'reconcile' }]) as unknown[][];
    expect(covers(keys, containerKeys.list('e1'))).toBe(true);
  });
});

describe('planListPatch: which rows a batch of events changes', () => {
  it('one stop → that one row, fetched by id', () => {
    expect(planListPatch([ev('kill'), ev('die'), ev('stop')])).toEqual({
      full: false,
      fetch: ['abc'],
      drop: [],
      settle: ['abc'],
    });
  });
  it('destroy drops the row without asking; created rows are fetched', () => {
    expect(planListPatch([ev('create', 'n1'), ev('die', 'old'), ev('destroy', 'old')])).toEqual({
      full: false,
      fetch: ['n1'],
      drop: ['old'],
      settle: [],
    });
  });
  it('invisible actions and other types are no patch', () => {
    expect(planListPatch([ev('exec_start'), ev('pull', 'x', 'image')])).toBeUndefined();
  });
  it('a reconnect or daemon event is the hub’s full refetch, not a patch', () => {
    expect(planListPatch([ev('start'), { kind: 'reconcile' }])).toBeUndefined();
    expect(planListPatch([ev('reload', 'd', 'daemon')])).toBeUndefined();
  });
  it('network (dis)connect → that container’s row; without its id → the whole list', () => {
    const disconnect = { ...ev('disconnect', 'net', 'network'), container: 'abc' };
    expect(planListPatch([disconnect as EngineStreamEvent])).toMatchObject({
      full: false,
      fetch: ['abc'],
    });
    expect(planListPatch([ev('connect', 'net', 'network')])?.full).toBe(true);
  });
  it('more rows than one filtered request takes → the whole list', () => {
    const many = Array.from({ length: 51 }, (_, i) => ev('start', `c${i}`));
    expect(planListPatch(many)?.full).toBe(true);
    expect(planListPatch(many.slice(0, 50))?.full).toBe(false);
  });
});

describe('mergeListPatch', () => {
  const row = (id: string, state = 'running') => ({ id, name: id, state }) as ContainerSummary;
  it('puts fetched rows in place, removes those gone or dropped, adds new ones first', () => {
    const old = [row('a'), row('b'), row('c'), row('d')];
    const merged = mergeListPatch(old, [row('b', 'exited'), row('n', 'created')], {
      fetch: ['b', 'c', 'n'],
      drop: ['d'],
    });
    expect(merged.map((c) => `${c.id}:${c.state}`)).toEqual(['n:created', 'a:running', 'b:exited']);
  });
  it('leaves the rows it was not asked about as they were (same objects)', () => {
    const old = [row('a'), row('b')];
    const merged = mergeListPatch(old, [row('b', 'paused')], { fetch: ['b'], drop: [] });
    expect(merged[0]).toBe(old[0]);
  });
});
