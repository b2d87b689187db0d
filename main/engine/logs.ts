import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { EngineStreamEvent, LogDownloadEvent, LogEvent, PortholeError } from '../../contract';
import type { EngineConnection } from './connection';
import { toPortholeError } from './errors';
import { sessions, FlowGate } from './flow';
import {
  FrameDemuxer,
  LineBatcher,
  LineSplitter,
  sinceFromTimestamp,
  splitTimestamp,
  timeKey,
  type StreamKind,
} from './log-lines';

export const LOG_HIGH_WATER = 1024 * 1024;
export const LOG_LOW_WATER = 256 * 1024;

interface LogQuery {
  follow: boolean;
  stdout: boolean;
  stderr: boolean;
  timestamps: boolean;
  tail?: number | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

/** Opens the engine's log stream as a stream whatever `follow` is (dockerode buffers otherwise). */
export function openLogStream(docker: Docker, id: string, q: LogQuery): Promise<Readable> {
  const options: Record<string, unknown> = {
    follow: q.follow,
    stdout: q.stdout,
    stderr: q.stderr,
    timestamps: q.timestamps,
    tail: q.tail === undefined ? 'all' : String(q.tail),
  };
  if (q.since) options.since = q.since;
  if (q.until) options.until = q.until;
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        isStream: true,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
        options,
      },
      (err: unknown, stream: unknown) => (err ? reject(err) : resolve(stream as Readable)),
    );
  });
}

/** Feeds raw log bytes to per-stream line splitters: demultiplexed unless the container has a TTY. */
export function lineReader(tty: boolean, onLine: (line: string, kind: StreamKind) => void) {
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  const lines: string[] = [];
  const feed = (kind: StreamKind, bytes: Buffer) => {
    splitters[kind].push(bytes, lines);
    for (const l of lines) onLine(l, kind);
    lines.length = 0;
  };
  const demux = tty ? undefined : new FrameDemuxer(feed);
  return {
    push: (chunk: Buffer) => (demux ? demux.push(chunk) : feed('stdout', chunk)),
    end: () => {
      for (const kind of ['stdout', 'stderr'] as const) {
        splitters[kind].flush(lines);
        for (const l of lines) onLine(l, kind);
        lines.length = 0;
      }
    },
  };
}

/**
 * Follows a container's log: the tail, then new lines in batches, under flow control. When the
 * container stops the engine ends the stream; we wait for its next start (engine events) and
 * re-attach from the last timestamp seen, so a `docker restart` is one continuous view.
 */
