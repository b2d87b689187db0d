import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecControl, ExecEvent } from '../../contract';
import type { StreamControls } from '../router';
import type { Sink } from '../streams/sink';
import { fail, toPortholeError } from './errors';
import { TerminalPipe } from './terminal';

/**
 * Attaches to a container's main process (one started with -it), like `docker attach`. Unlike
 * an exec session, closing must not end anything: we only drop the connection (detach), never
 * send an interrupt to the process the container lives for.
 */
export function attachContainer(
  docker: Docker,
  opts: { id: string; cols: number; rows: number },
  sink: Sink<ExecEvent>,
): StreamControls<ExecControl> {
  const pipe = new TerminalPipe(sink, opts, 'detach');
  const container = docker.getContainer(opts.id);
  const signal = sink.signal;

  void (async () => {
    try {
      const info = await container.inspect({ abortSignal: signal });
      const name = info.Name.replace(/^\//, '');
      if (!info.State.Running) fail('CONFLICT', `Container ${name} is not running.`);
      if (!info.Config.Tty || !info.Config.OpenStdin) {
        fail(
          'CONFLICT',
          `Container ${name} was not started with a terminal and open input (-it).`,
          'Open a shell instead: it runs a new process beside the main one.',
        );
      }
      const socket = (await container.attach({
        stream: true,
        stdin: true,
        stdout: true,
        stderr: true,
        hijack: true,
      })) as unknown as Duplex;
      pipe.connect(socket, [...(info.Config.Cmd ?? [])], {
        resize: (cols, rows) => container.resize({ h: rows, w: cols }),
        exitCode: async () => {
          const after = await container.inspect({ abortSignal: signal });
          return after.State.Running ? null : after.State.ExitCode;
        },
      });
    } catch (err) {
      sink.end(toPortholeError(err));
    }
  })();

  return { control: (msg) => pipe.control(msg), close: () => pipe.close() };
}
