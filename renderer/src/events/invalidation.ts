import type { EngineStreamEvent } from '../../../contract';
import { composeEventKeys } from '../features/compose/events';
import { containerEventKeys } from '../features/containers/events';
import { imageEventKeys } from '../features/images/events';
import { networkEventKeys } from '../features/networks/events';
import { swarmEventKeys } from '../features/swarm/events';
import { volumeEventKeys } from '../features/volumes/events';
import type { EventKeys, QueryKey } from './event-keys';

export type { QueryKey } from './event-keys';

/**
 * Every feature whose queries engine events make stale. Registries and the engine list are
 * absent on purpose: logins are not per engine and have no engine event, and the engine list
 * follows the engines.status stream.
 */
export const FEATURE_EVENT_KEYS: readonly EventKeys[] = [
  containerEventKeys,
  imageEventKeys,
  volumeEventKeys,
  networkEventKeys,
  composeEventKeys,
  swarmEventKeys,
];

const isPrefix = (short: QueryKey, long: QueryKey) =>
  short.length < long.length && short.every((part, i) => part === long[i]);

/**
 * Maps a batch of engine events to the smallest set of query keys to invalidate: asks each
 * feature, then deduplicates and drops keys that another key already covers. Pure, so the
 * mapping is unit-tested; the hook around it only coalesces and calls invalidateQueries.
 */
export function invalidationsFor(
  engineId: string,
  events: EngineStreamEvent[],
  features: readonly EventKeys[] = FEATURE_EVENT_KEYS,
): QueryKey[] {
  const keys = new Map<string, QueryKey>();
  for (const event of events) {
    for (const keysOf of features) {
      for (const key of keysOf(engineId, event)) keys.set(JSON.stringify(key), key);
    }
  }
  // A root key already covers its sub-keys (react-query matches by prefix).
  const all = [...keys.values()];
  return all.filter((k) => !all.some((other) => isPrefix(other, k)));
}

/**
 * Coalesces a burst of events (a compose project starting, a prune) into few refetches without
 * delaying a lone event: the first event of a quiet period flushes at once (leading edge), the
 * rest of the burst flushes together `delayMs` later (trailing edge).
 */
export class Coalescer<T> {
  private batch: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly flush: (batch: T[]) => void,
    private readonly delayMs = 75,
  ) {}

  push(item: T) {
    if (this.timer === undefined) {
      this.flush([item]);
      this.timer = setTimeout(() => this.trailing(), this.delayMs);
      return;
    }
    this.batch.push(item);
  }

  private trailing() {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) {
      this.timer = undefined;
      return;
    }
    this.flush(batch);
    // Keep the window open while the burst goes on.
    this.timer = setTimeout(() => this.trailing(), this.delayMs);
  }

  dispose() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.batch = [];
  }
}
