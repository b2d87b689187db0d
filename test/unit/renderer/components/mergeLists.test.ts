import { describe, expect, it } from 'vitest';
import type { EngineInfo, EngineStatus } from '../../../../contract';
import { mergeLists } from '../../../../renderer/src/components/mergeLists';

const engine = (id: string, state: EngineStatus['state'] = 'connected'): EngineInfo => ({
  id,
  name: id.toUpperCase(),
  source: 'added',
  endpoint: `unix:///${id}.sock`,
  status: { engineId: id, state },
});
const ok = <T>(data: T[]) => ({ data, error: null, isPending: false, isError: false });
const failed = <T extends object>(error: Error, data?: T[]) => ({
  data,
  error,
  isPending: false,
  isError: true,
});
const pending = { data: undefined, error: null, isPending: true, isError: false };

describe('mergeLists: All engines', () => {
  it('tags every row with its engine, in engine order', () => {
    const m = mergeLists([engine('a'), engine('b')], {}, [
      ok([{ id: '1' }]),
      ok([{ id: '1' }, { id: '2' }]),
    ]);
    expect(m.data).toEqual([
      { id: '1', engineId: 'a', engineName: 'A', stale: false },
      { id: '1', engineId: 'b', engineName: 'B', stale: false },
      { id: '2', engineId: 'b', engineName: 'B', stale: false },
    ]);
    expect(m).toMatchObject({ multi: true, error: null, isPending: false, failures: [] });
  });

  it('keeps a lost engine’s rows, marked stale, and never waits for it', () => {
    const statuses = { b: { engineId: 'b', state: 'disconnected' as const } };
    const lost = new Error('Cannot reach the container engine');
    const m = mergeLists([engine('a'), engine('b'), engine('c')], statuses, [
      ok([{ id: 'x' }]),
      failed(lost, [{ id: 'y' }]),
      pending,
    ]);
    expect(m.data?.map((r) => [r.id, r.stale])).toEqual([
      ['x', false],
      ['y', true],
    ]);
    expect(m.isPending).toBe(false);
    expect(m.failures.map((f) => f.engine.id)).toEqual(['b']);
  });

  it('reports the error only when no engine has rows', () => {
    const boom = new Error('boom');
    expect(mergeLists([engine('a')], {}, [failed<{ id: string }>(boom)])).toMatchObject({
      data: undefined,
      error: boom,
      failures: [],
    });
    expect(mergeLists([engine('a')], {}, [pending])).toMatchObject({
      data: undefined,
      isPending: true,
      multi: false,
    });
  });

  it('hands memoised rows the same objects while their engine’s answer is unchanged', () => {
    const rows = [{ id: '1' }];
    const first = mergeLists([engine('a'), engine('b')], {}, [ok(rows), ok([{ id: '2' }])]);
    const second = mergeLists([engine('a'), engine('b')], {}, [ok(rows), ok([{ id: '3' }])]);
    expect(second.data?.[0]).toBe(first.data?.[0]);
    const stale = mergeLists([engine('a', 'disconnected'), engine('b')], {}, [ok(rows), ok([])]);
    expect(stale.data?.[0]).not.toBe(first.data?.[0]);
  });
});
