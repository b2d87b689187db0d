import type { CallHandlers, StreamHandlers } from './router';
import {
  listContainers,
  removeContainer,
  restartContainer,
  startContainer,
  stopContainer,
} from './engine/containers';
import type { EngineManager } from './engine/manager';

/** Binds the contract's calls and streams to the engine modules. One line per call. */
export function createHandlers(engines: EngineManager): {
  calls: CallHandlers;
  streams: StreamHandlers;
} {
  const docker = (engineId: string) => engines.get(engineId).docker;
  return {
    calls: {
      'engines.list': async () => engines.list(),
      'containers.list': (i) => listContainers(docker(i.engineId)),
      'containers.start': (i) => startContainer(docker(i.engineId), i.id),
      'containers.stop': (i) => stopContainer(docker(i.engineId), i.id),
      'containers.restart': (i) => restartContainer(docker(i.engineId), i.id),
      'containers.remove': (i) => removeContainer(docker(i.engineId), i.id, i),
    },
    streams: {
      'engines.status': (_input, emit) => {
        const offs = engines.all().map((engine) => {
          emit(engine.status);
          const listener = (s: typeof engine.status) => emit(s);
          engine.on('status', listener);
          return () => engine.off('status', listener);
        });
        return () => offs.forEach((off) => off());
      },
      'engine.events': (input, emit) => {
        const engine = engines.get(input.engineId);
        const listener = (e: Parameters<typeof emit>[0]) => emit(e);
        engine.on('event', listener);
        return () => engine.off('event', listener);
      },
    },
  };
}
