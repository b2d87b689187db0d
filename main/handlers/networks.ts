import type { networkCalls } from '../../contract';
import {
  connectNetwork,
  createNetwork,
  disconnectNetwork,
  inspectNetwork,
  listNetworks,
  networkDrivers,
  networkPrunePreview,
  pruneNetworks,
  removeNetwork,
} from '../engine/networks';
import type { HandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the engine module's function. */
export function networkHandlers({ docker }: HandlerContext): HandlersFor<typeof networkCalls> {
  return {
    'networks.list': (i) => listNetworks(docker(i.engineId)),
    'networks.inspect': (i) => inspectNetwork(docker(i.engineId), i.id),
    'networks.drivers': (i) => networkDrivers(docker(i.engineId)),
    'networks.create': (i) => createNetwork(docker(i.engineId), i),
    'networks.remove': (i) => removeNetwork(docker(i.engineId), i.id),
    'networks.connect': (i) => connectNetwork(docker(i.engineId), i),
    'networks.disconnect': (i) => disconnectNetwork(docker(i.engineId), i),
    'networks.prunePreview': (i) => networkPrunePreview(docker(i.engineId)),
    'networks.prune': (i) => pruneNetworks(docker(i.engineId)),
  };
}
