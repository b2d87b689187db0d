import type { EngineStatus, EngineStreamEvent, engineCalls, engineStreams } from '../../contract';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

export function engineHandlers({ engines }: HandlerContext): HandlersFor<typeof engineCalls> {
  return {
    'engines.list': async () => engines.list(),
  };
}

export function engineStreamHandlers({
  engines,
}: HandlerContext): StreamHandlersFor<typeof engineStreams> {
  return {
    'engines.status': (_input, emit) => {
      const offs = engines.all().map((engine) => {
        emit(engine.status);
        const listener = (s: EngineStatus) => emit(s);
        engine.on('status', listener);
        return () => engine.off('status', listener);
      });
      return () => offs.forEach((off) => off());
    },
    'engine.events': (input, emit) => {
      const engine = engines.get(input.engineId);
      const listener = (e: EngineStreamEvent) => emit(e);
      engine.on('event', listener);
      return () => engine.off('event', listener);
    },
  };
}
