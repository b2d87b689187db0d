import type {
  EngineStatus,
  EngineStreamEvent,
  engineCalls,
  engineStreams,
  systemCalls,
} from '../../contract';
import { prune, prunePreviewFrom, diskUsageFrom, readDf, systemInfo } from '../engine/system';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

export function engineHandlers({ engines }: HandlerContext): HandlersFor<typeof engineCalls> {
  return {
    'engines.list': async () => engines.list(),
    'engines.add': (input) => engines.add(input),
    'engines.update': (input) => engines.update(input),
    'engines.remove': async ({ engineId }) => {
      await engines.remove(engineId);
      return {};
    },
    'engines.setDefault': async ({ engineId }) => {
      await engines.setDefault(engineId);
      return {};
    },
    'engines.test': (input) => engines.test(input),
    'engines.trustHostKey': async ({ host, port, fingerprint }) => {
      await engines.trustHostKey(host, port, fingerprint);
      return {};
    },
  };
}

export function systemHandlers({
  engines,
  docker,
}: HandlerContext): HandlersFor<typeof systemCalls> {
  return {
    'system.info': ({ engineId }, ctx) => systemInfo(docker(engineId), ctx.signal),
    'system.df': async ({ engineId }, ctx) =>
      diskUsageFrom(await readDf(docker(engineId), ctx.signal)),
    'system.prunePreview': async ({ engineId }, ctx) =>
      prunePreviewFrom(await readDf(docker(engineId), ctx.signal)),
    'system.prune': ({ engineId, kinds }) => {
      const facts = engines.get(engineId).status.facts;
      return prune(docker(engineId), kinds, facts?.apiVersion ?? '');
    },
  };
}

export function engineStreamHandlers({
  engines,
}: HandlerContext): StreamHandlersFor<typeof engineStreams> {
  return {
    'engines.status': (_ctx, _input, sink) => {
      for (const engine of engines.all()) sink.next(engine.status);
      // The manager's stream covers engines added after this subscription started.
      const listener = (s: EngineStatus) => sink.next(s);
      engines.on('status', listener);
      return { close: () => engines.off('status', listener) };
    },
    'engine.events': (_ctx, input, sink) => {
      const engine = engines.get(input.engineId);
      // Events dropped while the socket was congested: the views reconcile instead.
      let missed = false;
      const listener = (e: EngineStreamEvent) => {
        if (missed && sink.next({ kind: 'reconcile' })) missed = false;
        if (!missed && !sink.next(e)) missed = true;
      };
      engine.on('event', listener);
      return { close: () => engine.off('event', listener) };
    },
  };
}
