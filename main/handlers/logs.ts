import type { logStreams } from '../../contract';
import { downloadLogs, followLogs } from '../engine/logs';
import type { StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

export function logStreamHandlers({
  docker,
  engines,
}: HandlerContext): StreamHandlersFor<typeof logStreams> {
  return {
    'logs.follow': (_ctx, i, sink) => ({
      close: followLogs(docker(i.engineId), engines.get(i.engineId), i, sink),
    }),
    'logs.download': (_ctx, i, sink) => void downloadLogs(docker(i.engineId), i, sink),
  };
}
