import type { execStreams } from '../../contract';
import { attachContainer } from '../engine/attach';
import { runExec } from '../engine/exec';
import type { StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** Terminals are streams only: keystrokes and sizes travel on the stream as control messages. */
export function execStreamHandlers({
  docker,
}: HandlerContext): StreamHandlersFor<typeof execStreams> {
  return {
    'exec.session': (_ctx, i, sink) => runExec(docker(i.engineId), i, sink),
    'exec.attach': (_ctx, i, sink) => attachContainer(docker(i.engineId), i, sink),
  };
}
