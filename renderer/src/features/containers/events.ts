import { VISIBLE_CONTAINER_ACTIONS } from '../../../../contract';
import { refreshesEverything, type EventKeys } from '../../events/event-keys';
import { containerKeys } from './queries';

/** The Containers screen's keys an engine event makes stale. */
export const containerEventKeys: EventKeys = (engineId, event) => {
  if (refreshesEverything(event)) return [containerKeys.all(engineId)];
  if (event.kind !== 'event') return [];
  if (event.type === 'container' && VISIBLE_CONTAINER_ACTIONS.has(event.action)) {
    // The detail key covers the container's process list too. The list is not here: its rows
    // are patched one by one by listPatch.ts (a whole list per event cost ~1 MB at 1,000).
    return [containerKeys.detail(engineId, event.id)];
  }
  return [];
};