export function followLogs(
  docker: Docker,
  engine: EngineConnection,
  input: Omit<LogQuery, 'timestamps'> & { id: string },
  emit: (e: LogEvent) => void,
  end: (error?: PortholeError) => void,
): () => void {
  let stopped = false;
  let current: Readable | undefined;
  let containerId = '';
  let tty = false;
  let lastTs = '';
  let lastKey = '';
  const batcher = new LineBatcher((b) => {
    gate.sent(b.bytes);
    emit({ kind: 'lines', ...b });
  });
  // A wider window than a terminal's: log lines come in 2,000-line batches, and the renderer
  // acknowledges per React commit, so a few batches must be in flight to keep the pipe full.
  const gate = new FlowGate(
    () => current?.pause(),
    () => current?.resume(),
    LOG_HIGH_WATER,
    LOG_LOW_WATER,
  );
  const session = sessions.open({ engineId: engine.config.id, gate });

  const finish = (error?: PortholeError) => {
    if (stopped) return;
    stop();
    end(error);
  };

  const attach = async (since?: string) => {
    const stream = await openLogStream(docker, containerId, {
      ...input,
      timestamps: true,
      ...(since ? { since, tail: undefined } : {}),
    });
    if (stopped) return void stream.destroy();
    current = stream;
    emit({ kind: 'state', state: 'attached' });
    const reader = lineReader(tty, (line, kind) => {
      const [ts, text] = splitTimestamp(line);
      if (since && ts) {
        // `since` is inclusive: skip what the previous attachment already showed.
        const key = timeKey(ts);
        if (key <= lastKey) return;
      }
      if (ts) lastTs = ts;
      batcher.add(ts, text, kind);
    });
    stream.on('data', (chunk: Buffer) => reader.push(chunk));
    const onEnd = () => {
      if (current !== stream) return;
      current = undefined;
      reader.end();
      batcher.flush();
      if (lastTs) lastKey = timeKey(lastTs);
      if (stopped) return;
      if (!input.follow || input.until) return finish();
      void afterStop();
    };
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onEnd);
    if (gate.isPaused) stream.pause();
  };

  // The stream ended because the container stopped: it may already be running again.
  const afterStop = async () => {
    try {
      const info = await docker.getContainer(containerId).inspect();
      if (stopped || current) return;
      if (info.State.Running)
        return void (await attach(lastTs ? sinceFromTimestamp(lastTs) : undefined));
      emit({ kind: 'state', state: 'stopped' });
    } catch (err) {
      const e = toPortholeError(err);
      if (e.code === 'NOT_FOUND') {
        emit({ kind: 'state', state: 'removed' });
        finish();
      }
    }
  };

  const onEngineEvent = (e: EngineStreamEvent) => {
    if (stopped || e.kind !== 'event' || e.type !== 'container' || e.id !== containerId) return;
    if (e.action === 'destroy') {
      batcher.flush();
      emit({ kind: 'state', state: 'removed' });
      finish();
    } else if (e.action === 'start' && !current) {
      attach(lastTs ? sinceFromTimestamp(lastTs) : undefined).catch((err) =>
        finish(toPortholeError(err)),
      );
    }
  };

  const stop = () => {
    stopped = true;
    batcher.dispose();
    session.close();
    engine.off('event', onEngineEvent);
    current?.destroy();
    current = undefined;
  };

  void (async () => {
    try {
      const info = await docker.getContainer(input.id).inspect();
      if (stopped) return;
      containerId = info.Id;
      tty = !!info.Config.Tty;
      if (input.follow) engine.on('event', onEngineEvent);
      emit({
        kind: 'session',
        sessionId: session.id,
        name: info.Name.replace(/^\//, ''),
        containerId,
        tty,
      });
      await attach(input.since);
      if (input.follow && !info.State.Running && !stopped) {
        // Not running: the engine sends what there is and ends; we then wait for a start.
      }
    } catch (err) {
      finish(toPortholeError(err));
    }
  })();

  return stop;
}

/**
 * The whole log as text for a file, streamed from the engine (not the view's buffer) in chunks
 * under the same flow control, so a huge log never sits in main's memory at once.
 */
export function downloadLogs(
  docker: Docker,
  engineId: string,
  input: { id: string; stdout: boolean; stderr: boolean; timestamps: boolean },
  emit: (e: LogDownloadEvent) => void,
  end: (error?: PortholeError) => void,
): () => void {
  let stopped = false;
  let stream: Readable | undefined;
  const gate = new FlowGate(
    () => stream?.pause(),
    () => stream?.resume(),
    LOG_HIGH_WATER,
    LOG_LOW_WATER,
  );
  const session = sessions.open({ engineId, gate });
  const stop = () => {
    stopped = true;
    session.close();
    stream?.destroy();
  };
  void (async () => {
    try {
      const info = await docker.getContainer(input.id).inspect();
      const s = await openLogStream(docker, info.Id, { ...input, follow: false });
      if (stopped) return void s.destroy();
      stream = s;
      emit({ kind: 'session', sessionId: session.id });
      let chunk: string[] = [];
      let size = 0;
      const send = () => {
        if (!chunk.length) return;
        const data = chunk.join('');
        chunk = [];
        size = 0;
        gate.sent(data.length);
        emit({ kind: 'chunk', data, bytes: data.length });
      };
      const reader = lineReader(!!info.Config.Tty, (line) => {
        chunk.push(line, '\n');
        size += line.length + 1;
        if (size >= 256 * 1024) send();
      });
      s.on('data', (c: Buffer) => reader.push(c));
      s.on('end', () => {
        reader.end();
        send();
        stop();
        end();
      });
      s.on('error', (err) => {
        stop();
        end(toPortholeError(err));
      });
    } catch (err) {
      stop();
      end(toPortholeError(err));
    }
  })();
  return stop;
}
