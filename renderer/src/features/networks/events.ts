import {
  containerComesOrGoes,
  isEventOf,
  refreshesEverything,
  type EventKeys,
} from '../../events/event-keys';
import { networkKeys } from './queries';

/** The Networks screen's keys an engine event makes stale: always the whole root. */
export const networkEventKeys: EventKeys = (engineId, event) =>
  refreshesEverything(event) || containerComesOrGoes(event) || isEventOf(event, 'network')
    ? [networkKeys.all(engineId)]
    : [];
