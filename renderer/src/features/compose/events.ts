import { VISIBLE_CONTAINER_ACTIONS } from '../../../../contract';
import { refreshesEverything, type EventKeys } from '../../events/event-keys';
import { composeKeys } from './queries';

// What changes a project's rows: its containers coming, going and changing state (the actions
// that change a container list's rows), and its networks and volumes coming and going (a failed
// `up` leaves only a network).
const OTHER = new Set(['create', 'destroy']);

/** The Compose screen's keys an engine event makes stale. */
export const composeEventKeys: EventKeys = (engineId, event) => {
  if (refreshesEverything(event)) return [composeKeys.all(engineId)];
  if (event.kind !== 'event') return [];
  if (event.type === 'container' && VISIBLE_CONTAINER_ACTIONS.has(event.action))
    return [composeKeys.projects(engineId)];
  if ((event.type === 'network' || event.type === 'volume') && OTHER.has(event.action))
    return [composeKeys.projects(engineId)];
  return [];
};
