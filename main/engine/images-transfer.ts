import type Docker from 'dockerode';
import { parseReference, WINDOWS, type PortholeError, type TransferEvent } from '../../contract';
import type { AuthResolver } from '../credentials/resolve';
import { createSink, type Sink } from '../streams/sink';
import { engineWords, JsonLines, ProgressState, registryError } from './images-progress';
import { cancelledError, cutOffError, PortholeFailure, toPortholeError } from './errors';

/** Progress snapshots at most this often: a fast pull sends hundreds of lines a second. */
const EMIT_EVERY_MS = 100;

export function registryOf(ref: string): string {
  const parsed = parseReference(ref);
  return parsed.ok ? (parsed.domain ?? 'docker.io') : 'the registry';
}

export function normalizeRef(ref: string): string {
  const parsed = parseReference(ref);
  return parsed.ok ? parsed.normalized : ref;
}

/** The engine's error before the stream started (a 500 with a message), classified. */
function startError(err: unknown, ref: string, verb: 'pull' | 'push'): PortholeError {
  const error = toPortholeError(err);
  if (error.code === 'ENGINE_UNREACHABLE' || error.code === 'INVALID_INPUT') return error;
  if ((err as { name?: string } | null)?.name === 'AbortError') return error;
  // Keep the registry's words: drop the status prefix docker-modem and the mapper add.
  return registryError(engineWords(error.message), registryOf(ref), verb);
}

/**
 * Follows a JSON progress stream to its end: throttled snapshots, then `done`, or the first
 * `{ error }` object (a 200 response can still fail) as the stream's error.
 */
function follow(
  stream: NodeJS.ReadableStream,
  ref: string,
  verb: 'pull' | 'push',
  sink: Sink<TransferEvent>,
) {
  const state = new ProgressState();
  const lines = new JsonLines((m) => state.apply(m));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    sink.next(state.snapshot());
  };
  stream.on('data', (chunk: Buffer) => {
    lines.push(chunk);
    timer ??= setTimeout(flush, EMIT_EVERY_MS);
  });
  stream.on('end', () => {
    lines.flush();
    flush();
    if (state.error) sink.end(registryError(state.error, registryOf(ref), verb));
    else {
      sink.next({ kind: 'done', messages: state.messages });
      sink.end();
    }
  });
  const cut = (err?: unknown) => {
    clearTimeout(timer);
    if ((err as { name?: string } | undefined)?.name === 'AbortError') return;
    const error = cutOffError(err, verb);
    sink.end(error.code === 'ENGINE_UNREACHABLE' ? error : startError(err, ref, verb));
  };
  let ended = false;
  stream.on('end', () => (ended = true));
  stream.on('error', cut);
  // A response cut off mid-way may close without 'end' or 'error' (the engine was killed).
  stream.on('close', () => ended || cut());
}

/** Pull with per-layer progress. Closing the sink aborts the engine request. */
export async function pullImage(
  docker: Docker,
  authFor: AuthResolver,
  ref: string,
  sink: Sink<TransferEvent>,
): Promise<void> {
  const fromImage = normalizeRef(ref);
  try {
    const auth = await authFor(fromImage);
    const stream = (await docker.createImage(auth ?? {}, {
      fromImage,
      abortSignal: sink.signal,
    })) as NodeJS.ReadableStream;
    follow(stream, fromImage, 'pull', sink);
  } catch (err) {
    sink.end(startError(err, fromImage, 'pull'));
  }
}

export async function pushImage(
  docker: Docker,
  authFor: AuthResolver,
  ref: string,
  sink: Sink<TransferEvent>,
): Promise<void> {
  const name = normalizeRef(ref);
  try {
    // The push endpoint insists on an X-Registry-Auth header, even an empty one.
    const authconfig = (await authFor(name)) ?? {};
    const stream = (await docker.getImage(name).push({
      authconfig,
      abortSignal: sink.signal,
    })) as NodeJS.ReadableStream;
    follow(stream, name, 'push', sink);
  } catch (err) {
    sink.end(startError(err, name, 'push'));
  }
}

/** A pull without progress (Run of a missing image): resolves when done, rejects on failure. */
export function pullQuietly(
  docker: Docker,
  authFor: AuthResolver,
  ref: string,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const { sink } = createSink<TransferEvent>(
      {
        event: () => undefined,
        end: (error) => (error ? reject(new PortholeFailure(error)) : resolve()),
        buffered: () => 0,
      },
      { flow: 'lossy', window: WINDOWS.events },
    );
    signal?.addEventListener('abort', () => sink.end(cancelledError()), { once: true });
    void pullImage(docker, authFor, ref, sink);
  });
}
