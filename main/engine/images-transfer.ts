import type Docker from 'dockerode';
import { parseReference, type PortholeError, type TransferEvent } from '../../contract';
import { authFor } from './images-auth';
import { engineWords, JsonLines, ProgressState, registryError } from './images-progress';
import { PortholeFailure, toPortholeError } from './errors';

type Emit = (event: TransferEvent) => void;
type End = (error?: PortholeError) => void;

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
  emit: Emit,
  end: End,
) {
  const lines = new JsonLines();
  const state = new ProgressState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    emit(state.snapshot());
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    lines.push(chunk).forEach((m) => state.apply(m));
    timer ??= setTimeout(flush, EMIT_EVERY_MS);
  });
  stream.on('end', () => {
    lines.flush().forEach((m) => state.apply(m));
    flush();
    if (state.error) end(registryError(state.error, registryOf(ref), verb));
    else {
      emit({ kind: 'done', messages: state.messages });
      end();
    }
  });
  stream.on('error', (err) => {
    clearTimeout(timer);
    end(startError(err, ref, verb));
  });
}

/** Pull with per-layer progress. Returns the unsubscribe: it aborts the engine request. */
export function pullImage(docker: Docker, ref: string, emit: Emit, end: End): () => void {
  const controller = new AbortController();
  const fromImage = normalizeRef(ref);
  void (async () => {
    try {
      const auth = await authFor(fromImage);
      const stream = (await docker.createImage(auth ?? {}, {
        fromImage,
        abortSignal: controller.signal,
      })) as NodeJS.ReadableStream;
      follow(stream, fromImage, 'pull', emit, end);
    } catch (err) {
      end(startError(err, fromImage, 'pull'));
    }
  })();
  return () => controller.abort();
}

export function pushImage(docker: Docker, ref: string, emit: Emit, end: End): () => void {
  const controller = new AbortController();
  const name = normalizeRef(ref);
  void (async () => {
    try {
      // The push endpoint insists on an X-Registry-Auth header, even an empty one.
      const authconfig = (await authFor(name)) ?? {};
      const stream = (await docker.getImage(name).push({
        authconfig,
        abortSignal: controller.signal,
      })) as NodeJS.ReadableStream;
      follow(stream, name, 'push', emit, end);
    } catch (err) {
      end(startError(err, name, 'push'));
    }
  })();
  return () => controller.abort();
}

/** A pull without progress (Run of a missing image): resolves when done, rejects on failure. */
export function pullQuietly(docker: Docker, ref: string): Promise<void> {
  return new Promise((resolve, reject) => {
    pullImage(
      docker,
      ref,
      () => undefined,
      (error) => (error ? reject(new PortholeFailure(error)) : resolve()),
    );
  });
}
