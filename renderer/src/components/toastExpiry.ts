export interface ExpiryTimers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: ExpiryTimers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Expiry {
  /** Stops the clock while something holds the toast (the pointer over it, focus inside it). */
  hold(reason: string): void;
  /** Lets the clock run on for what was left once nothing holds it any more. */
  release(reason: string): void;
  /** Ends it without expiring (the toast was dismissed or unmounted). */
  cancel(): void;
}

/**
 * One timer per toast, shared by every button in it: `onExpire` runs once, `ms` of unheld time
 * after it was created. Pure but for the injected timers.
 */
export function createExpiry(
  ms: number,
  onExpire: () => void,
  timers: ExpiryTimers = realTimers,
): Expiry {
  const holds = new Set<string>();
  let left = ms;
  let since = timers.now();
  let handle: unknown = undefined;
  let over = false;
  const arm = () => {
    since = timers.now();
    handle = timers.set(() => {
      over = true;
      onExpire();
    }, left);
  };
  arm();
  return {
    hold(reason) {
      if (over || holds.has(reason)) return;
      holds.add(reason);
      if (holds.size > 1) return;
      timers.clear(handle);
      left = Math.max(0, left - (timers.now() - since));
    },
    release(reason) {
      if (over || !holds.delete(reason) || holds.size > 0) return;
      arm();
    },
    cancel() {
      over = true;
      timers.clear(handle);
    },
  };
}
