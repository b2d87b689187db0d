import {
  containerComesOrGoes,
  isEventOf,
  refreshesEverything,
  type EventKeys,
} from '../../events/event-keys';
import { volumeKeys } from './queries';

/**
 * The Volumes screen's keys an engine event makes stale. The root deliberately leaves out
 * sizes and folder listings (see volumeKeys): a listing's helper container mounts the volume,
 * and its mount event must not start another listing.
 */
export const volumeEventKeys: EventKeys = (engineId, event) =>
  refreshesEverything(event) ||
  containerComesOrGoes(event) ||
  startsOrEnds(event) ||
  isEventOf(event, 'volume')
    ? [volumeKeys.all(engineId)]
    : [];

/**
 * "Used by" shows each container's state. A start's volume `mount` event comes before the
 * container is running, so the start itself (and its end) refresh the list too.
 */
const startsOrEnds = (event: Parameters<EventKeys>[1]) =>
  isEventOf(event, 'container') &&
  event.kind === 'event' &&
  (event.action === 'start' || event.action === 'die');
