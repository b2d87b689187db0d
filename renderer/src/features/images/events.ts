import { containerComesOrGoes, refreshesEverything, type EventKeys } from '../../events/event-keys';
import { imageKeys } from './queries';

// Image actions that change the list; inspect and the like change nothing.
const VISIBLE = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune']);

/** The Images screen's keys an engine event makes stale: always the whole root. */
export const imageEventKeys: EventKeys = (engineId, event) => {
  const stale =
    refreshesEverything(event) ||
    containerComesOrGoes(event) ||
    (event.kind === 'event' && event.type === 'image' && VISIBLE.has(event.action));
  return stale ? [imageKeys.all(engineId)] : [];
};
