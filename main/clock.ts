/** Time as main's logic reads it; createCore takes one, so tests can hold time still or move it. */
export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
