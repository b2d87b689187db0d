import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecEvent, PortholeError } from '../../contract';
import { fail, toPortholeError } from './errors';
import { pipeTerminal } from './exec';
import { FlowGate, sessions } from './flow';

/**
 * Attaches to a container's main process (one started with -it), like `docker attach`. Unlike
 * an exec session, closing must not end anything: we only drop the connection (detach), never
 * send an interrupt to the process the container lives for.
 */
export function attachContainer(
  docker: Docker,
  engineId: string,
  opts: { id: string; cols: number; rows: number },
  emit: (e: ExecEvent) => void,
  end: (error?: PortholeError) => void,
): () => void {
  let stopped = false;
  let socket: Duplex | undefined;
  const container = docker.getContainer(opts.id);
  const gate = new FlowGate(
    () => socket?.pause(),
    () => socket?.resume(),
  );
  const session = sessions.open({
    engineId,
    gate,
    write: (data) => {
      if (!socket) fail('CONFLICT', 'Not attached yet.');
      socket.write(data, 'utf8');
    },
    resize: async (cols, rows) => {
      await container.resize({ h: rows, w: cols });
    },
  });
  const stop = () => {
    stopped = true;
    session.close();
    socket?.destroy();
    socket = undefined;
  };

  void (async () => {
    try {
      const info = await container.inspect();
      const name = info.Name.replace(/^\//, '');
      if (!info.State.Running) fail('CONFLICT', `Container ${name} is not running.`);
      if (!info.Config.Tty || !info.Config.OpenStdin) {
        fail(
          'CONFLICT',
          `Container ${name} was not started with a terminal and open input (-it).`,
          'Open a shell instead: it runs a new process beside the main one.',
        );
      }
      const stream = (await container.attach({
        stream: true,
        stdin: true,
        stdout: true,
        stderr: true,
        hijack: true,
      })) as unknown as Duplex;
      if (stopped) return void stream.destroy();
      socket = stream;
      emit({ kind: 'session', sessionId: session.id, cmd: [...(info.Config.Cmd ?? [])] });
      container.resize({ h: opts.rows, w: opts.cols }).catch(() => undefined);
      pipeTerminal(stream, gate, emit, {
        stopped: () => stopped,
        ended: stop,
        exitCode: async () => {
          const after = await container.inspect();
          return after.State.Running ? null : after.State.ExitCode;
        },
        end,
      });
    } catch (err) {
      stop();
      end(toPortholeError(err));
    }
  })();
  return stop;
}
