import type { logCalls, logStreams } from '../../contract';
import { ackSession } from '../engine/exec';
import { downloadLogs, followLogs } from '../engine/logs';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

export function logHandlers(_ctx: HandlerContext): HandlersFor<typeof logCalls> {
  return {
    'logs.ack': async (i) => ackSession(i.engineId, i.sessionId, i.bytes),
  };
}

export function logStreamHandlers({
  docker,
  engines,
}: HandlerContext): StreamHandlersFor<typeof logStreams> {
  return {
    'logs.follow': (i, emit, end) =>
      followLogs(docker(i.engineId), engines.get(i.engineId), i, emit, end),
    'logs.download': (i, emit, end) => downloadLogs(docker(i.engineId), i.engineId, i, emit, end),
  };
}
