import type Docker from 'dockerode';
import type { ContainerTop } from '../../contract';
import type { StreamControls } from '../router';
import type { Sink } from '../streams/sink';
import { topContainer } from './container-inspect';
import { toPortholeError } from './errors';

/**
 * `docker top` kept live: processes change too fast for engine events, so the engine is asked
 * again every `ms` while the view is open — and never after it closed (the sink's signal aborts
 * the request in flight; close() clears the timer).
 */
export function followProcesses(
  docker: Docker,
  id: string,
  sink: Sink<ContainerTop>,
): StreamControls<{ kind: 'interval'; ms: number }> {
  let every = 1000;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      sink.next(await topContainer(docker, id, sink.signal));
      if (!sink.closed) timer = setTimeout(tick, every);
    } catch (err) {
      sink.end(toPortholeError(err));
    }
  };
  void tick();
  return {
    control: (msg) => {
      every = msg.ms;
      clearTimeout(timer);
      timer = setTimeout(tick, every);
    },
    close: () => clearTimeout(timer),
  };
}
