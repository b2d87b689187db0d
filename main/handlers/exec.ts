import type { execCalls, execStreams } from '../../contract';
import { attachContainer } from '../engine/attach';
import { ackSession, resizeExec, runExec, writeExec } from '../engine/exec';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

export function execHandlers(_ctx: HandlerContext): HandlersFor<typeof execCalls> {
  return {
    'exec.input': async (i) => writeExec(i.engineId, i.sessionId, i.data),
    'exec.resize': (i) => resizeExec(i.engineId, i.sessionId, i.cols, i.rows),
    'exec.ack': async (i) => ackSession(i.engineId, i.sessionId, i.bytes),
  };
}

export function execStreamHandlers({
  docker,
}: HandlerContext): StreamHandlersFor<typeof execStreams> {
  return {
    'exec.session': (i, emit, end) => runExec(docker(i.engineId), i.engineId, i, emit, end),
    'exec.attach': (i, emit, end) => attachContainer(docker(i.engineId), i.engineId, i, emit, end),
  };
}
