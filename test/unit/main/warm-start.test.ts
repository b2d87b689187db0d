import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '../../../contract';
import type { EngineManager } from '../../../main/engine/manager';
import type { CallHandlers, Ctx } from '../../../main/router';
import { createWarmStart, WARM_TTL_MS } from '../../../main/warm-start';

/** An engine connection stand-in: its id, its state, and the events it reports. */
class FakeEngine extends EventEmitter {
  constructor(
    readonly id: string,
    public state = 'connected',
  ) {
    super();
  }
  get config() {
    return { id: this.id };
  }
  get status() {
    return { engineId: this.id, state: this.state };
  }
}

const row = (name: string) => ({ name }) as unknown as ContainerSummary;
const ctx = (): Ctx => ({ connectionId: 'page', signal: new AbortController().signal });

function setup(engines: FakeEngine[]) {
  const asked: string[] = [];
  let version = 0;
  const list = vi.fn(async (i: { engineId: string }) => {
    asked.push(i.engineId);
    return [row(`${i.engineId}-v${++version}`)];
  });
  const manager = {
    all: () => engines,
    get: (id: string) => engines.find((e) => e.id === id)!,
  } as unknown as EngineManager;
  const warm = createWarmStart({ engines: manager, within: (_s, fn) => fn() });
  const calls = warm.wrap({ 'containers.list': list } as unknown as CallHandlers);
  const call = (engineId: string, ids?: string[]) =>
    calls['containers.list']({ engineId, ...(ids ? { ids } : {}) }, ctx());
  return { warm, call, asked };
}

afterEach(() => vi.useRealTimers());

describe('warm start: the first page’s container lists, asked for while it loads', () => {
  it('asks every connected engine once, and the page’s own call takes that answer', async () => {
    const a = new FakeEngine('a');
    const down = new FakeEngine('b', 'disconnected');
    const { warm, call, asked } = setup([a, down]);
    warm.begin();
    warm.begin(); // a second page before the first asked: still one request
    expect(asked).toEqual(['a']);
    expect(await call('a')).toEqual([row('a-v1')]);
    expect(asked).toEqual(['a']);
    // Used once: the next call asks the engine.
    expect(await call('a')).toEqual([row('a-v2')]);
    expect(asked).toEqual(['a', 'a']);
  });

  it('an event or a status change on the engine since it was asked: the page asks again', async () => {
    for (const change of ['event', 'status'] as const) {
      const a = new FakeEngine('a');
      const { warm, call, asked } = setup([a]);
      warm.begin();
      a.emit(change, { kind: 'event' });
      expect(await call('a')).toEqual([row('a-v2')]);
      expect(asked).toEqual(['a', 'a']);
      expect(a.listenerCount('event') + a.listenerCount('status')).toBe(0);
    }
  });

  it('is not used after WARM_TTL_MS, nor for a list of some ids', async () => {
    vi.useFakeTimers();
    const a = new FakeEngine('a');
    const { warm, call } = setup([a]);
    warm.begin();
    expect(await call('a', ['x'])).toEqual([row('a-v2')]);
    vi.advanceTimersByTime(WARM_TTL_MS + 1);
    expect(a.listenerCount('event')).toBe(0);
    expect(await call('a')).toEqual([row('a-v3')]);
  });

  it('a failed warm-up is no answer: the page’s call asks the engine itself', async () => {
    const a = new FakeEngine('a');
    const asked: string[] = [];
    const list = vi
      .fn()
      .mockRejectedValueOnce(new Error('engine busy'))
      .mockImplementation(async () => (asked.push('again'), [row('ok')]));
    const warm = createWarmStart({
      engines: { all: () => [a], get: () => a } as unknown as EngineManager,
      within: (_s, fn) => fn(),
    });
    const calls = warm.wrap({ 'containers.list': list } as unknown as CallHandlers);
    warm.begin();
    expect(await calls['containers.list']({ engineId: 'a' }, ctx())).toEqual([row('ok')]);
    expect(asked).toEqual(['again']);
  });
});
