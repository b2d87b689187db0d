import { pipeline, Transform, type Readable } from 'node:stream';
import type Docker from 'dockerode';
import type {
  EngineStatus,
  EngineStreamEvent,
  LogDownloadEvent,
  LogEvent,
  PortholeError,
} from '../../contract';
import { pipeBytes } from '../streams/bytes';
import { FrameDemuxer } from '../streams/demux';
import type { Sink } from '../streams/sink';
import type { EngineConnection } from './connection';
import { engineClock } from './engine-clock';
import { rawGet } from './raw-get';
import { toPortholeError } from './errors';
import { LineBatcher, lineReader, linesEvent, sinceFromTimestamp, timeKey } from './log-lines';

interface LogQuery {
  follow: boolean;
  stdout: boolean;
  stderr: boolean;
  timestamps: boolean;
  tail?: number | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

/**
 * Opens the engine's log stream as a stream whatever `follow` is (dockerode buffers otherwise).
 * On a local socket it is read as HTTP/1.0 (raw-get.ts): the body whole, not a chunk per line.
 */
export async function openLogStream(
  docker: Docker,
  id: string,
  q: LogQuery,
  signal: AbortSignal,
): Promise<Readable> {
  const options: Record<string, unknown> = {
    follow: q.follow,
    stdout: q.stdout,
    stderr: q.stderr,
    timestamps: q.timestamps,
    tail: q.tail === undefined ? 'all' : String(q.tail),
  };
  if (q.since) options.since = q.since;
  if (q.until) options.until = q.until;
  const modem = docker.modem as { socketPath?: unknown; version?: unknown };
  if (typeof modem.socketPath === 'string') {
    const query = new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)]));
    const version = typeof modem.version === 'string' ? `/${modem.version}` : '';
    const path = `${version}/containers/${encodeURIComponent(id)}/logs?${query}`;
    const raw = await rawGet(modem.socketPath, path, signal);
    if (raw) return raw;
  }
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
        options,
      },
      (err: unknown, stream: unknown) => (err ? reject(err) : resolve(stream as Readable)),
    );
  });
}

/** Unstamped lines: up to the user's `until`, or to `cut` (RFC 3339, the engine's clock). */
interface UpTo {
  cut?: string;
}

/**
 * Follows a container's log into the sink: the tail, then new lines in batches, each costing
 * its bytes in credit — while the renderer is behind, the engine's stream is paused. When the
 * container stops the engine ends the stream; we wait for its next start (engine events) and
 * re-attach from the last timestamp seen, so a `docker restart` is one continuous view. Returns
 * the close: it destroys the engine stream and drops the engine-event listener.
 */
