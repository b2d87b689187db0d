import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  DIE_SETTLE_MS,
  LIST_IDS_MAX,
  type ContainerSummary,
  type EngineStreamEvent,
} from '../../../contract';
import type { EngineManager } from '../../../main/engine/manager';
import { createListMirror } from '../../../main/list-mirror';
import type { CallHandlers, Ctx } from '../../../main/router';

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
  event(action: string, id: string, type = 'container') {
    this.emit('event', { kind: 'event', type, action, id, timeNano: '1' } as EngineStreamEvent);
  }
}

const hex = (n: number) => n.toString(16).padStart(12, '0');
const row = (id: string, name: string) => ({ id, name }) as unknown as ContainerSummary;
const names = (rows: ContainerSummary[]) => rows.map((r) => r.name);
const ctx = (signal = new AbortController().signal): Ctx => ({ connectionId: 'page', signal });

/**
 * One engine's containers as the engine would list them, and every list request made of it:
 * 'all', or the ids asked.
 */
function setup(engines: FakeEngine[] = [new FakeEngine('a')]) {
  const state = new Map<string, string>([
    [hex(1), 'one'],
    [hex(2), 'two'],
  ]);
  const asked: (string | string[])[] = [];
  let now = 1_000;
  let failNext = false;
  let hold: Promise<void> | undefined;
  const list = async (i: { engineId: string; ids?: string[] }) => {
    asked.push(i.ids ?? 'all');
    if (failNext) {
      failNext = false;
      throw new Error('engine busy');
    }
    // What the engine lists is what it had when the request came, whenever the answer lands.
    const rows = [...state]
      .filter(([id]) => !i.ids || i.ids.includes(id))
      .map(([id, name]) => row(id, name));
    await hold;
    return rows;
  };
  const manager = { all: () => engines } as unknown as EngineManager;
  const mirror = createListMirror({
    engines: manager,
    clock: { now: () => now },
    within: (_s, fn) => fn(),
  });
  const calls = mirror.wrap({ 'containers.list': list } as unknown as CallHandlers);
  const call = (opts: { engineId?: string; ids?: string[]; signal?: AbortSignal } = {}) =>
    calls['containers.list'](
      { engineId: opts.engineId ?? 'a', ...(opts.ids ? { ids: opts.ids } : {}) },
      ctx(opts.signal),
    );
  return {
    mirror,
    call,
    asked,
    state,
    engine: engines[0]!,
    advance: (ms: number) => (now += ms),
    failNextRequest: () => (failNext = true),
    holdAnswers: () => {
      let release = () => undefined as void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = undefined;
        release();
      };
    },
  };
}

