import type { EngineStreamEvent } from '../../../../contract';

/** One line of the Events screen: an engine event, or a reconnect marker, with its engine. */
export interface FeedItem {
  seq: number;
  engineId: string;
  engineName: string;
  kind: 'event' | 'reconnect';
  type: string;
  action: string;
  id: string;
  name: string;
  /** Epoch nanoseconds as the engine sent them (reconnect markers: the local time). */
  timeNano: string;
}

/** The most events kept: older ones fall off the end (the screen says so). */
export const FEED_LIMIT = 5000;

export function toItem(
  seq: number,
  engine: { id: string; name: string },
  e: EngineStreamEvent,
  now = Date.now(),
): FeedItem {
  if (e.kind === 'reconcile') {
    return {
      seq,
      engineId: engine.id,
      engineName: engine.name,
      kind: 'reconnect',
      type: '',
      action: 'connected',
      id: '',
      name: '',
      timeNano: `${now}000000`,
    };
  }
  return {
    seq,
    engineId: engine.id,
    engineName: engine.name,
    kind: 'event',
    type: e.type,
    action: e.action,
    id: e.id,
    name: e.name ?? '',
    timeNano: e.timeNano,
  };
}

/** Newest first, at most `limit`: `incoming` is oldest first (arrival order). Pure. */
export function prepend(feed: FeedItem[], incoming: FeedItem[], limit = FEED_LIMIT): FeedItem[] {
  if (incoming.length === 0) return feed;
  const fresh = incoming.slice(-limit).reverse();
  return fresh.concat(feed.slice(0, Math.max(0, limit - fresh.length)));
}

export interface FeedFilter {
  type: string;
  action: string;
  name: string;
}

/** Type exactly; action and name (or id) as case-insensitive substrings. Pure. */
export function matches(item: FeedItem, f: FeedFilter): boolean {
  if (f.type && item.type !== f.type) return false;
  const action = f.action.trim().toLowerCase();
  if (action && !item.action.toLowerCase().includes(action)) return false;
  const name = f.name.trim().toLowerCase();
  if (name && !`${item.name} ${item.id}`.toLowerCase().includes(name)) return false;
  return true;
}

/** JSON lines for the export: one object per event, oldest first, as the engine named things. */
export function toJsonLines(items: FeedItem[]): string {
  return [...items]
    .reverse()
    .map((i) =>
      JSON.stringify({
        engine: i.engineName,
        engineId: i.engineId,
        kind: i.kind,
        type: i.type,
        action: i.action,
        id: i.id,
        name: i.name,
        time: new Date(Number(BigInt(i.timeNano) / 1_000_000n)).toISOString(),
        timeNano: i.timeNano,
      }),
    )
    .join('\n')
    .concat(items.length ? '\n' : '');
}

/** "12:03:04.123" from epoch nanoseconds, in local time. Pure given the time zone. */
export function clockTime(timeNano: string): string {
  const ms = Number(BigInt(timeNano || '0') / 1_000_000n);
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