export function followLogs(
  docker: Docker,
  engine: EngineConnection,
  input: Omit<LogQuery, 'timestamps'> & { id: string; timestamps?: boolean | undefined },
  sink: Sink<LogEvent>,
): () => void {
  let stopped = false;
  let current: Readable | undefined;
  let containerId = '';
  let tty = false;
  let lastTs = '';
  let lastKey = '';
  // A view that hides times gets none: the live part is stamped for main's sake alone.
  const stamps = input.timestamps !== false;
  const batcher = new LineBatcher((b) => sink.next(linesEvent(b, stamps), b.bytes));
  sink.onPause(
    () => current?.pause(),
    () => current?.resume(),
  );

  const finish = (error?: PortholeError) => {
    if (stopped) return;
    batcher.flush();
    stop();
    sink.end(error);
  };

  // One attachment at a time: a start event and a reconnect's reconcile can both ask for one,
  // and two would show the same lines twice.
  let attaching = false;
  /** `upTo`: the lines written until then, unstamped, not followed (see the start below). */
  const attach = async (since?: string, upTo?: UpTo) => {
    if (attaching || current) return;
    attaching = true;
    const stamped = !upTo;
    let stream: Readable;
    try {
      const query = upTo
        ? {
            ...input,
            follow: false,
            until: upTo.cut ? sinceFromTimestamp(upTo.cut) : input.until,
            timestamps: false,
          }
        : { ...input, timestamps: true };
      stream = await openLogStream(
        docker,
        containerId,
        { ...query, ...(since ? { since, tail: undefined } : {}) },
        sink.signal,
      );
    } finally {
      attaching = false;
    }
    if (stopped) return void stream.destroy();
    current = stream;
    sink.next({ kind: 'state', state: 'attached' });
    const reader = lineReader(
      tty,
      (ts, text, kind, bytes, cut) => {
        // `since` is inclusive: skip what the previous attachment already showed.
        if (since && ts && timeKey(ts) <= lastKey) return;
        if (ts) lastTs = ts;
        batcher.add(ts, text, kind, bytes, cut);
      },
      stamped,
      // Unstamped lines (the history up to the cut) go on as the engine's bytes.
      (bytes, kind) => batcher.addRaw(bytes, kind),
    );
    stream.on('data', (chunk: Buffer) => reader.push(chunk));
    const onEnd = () => {
      if (current !== stream) return;
      current = undefined;
      reader.end();
      batcher.flush();
      // Unstamped lines end at the cut asked for: following goes on from there.
      if (upTo?.cut && !lastTs) lastTs = upTo.cut;
      if (lastTs) lastKey = timeKey(lastTs);
      if (stopped) return;
      if (!input.follow || input.until) return finish();
      void afterStop();
    };
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onEnd);
    if (sink.paused) stream.pause();
  };

  // The stream ended because the container stopped: it may already be running again.
  const afterStop = async () => {
    try {
      const info = await docker.getContainer(containerId).inspect({ abortSignal: sink.signal });
      if (stopped || current) return;
      if (info.State.Running)
        return void (await attach(lastTs ? sinceFromTimestamp(lastTs) : undefined));
      sink.next({ kind: 'state', state: 'stopped' });
    } catch (err) {
      const e = toPortholeError(err);
      if (e.code === 'NOT_FOUND') {
        sink.next({ kind: 'state', state: 'removed' });
        finish();
      } else if (e.code === 'ENGINE_UNREACHABLE') {
        // Said, not left hanging: the engine's reconnect (a reconcile event) picks it up again.
        sink.next({ kind: 'state', state: 'unreachable' });
      }
    }
  };

  const onEngineEvent = (e: EngineStreamEvent) => {
    // Back after the engine was lost: the container may be running again (restart policy).
    if (!stopped && !current && e.kind === 'reconcile') return void afterStop();
    if (stopped || e.kind !== 'event' || e.type !== 'container' || e.id !== containerId) return;
    if (e.action === 'destroy') {
      batcher.flush();
      sink.next({ kind: 'state', state: 'removed' });
      finish();
    } else if (e.action === 'start' && !current) {
      attach(lastTs ? sinceFromTimestamp(lastTs) : undefined).catch((err) =>
        finish(toPortholeError(err)),
      );
    }
  };

  // The engine itself went away (the stream may have ended a moment before, "stopped").
  const onEngineStatus = (s: EngineStatus) => {
    if (!stopped && !current && s.state === 'disconnected') {
      sink.next({ kind: 'state', state: 'unreachable' });
    }
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    batcher.dispose();
    engine.off('event', onEngineEvent);
    engine.off('status', onEngineStatus);
    current?.destroy();
    current = undefined;
  };

  /**
   * Stamps cost the engine and every hop after it (a seq line of 7 bytes comes as 38), and a
   * view that hides them needs them only to follow on: so the lines already written come
   * unstamped up to the engine's clock now, and following starts at that second, stamped.
   */
  const unstampedUpTo = async (): Promise<UpTo | undefined> => {
    if (input.timestamps !== false) return undefined;
    if (!input.follow || input.until) return {};
    const now = await engineClock(docker, sink.signal);
    return now ? { cut: now } : undefined;
  };

  void (async () => {
    // Asked beside the inspect, not after it: the view waits for both before its first line.
    const upTo = unstampedUpTo();
    upTo.catch(() => undefined); // awaited below, unless the inspect fails first
    try {
      const info = await docker.getContainer(input.id).inspect({ abortSignal: sink.signal });
      if (stopped) return;
      containerId = info.Id;
      tty = !!info.Config.Tty;
      if (input.follow) {
        engine.on('event', onEngineEvent);
        engine.on('status', onEngineStatus);
      }
      sink.next({ kind: 'session', name: info.Name.replace(/^\//, ''), containerId, tty });
      // Not running: the engine sends what there is and ends; we then wait for a start.
      await attach(input.since, await upTo);
    } catch (err) {
      finish(toPortholeError(err));
    }
  })();

  return stop;
}

/** What a download sends per chunk at least (unless the log ends first). */
const DOWNLOAD_CHUNK = 64 * 1024;

/**
 * The engine's log bytes, demultiplexed unless TTY, in pieces of at least DOWNLOAD_CHUNK: the
 * engine writes (and Node reads) one HTTP chunk per log line, and a message per line would cost
 * far more than the line.
 */
function downloadBytes(tty: boolean): Transform {
  let parts: Buffer[] = [];
  let size = 0;
  const demux = tty
    ? undefined
    : new FrameDemuxer((_kind, piece) => {
        parts.push(piece);
        size += piece.length;
      });
  const take = () => {
    const out = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    parts = [];
    size = 0;
    return out;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (demux) demux.push(chunk);
      else {
        parts.push(chunk);
        size += chunk.length;
      }
      done(null, size >= DOWNLOAD_CHUNK ? take() : undefined);
    },
    flush(done) {
      done(null, size ? take() : undefined);
    },
  });
}

/**
 * The whole log for a file, streamed from the engine (not the view's buffer) as binary chunks
 * under the sink's flow control, so a huge log never sits in main's memory at once. The bytes
 * are the engine's — what `docker logs [-t] > file` writes, long lines whole.
 */
export async function downloadLogs(
  docker: Docker,
  input: { id: string; stdout: boolean; stderr: boolean; timestamps: boolean },
  sink: Sink<LogDownloadEvent>,
): Promise<void> {
  try {
    const info = await docker.getContainer(input.id).inspect({ abortSignal: sink.signal });
    const response = await openLogStream(docker, info.Id, { ...input, follow: false }, sink.signal);
    const bytes = downloadBytes(!!info.Config.Tty);
    // Destroying `bytes` (the sink closed) destroys the engine's response too.
    pipeline(response, bytes, () => undefined);
    await pipeBytes(bytes, sink);
    sink.end();
  } catch (err) {
    sink.end(toPortholeError(err));
  }
}
