import { refreshesEverything, type EventKeys } from '../../events/event-keys';
import { swarmKeys } from './queries';

/**
 * The Swarm screen's keys an engine event makes stale. Services, nodes, secrets and configs have
 * events of their own; tasks have none, but a task runs as a container here, so a container
 * starting or ending refreshes services (running counts) and tasks.
 */
export const swarmEventKeys: EventKeys = (engineId, event) => {
  if (refreshesEverything(event)) return [swarmKeys.all(engineId)];
  if (event.kind !== 'event') return [];
  switch (event.type) {
    case 'service':
      // Secrets' and configs' "used by" change with a service's spec.
      return [
        swarmKeys.services(engineId),
        swarmKeys.allTasks(engineId),
        swarmKeys.state(engineId),
        swarmKeys.secrets(engineId),
        swarmKeys.configs(engineId),
      ];
    case 'node':
      // A node's availability moves tasks; a global service's desired count follows the nodes.
      return [
        swarmKeys.nodes(engineId),
        swarmKeys.services(engineId),
        swarmKeys.allTasks(engineId),
        swarmKeys.state(engineId),
      ];
    case 'secret':
      return [swarmKeys.secrets(engineId)];
    case 'config':
      return [swarmKeys.configs(engineId)];
    case 'container':
      return ['start', 'die', 'destroy'].includes(event.action)
        ? [swarmKeys.services(engineId), swarmKeys.allTasks(engineId), swarmKeys.state(engineId)]
        : [];
    default:
      return [];
  }
};
