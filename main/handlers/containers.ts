import type { containerCalls, containerStreams } from '../../contract';
import { inspectContainer } from '../engine/container-inspect';
import { checkRun, recreateContainer, runContainer } from '../engine/container-run';
import { followProcesses } from '../engine/container-processes';
import { streamStats } from '../engine/container-stats';
import {
  killContainer,
  listContainers,
  pauseContainer,
  removeContainer,
  renameContainer,
  restartContainer,
  startContainer,
  stopContainer,
  unpauseContainer,
} from '../engine/containers';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the engine module's function. */
export function containerHandlers({
  docker,
  engines,
}: HandlerContext): HandlersFor<typeof containerCalls> {
  // Trying to bind a host port only tells us something when the engine runs on this machine.
  const isLocal = (engineId: string) =>
    ['unix', 'npipe'].includes(engines.get(engineId).config.endpoint.kind);
  return {
    'containers.list': (i) =>
      listContainers(docker(i.engineId), {
        podman: engines.get(i.engineId).status.facts?.kind === 'podman',
        ids: i.ids,
      }),
    'containers.start': (i) => startContainer(docker(i.engineId), i.id),
    'containers.stop': (i) => stopContainer(docker(i.engineId), i.id),
    'containers.restart': (i) => restartContainer(docker(i.engineId), i.id),
    'containers.pause': (i) => pauseContainer(docker(i.engineId), i.id),
    'containers.unpause': (i) => unpauseContainer(docker(i.engineId), i.id),
    'containers.kill': (i) => killContainer(docker(i.engineId), i.id),
    'containers.rename': (i) => renameContainer(docker(i.engineId), i.id, i.name),
    'containers.remove': (i) => removeContainer(docker(i.engineId), i.id, i),
    'containers.inspect': (i) => inspectContainer(docker(i.engineId), i.id),
    'containers.checkRun': (i) =>
      checkRun(docker(i.engineId), i.spec, { replacing: i.replacing, local: isLocal(i.engineId) }),
    'containers.run': (i) => runContainer(docker(i.engineId), i.spec, i.start ?? true),
    'containers.recreate': (i) => recreateContainer(docker(i.engineId), i.id, i.spec),
  };
}

export function containerStreamHandlers({
  docker,
}: HandlerContext): StreamHandlersFor<typeof containerStreams> {
  return {
    'containers.stats': (_ctx, i, sink) => ({
      close: streamStats(docker(i.engineId), i.ids, (batch) => sink.next(batch)),
    }),
    'containers.processes': (_ctx, i, sink) => followProcesses(docker(i.engineId), i.id, sink),
  };
}
