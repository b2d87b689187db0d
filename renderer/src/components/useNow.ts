import { useSyncExternalStore } from 'react';

export interface Ticker {
  /** The time of the latest tick (or now, while nobody listens). */
  now(): number;
  subscribe(listener: () => void): () => void;
}

/**
 * One interval for any number of listeners, running only while someone listens. Listeners are
 * told every tick; each re-renders only when what it derives from the time changes.
 */
export function createTicker(
  intervalMs: number,
  clock: () => number = Date.now,
  timers: {
    set: (fn: () => void, ms: number) => unknown;
    clear: (t: unknown) => void;
  } = {
    set: (fn, ms) => setInterval(fn, ms),
    clear: (t) => clearInterval(t as ReturnType<typeof setInterval>),
  },
): Ticker {
  const listeners = new Set<() => void>();
  let latest = clock();
  let timer: unknown;
  return {
    now: () => (listeners.size ? latest : (latest = clock())),
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        latest = clock();
        timer = timers.set(() => {
          latest = clock();
          for (const l of [...listeners]) l();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) timers.clear(timer);
      };
    },
  };
}

/** The whole app's one clock: relative times, "Up N minutes", countdowns. */
const appTicker = createTicker(1000);
const idle = () => () => undefined;

/**
 * A value derived from the current time (a string, a number), kept current by the app's one
 * timer. The component re-renders only when the derived value changes: "Up 3 hours" once an
 * hour, "Up 5 seconds" every second.
 */
export function useLive<T extends string | number | boolean>(
  derive: (nowMs: number) => T,
  active = true,
): T {
  return useSyncExternalStore(active ? appTicker.subscribe : idle, () => derive(appTicker.now()));
}

/** The current time in steps of `granularityMs` (one shared timer, however many callers). */
export function useNow(granularityMs = 1000, active = true): number {
  return useLive((now) => now - (now % granularityMs), active);
}