describe('list mirror: a page’s container list from main’s copy, kept by the events', () => {
  it('a page load reads each connected engine’s list once; pages after it ask nothing', async () => {
    const down = new FakeEngine('b', 'disconnected');
    const t = setup([new FakeEngine('a'), down]);
    t.mirror.begin();
    t.mirror.begin(); // another page before the first answer: still one request
    expect(t.asked).toEqual(['all']);
    expect(names(await t.call())).toEqual(['one', 'two']);
    expect(names(await t.call())).toEqual(['one', 'two']);
    expect(t.asked).toEqual(['all']);
  });

  it('without a page load first, the first call reads the list and keeps it', async () => {
    const t = setup();
    expect(names(await t.call())).toEqual(['one', 'two']);
    expect(names(await t.call())).toEqual(['one', 'two']);
    expect(t.asked).toEqual(['all']);
  });

  it('an event marks its row: the next page’s list reads only that row again', async () => {
    const t = setup();
    await t.call();
    t.state.set(hex(2), 'renamed');
    t.engine.event('rename', hex(2));
    t.state.set(hex(3), 'new');
    t.engine.event('create', hex(3));
    t.state.delete(hex(1));
    t.engine.event('destroy', hex(1));
    t.engine.event('exec_start', hex(2)); // changes nothing a list shows
    expect(names(await t.call())).toEqual(['new', 'renamed']);
    expect(t.asked).toEqual(['all', [hex(2), hex(3), hex(1)]]);
    // Read once: the page after that asks nothing.
    await t.call();
    expect(t.asked).toHaveLength(2);
  });

  it.each([
    ['a reconnect', (e: FakeEngine) => e.emit('event', { kind: 'reconcile' })],
    ['a daemon event', (e: FakeEngine) => e.event('reload', 'daemon', 'daemon')],
    [
      'a network change that names no container',
      (e: FakeEngine) => e.event('disconnect', 'n', 'network'),
    ],
    [
      'more changed rows than one filtered request takes',
      (e: FakeEngine) => {
        for (let i = 0; i <= LIST_IDS_MAX; i++) e.event('start', hex(100 + i));
      },
    ],
    [
      'the engine going away',
      (e: FakeEngine) => {
        e.state = 'disconnected';
        e.emit('status', e.status);
        e.state = 'connected';
      },
    ],
  ])('%s forgets the copy: the next page reads the whole list', async (_what, change) => {
    const t = setup();
    await t.call();
    t.state.set(hex(1), 'changed');
    change(t.engine);
    expect(names(await t.call())).toEqual(['changed', 'two']);
    expect(t.asked).toEqual(['all', 'all']);
  });

  it('marked and settling rows beyond one filtered request: the whole list', async () => {
    const t = setup();
    await t.call();
    for (let i = 0; i < LIST_IDS_MAX; i++) t.engine.event('die', hex(200 + i));
    await t.call(); // 50 rows read again; they stay settling
    t.engine.event('start', hex(1));
    await t.call();
    expect(t.asked.slice(2)).toEqual(['all']);
  });

  it('a died container’s row is read again until the engine has settled it', async () => {
    const t = setup();
    await t.call();
    t.engine.event('die', hex(1));
    await t.call();
    t.advance(DIE_SETTLE_MS[0]);
    await t.call();
    t.advance(Math.max(...DIE_SETTLE_MS));
    await t.call();
    expect(t.asked).toEqual(['all', [hex(1)], [hex(1)]]);
  });

  it('an event while the list is being read is not lost', async () => {
    const t = setup();
    const release = t.holdAnswers();
    t.mirror.begin();
    t.state.set(hex(2), 'late');
    t.engine.event('rename', hex(2)); // after the request: its answer may predate it
    release();
    expect(names(await t.call())).toEqual(['one', 'late']);
    expect(t.asked).toEqual(['all', [hex(2)]]);
  });

  it('a copy forgotten while it was read is not kept', async () => {
    const t = setup();
    const release = t.holdAnswers();
    t.mirror.begin();
    t.engine.emit('event', { kind: 'reconcile' });
    t.state.set(hex(1), 'after');
    release();
    await new Promise((r) => setTimeout(r, 0)); // the forgotten read has landed
    expect(names(await t.call())).toEqual(['after', 'two']);
    expect(t.asked).toEqual(['all', 'all']);
  });

  it('a failed read is no answer: the page’s call asks the engine itself', async () => {
    const t = setup();
    t.failNextRequest();
    t.mirror.begin();
    expect(names(await t.call())).toEqual(['one', 'two']);
    expect(t.asked).toEqual(['all', 'all']);
  });

  it('lists of some ids, and engines not connected, always ask the engine', async () => {
    const t = setup();
    await t.call();
    await t.call({ ids: [hex(1)] });
    await t.call({ ids: [hex(1)] });
    t.engine.state = 'connecting';
    await t.call();
    expect(t.asked).toEqual(['all', [hex(1)], [hex(1)], 'all']);
  });

  it('a page that cancels stops waiting for a read in progress', async () => {
    const t = setup();
    const release = t.holdAnswers();
    t.mirror.begin();
    const abort = new AbortController();
    const answer = t.call({ signal: abort.signal });
    abort.abort(new Error('cancelled'));
    await expect(answer).rejects.toThrow('cancelled');
    release();
  });

  it('a new connection for the engine (a new address) starts a new copy', async () => {
    const old = new FakeEngine('a');
    const engines = [old];
    const t = setup(engines);
    await t.call();
    const next = new FakeEngine('a');
    engines[0] = next;
    await t.call();
    expect(t.asked).toEqual(['all', 'all']);
    expect(old.listenerCount('event') + old.listenerCount('status')).toBe(0);
    // A removed engine's copy goes at the next page load.
    engines.pop();
    t.mirror.begin();
    expect(next.listenerCount('event') + next.listenerCount('status')).toBe(0);
  });
});
