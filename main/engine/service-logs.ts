import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { LogEvent } from '../../contract';
import type { Sink } from '../streams/sink';
import { toPortholeError } from './errors';
import { LineBatcher, lineReader, linesEvent } from './log-lines';
import { rawTasks } from './service-tasks';

/** "com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=… " */
const DETAILS = /^(\S*com\.docker\.swarm\.task\.id=([a-z0-9]+)\S*) /;

/** A service's name, its tasks' slots (node for global ones), and its log as the engine sends it. */
export async function openServiceLogs(
  docker: Docker,
  id: string,
  options: {
    follow: boolean;
    stdout: boolean;
    stderr: boolean;
    tail?: number | undefined;
    since?: string | undefined;
  },
  signal: AbortSignal,
  opened: (id: string, name: string) => boolean = () => true,
): Promise<{ name: string; prefix: (task: string) => string; stream?: Readable }> {
  const service = docker.getService(id);
  const info = (await service.inspect()) as { ID: string; Spec: { Name: string } };
  const tasks = await rawTasks(docker, { service: [info.ID] });
  const slotOf = new Map(tasks.map((t) => [t.ID, t.Slot ? String(t.Slot) : (t.NodeID ?? '')]));
  const name = info.Spec.Name;
  const prefix = (task: string) => `${name}.${slotOf.get(task) ?? task.slice(0, 12)} | `;
  if (!opened(info.ID, name)) return { name, prefix };
  const stream = (await new Promise((resolve, reject) =>
    docker.modem.dial(
      {
        path: `/services/${encodeURIComponent(info.ID)}/logs?`,
        method: 'GET',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such service', 500: 'server error', 503: 'not a swarm' },
        options: {
          follow: options.follow,
          stdout: options.stdout,
          stderr: options.stderr,
          timestamps: true,
          details: true,
          tail: options.tail === undefined ? 'all' : String(options.tail),
          ...(options.since ? { since: options.since } : {}),
        },
      },
      (err: unknown, s: unknown) => (err ? reject(err) : resolve(s as Readable)),
    ),
  )) as Readable;
  return { name, prefix, stream };
}

/** "DETAILS text" → [the task's id, the text], or undefined when the line has no task. */
export function splitDetails(text: string): [string, string] | undefined {
  const m = DETAILS.exec(text);
  return m ? [m[2]!, text.slice(m[1]!.length + 1)] : undefined;
}

/**
 * A service's log (GET /services/ID/logs): the engine merges every task's lines; each line is
 * prefixed with its task as the CLI does ("web.2 | …"), from the details the engine adds.
 */
export function followServiceLogs(
  docker: Docker,
  i: {
    id: string;
    follow: boolean;
    tail?: number | undefined;
    since?: string | undefined;
    until?: string | undefined;
    stdout: boolean;
    stderr: boolean;
  },
  sink: Sink<LogEvent>,
): { close(): void } {
  const untilMs = i.until === undefined ? undefined : logTimeMs(i.until);
  let stream: Readable | undefined;
  const batcher = new LineBatcher((b) => sink.next(linesEvent(b), b.bytes));
  sink.onPause(
    () => stream?.pause(),
    () => stream?.resume(),
  );
  void (async () => {
    try {
      // Up to a time in the past: what is there, not following.
      const asked = untilMs === undefined ? i : { ...i, follow: false };
      const opened = await openServiceLogs(docker, i.id, asked, sink.signal, (id, name) => {
        if (sink.closed) return false;
        sink.next({ kind: 'session', name, containerId: id, tty: false });
        return true;
      });
      const { prefix } = opened;
      if (!opened.stream) return;
      stream = opened.stream;
      if (sink.closed) return void stream.destroy();
      sink.next({ kind: 'state', state: 'attached' });
      const reader = lineReader(false, (ts, text, kind, bytes, cut) => {
        if (untilMs !== undefined && ts && logTimeMs(ts) >= untilMs) return;
        const parts = splitDetails(text);
        const shown = parts ? prefix(parts[0]) + parts[1] : text;
        batcher.add(ts, shown, kind, bytes, cut);
      });
      stream.on('data', (chunk: Buffer) => reader.push(chunk));
      const done = () => {
        reader.end();
        batcher.flush();
        sink.end();
      };
      stream.on('end', done);
      stream.on('error', done);
      if (sink.paused) stream.pause();
    } catch (err) {
      sink.end(toPortholeError(err));
    }
  })();
  return {
    close: () => {
      batcher.dispose();
      stream?.destroy();
    },
  };
}

/** A log time (Unix seconds, or RFC 3339 with up to nanoseconds) in ms since the epoch. */
export function logTimeMs(t: string): number {
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  return Date.parse(t.replace(/(\.\d{3})\d+/, '$1'));
}
