import type { EngineStreamEvent } from '../../../contract';

export type QueryKey = readonly unknown[];

/** The resource roots every feature's key factory starts with: [resource, engineId, ...]. */
export const RESOURCE_ROOTS = ['containers', 'images', 'volumes', 'networks'] as const;

// Container actions that change what a list or detail shows. exec_*, attach, resize, top and
// archive reads change nothing visible, and on a busy engine they are most of the traffic.
const CONTAINER_VISIBLE = new Set([
  'create',
  'start',
  'restart',
  'stop',
  'die',
  'kill',
  'pause',
  'unpause',
  'destroy',
  'rename',
  'update',
  'health_status',
  'oom',
]);
const IMAGE_VISIBLE = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune']);

/**
 * Maps a batch of engine events to the smallest set of query keys to invalidate. Pure, so the
 * mapping is unit-tested; the hook around it only coalesces and calls invalidateQueries.
 */
export function invalidationsFor(engineId: string, events: EngineStreamEvent[]): QueryKey[] {
  const keys = new Map<string, QueryKey>();
  const add = (key: QueryKey) => keys.set(JSON.stringify(key), key);
  const root = (resource: string) => add([resource, engineId]);

  for (const event of events) {
    if (event.kind === 'reconcile') {
      RESOURCE_ROOTS.forEach(root);
      continue;
    }
    switch (event.type) {
      case 'container':
        if (!CONTAINER_VISIBLE.has(event.action)) break;
        add(['containers', engineId, 'list']);
        add(['containers', engineId, 'detail', event.id]);
        // A container appearing or going changes "in use" counts of images and volumes.
        if (event.action === 'create' || event.action === 'destroy') {
          root('images');
          root('volumes');
          // …and the attached-container counts of networks (stopped members send no event).
          root('networks');
        }
        break;
      case 'image':
        if (IMAGE_VISIBLE.has(event.action)) root('images');
        break;
      case 'volume':
        root('volumes');
        break;
      case 'network':
        root('networks');
        if (event.action === 'connect' || event.action === 'disconnect') {
          add(['containers', engineId, 'list']);
        }
        break;
      case 'daemon':
        RESOURCE_ROOTS.forEach(root);
        break;
      default:
        break;
    }
  }
  // A root key already covers its sub-keys: drop the redundant ones.
  const all = [...keys.values()];
  return all.filter(
    (k) =>
      !all.some(
        (other) =>
          other !== k && other.length < k.length && other.every((part, i) => part === k[i]),
      ),
  );
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
