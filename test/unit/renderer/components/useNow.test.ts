import { describe, expect, it } from 'vitest';
import { createTicker } from '../../../../renderer/src/components/useNow';

function fakeTimers() {
  const live = new Set<{ fn: () => void }>();
  let sets = 0;
  return {
    live,
    sets: () => sets,
    set: (fn: () => void) => {
      sets++;
      const t = { fn };
      live.add(t);
      return t;
    },
    clear: (t: unknown) => live.delete(t as { fn: () => void }),
    tick: () => [...live].forEach((t) => t.fn()),
  };
}

describe('createTicker', () => {
  it('runs one interval for every listener, and none when nobody listens', () => {
    let clock = 1000;
    const timers = fakeTimers();
    const ticker = createTicker(1000, () => clock, timers);
    expect(timers.live.size).toBe(0);
    const heard: string[] = [];
    const offA = ticker.subscribe(() => heard.push(`a${ticker.now()}`));
    const offB = ticker.subscribe(() => heard.push(`b${ticker.now()}`));
    expect(timers.sets()).toBe(1);
    clock = 2000;
    timers.tick();
    expect(heard).toEqual(['a2000', 'b2000']);
    offA();
    expect(timers.live.size).toBe(1);
    offB();
    expect(timers.live.size).toBe(0);
  });

  it('reads the clock itself while nobody listens (never a stale time)', () => {
    let clock = 5;
    const ticker = createTicker(1000, () => clock, fakeTimers());
    clock = 9_000;
    expect(ticker.now()).toBe(9_000);
  });
});
