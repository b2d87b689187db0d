import type { containerCalls, containerStreams } from '../../contract';
import {
  listContainers,
  removeContainer,
  restartContainer,
  startContainer,
  stopContainer,
} from '../engine/containers';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the engine module's function. */
export function containerHandlers({ docker }: HandlerContext): HandlersFor<typeof containerCalls> {
  return {
    'containers.list': (i) => listContainers(docker(i.engineId)),
    'containers.start': (i) => startContainer(docker(i.engineId), i.id),
    'containers.stop': (i) => stopContainer(docker(i.engineId), i.id),
    'containers.restart': (i) => restartContainer(docker(i.engineId), i.id),
    'containers.remove': (i) => removeContainer(docker(i.engineId), i.id, i),
  };
}

export function containerStreamHandlers(
  _ctx: HandlerContext,
): StreamHandlersFor<typeof containerStreams> {
  return {};
}
