import { refreshesEverything, type EventKeys } from '../../events/event-keys';
import { containerKeys } from './queries';

// Container actions that change what a list or detail shows. exec_*, attach, resize, top and
// archive reads change nothing visible, and on a busy engine they are most of the traffic.
export const VISIBLE = new Set([
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

/** The Containers screen's keys an engine event makes stale. */
export const containerEventKeys: EventKeys = (engineId, event) => {
  if (refreshesEverything(event)) return [containerKeys.all(engineId)];
  if (event.kind !== 'event') return [];
  if (event.type === 'container' && VISIBLE.has(event.action)) {
    // The detail key covers the container's process list too. The list is not here: its rows
    // are patched one by one by listPatch.ts (a whole list per event cost ~1 MB at 1,000).
    return [containerKeys.detail(engineId, event.id)];
  }
  return [];
};
