import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineStreamEvent, ResourceType } from '../../../../contract';
import type { EventKeys } from '../../../../renderer/src/events/event-keys';
import {
  Coalescer,
  FEATURE_EVENT_KEYS,
  invalidationsFor,
} from '../../../../renderer/src/events/invalidation';

const E = 'local';

function ev(type: ResourceType, action: string, id = 'abc'): EngineStreamEvent {
  return { kind: 'event', type, action, id, timeNano: '1' };
}

// Spelled out here on purpose: the test is the oracle for what the features' factories build.
const allRoots = [
  ['containers', E],
  ['images', E],
  ['volumes', E],
  ['networks', E],
  ['compose', E],
  ['swarm', E],
];

// A task runs as a container: its start, die and destroy refresh the Swarm screen's counts.
const swarmOfContainer = [
  ['swarm', E, 'services'],
  ['swarm', E, 'tasks'],
  ['swarm', E, 'state'],
];

describe('invalidationsFor', () => {
  it('container start invalidates that container (the list is patched by row, listPatch.ts)', () => {
    expect(invalidationsFor(E, [ev('container', 'start')])).toEqual([
      ['containers', E, 'detail', 'abc'],
      ['volumes', E], // "Used by" shows the container's state
      ['compose', E, 'projects'],
      ...swarmOfContainer,
    ]);
  });

  it('exec and other invisible container actions invalidate nothing', () => {
    for (const action of ['exec_start', 'exec_create', 'exec_die', 'attach', 'resize', 'top']) {
      expect(invalidationsFor(E, [ev('container', action)])).toEqual([]);
    }
  });

  it('container create and destroy also invalidate the images, volumes and networks roots', () => {
    for (const action of ['create', 'destroy']) {
      expect(invalidationsFor(E, [ev('container', action)])).toEqual([
        ['containers', E, 'detail', 'abc'],
        ['images', E],
        ['volumes', E],
        ['networks', E],
        ['compose', E, 'projects'],
        ...(action === 'destroy' ? swarmOfContainer : []),
      ]);
    }
  });

  it('reconcile invalidates every root, which cover any sub-keys', () => {
    expect(invalidationsFor(E, [{ kind: 'reconcile' }])).toEqual(allRoots);
    // The order of the refetches means nothing: compare as sets.
    const both = invalidationsFor(E, [ev('container', 'start'), { kind: 'reconcile' }]);
    expect(both).toHaveLength(allRoots.length);
    expect(both).toEqual(expect.arrayContaining(allRoots));
  });

  it('a daemon event invalidates all roots', () => {
    expect(invalidationsFor(E, [ev('daemon', 'reload')])).toEqual(allRoots);
  });

  it('network connect invalidates the networks root (the container list: listPatch.ts)', () => {
    for (const action of ['connect', 'disconnect']) {
      expect(invalidationsFor(E, [ev('network', action)])).toEqual([['networks', E]]);
    }
  });

  it('other network events invalidate only the networks root', () => {
    expect(invalidationsFor(E, [ev('network', 'create')])).toEqual([
      ['networks', E],
      ['compose', E, 'projects'],
    ]);
  });

  it('image events invalidate the images root only for visible actions', () => {
    expect(invalidationsFor(E, [ev('image', 'pull')])).toEqual([['images', E]]);
    expect(invalidationsFor(E, [ev('image', 'delete')])).toEqual([['images', E]]);
    expect(invalidationsFor(E, [ev('image', 'inspect')])).toEqual([]);
  });

  it('volume events invalidate the volumes root', () => {
    expect(invalidationsFor(E, [ev('volume', 'mount')])).toEqual([['volumes', E]]);
  });

  it('events of unrelated types invalidate nothing', () => {
    expect(invalidationsFor(E, [ev('plugin', 'enable'), ev('other', 'x')])).toEqual([]);
  });

  it('deduplicates keys across a batch', () => {
    const keys = invalidationsFor(E, [
      ev('container', 'stop', 'a'),
      ev('container', 'die', 'a'),
      ev('container', 'start', 'b'),
      ev('network', 'connect'),
    ]);
    expect(keys).toEqual([
      ['containers', E, 'detail', 'a'],
      ['compose', E, 'projects'],
      ['volumes', E],
      ...swarmOfContainer,
      ['containers', E, 'detail', 'b'],
      ['networks', E],
    ]);
  });

  it('drops sub-keys only when a root of the same resource covers them', () => {
    // images/volumes roots do not cover container keys, so those are kept.
    const keys = invalidationsFor(E, [ev('container', 'create'), ev('image', 'pull')]);
    expect(keys).toContainEqual(['containers', E, 'detail', 'abc']);
    expect(keys).toHaveLength(5);
  });

  it('uses the engine id in every key', () => {
    const keys = invalidationsFor('podman', [ev('container', 'kill'), { kind: 'reconcile' }]);
    expect(keys.every((k) => k[1] === 'podman')).toBe(true);
  });

  it('returns nothing for an empty batch', () => {
    expect(invalidationsFor(E, [])).toEqual([]);
  });
});

