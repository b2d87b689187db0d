import { describe, expect, it } from 'vitest';
import { createExpiry, type ExpiryTimers } from '../../../../renderer/src/components/toastExpiry';

/** A clock that moves only when told to, firing what is due. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: ExpiryTimers = {
    now: () => now,
    set: (fn, ms) => {
      due.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clear: (h) => void due.delete(h as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) break;
      due.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = until;
  };
  return { timers, advance, pending: () => due.size };
}

describe('toast expiry (one timer for the toast and all its buttons)', () => {
  it('expires once, 10 s after it was shown, and not a moment before', () => {
    const clock = fakeClock();
    let expired = 0;
    createExpiry(10_000, () => expired++, clock.timers);
    clock.advance(9_999);
    expect(expired).toBe(0);
    clock.advance(1);
    expect(expired).toBe(1);
    clock.advance(60_000);
    expect(expired).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('a hovered or focused toast stays; released, it runs on for what was left', () => {
    const clock = fakeClock();
    let expired = 0;
    const e = createExpiry(10_000, () => expired++, clock.timers);
    clock.advance(4_000);
    e.hold('pointer');
    e.hold('focus');
    clock.advance(60_000);
    expect(expired).toBe(0);
    e.release('pointer');
    clock.advance(60_000);
    expect(expired, 'still focused').toBe(0);
    e.release('focus');
    clock.advance(5_999);
    expect(expired).toBe(0);
    clock.advance(1);
    expect(expired).toBe(1);
  });

  it('holding twice for the same reason is one hold; a release without a hold changes nothing', () => {
    const clock = fakeClock();
    let expired = 0;
    const e = createExpiry(10_000, () => expired++, clock.timers);
    e.release('pointer');
    clock.advance(2_000);
    e.hold('pointer');
    e.hold('pointer');
    e.release('pointer');
    clock.advance(8_000);
    expect(expired).toBe(1);
  });

  it('cancelled (dismissed, unmounted) it never fires and leaves no timer behind', () => {
    const clock = fakeClock();
    let expired = 0;
    const e = createExpiry(10_000, () => expired++, clock.timers);
    clock.advance(3_000);
    e.cancel();
    e.hold('focus');
    e.release('focus');
    clock.advance(60_000);
    expect(expired).toBe(0);
    expect(clock.pending()).toBe(0);
  });
});