describe('the hub over the features’ own mappings', () => {
  const roots = ['containers', 'images', 'volumes', 'networks', 'compose', 'swarm'];
  it('each feature answers only with keys under its own root', () => {
    const events = [
      ev('container', 'create'),
      ev('network', 'connect'),
      ev('image', 'pull'),
      ev('volume', 'mount'),
      { kind: 'reconcile' } as const,
    ];
    FEATURE_EVENT_KEYS.forEach((keysOf, i) => {
      for (const event of events) {
        for (const key of keysOf(E, event)) expect(key[0]).toBe(roots[i]);
      }
    });
  });

  it('deduplicates and drops keys another feature’s key already covers', () => {
    const a: EventKeys = (engineId) => [
      ['x', engineId, 'list'],
      ['y', engineId],
    ];
    const b: EventKeys = (engineId) => [
      ['x', engineId],
      ['y', engineId],
    ];
    expect(invalidationsFor(E, [ev('container', 'start')], [a, b])).toEqual([
      ['y', E],
      ['x', E],
    ]);
  });
});

describe('Coalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flushes a lone event at once (no added latency)', () => {
    const flush = vi.fn();
    const c = new Coalescer<string>(flush, 75);
    c.push('a');
    expect(flush).toHaveBeenCalledTimes(1);
    expect(flush).toHaveBeenCalledWith(['a']);
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('turns a burst of 100 into two flushes: the first event, then the rest in order', () => {
    const flush = vi.fn();
    const c = new Coalescer<number>(flush, 75);
    for (let i = 0; i < 100; i++) c.push(i);
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(74);
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(2);
    expect(flush).toHaveBeenLastCalledWith(Array.from({ length: 99 }, (_, i) => i + 1));
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('keeps coalescing while a burst goes on, one flush per window', () => {
    const flush = vi.fn();
    const c = new Coalescer<number>(flush, 100);
    for (let t = 0; t < 10; t++) {
      c.push(t);
      vi.advanceTimersByTime(50);
    }
    // 500 ms of events every 50 ms: the leading flush plus one per 100 ms window.
    expect(flush.mock.calls.length).toBeLessThanOrEqual(6);
    vi.advanceTimersByTime(200);
    const seen = flush.mock.calls.flatMap((call) => call[0] as number[]);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('starts a fresh leading edge after a quiet window', () => {
    const flush = vi.fn();
    const c = new Coalescer<string>(flush, 50);
    c.push('a');
    vi.advanceTimersByTime(200);
    c.push('b');
    expect(flush).toHaveBeenCalledTimes(2);
    expect(flush).toHaveBeenLastCalledWith(['b']);
  });

  it('dispose drops the pending batch and cancels the timer', () => {
    const flush = vi.fn();
    const c = new Coalescer<string>(flush, 50);
    c.push('a');
    c.push('b');
    c.dispose();
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(flush).toHaveBeenCalledWith(['a']);
  });
});
