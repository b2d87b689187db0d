import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { SAVE_CHUNK_BYTES, type PortholeError, type SaveEvent } from '../../contract';
import { fail, toPortholeError } from './errors';
import { JsonLines } from './images-progress';

/**
 * Save: the engine's tar, cut into base64 chunks that fit one transport message each. The
 * renderer assembles them into a Blob; unsubscribing destroys the engine stream.
 */
export function saveImages(
  docker: Docker,
  ids: string[],
  emit: (e: SaveEvent) => void,
  end: (error?: PortholeError) => void,
): () => void {
  const controller = new AbortController();
  void (async () => {
    try {
      // getImages (GET /images/get?names=…) is in dockerode but not in its type definitions.
      const withSave = docker as Docker & {
        getImages(opts: { names: string[]; abortSignal: AbortSignal }): Promise<unknown>;
      };
      const stream = (await withSave.getImages({
        names: ids,
        abortSignal: controller.signal,
      })) as NodeJS.ReadableStream;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let total = 0;
      const send = (all: boolean) => {
        let buf = Buffer.concat(pending);
        while (buf.length >= SAVE_CHUNK_BYTES || (all && buf.length > 0)) {
          const piece = buf.subarray(0, SAVE_CHUNK_BYTES);
          emit({ kind: 'chunk', data: piece.toString('base64') });
          buf = buf.subarray(piece.length);
        }
        pending = buf.length ? [buf] : [];
        pendingBytes = buf.length;
      };
      stream.on('data', (chunk: Buffer) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        total += chunk.length;
        if (pendingBytes >= SAVE_CHUNK_BYTES) send(false);
      });
      stream.on('end', () => {
        send(true);
        emit({ kind: 'done', bytes: total });
        end();
      });
      stream.on('error', (err) => end(toPortholeError(err)));
    } catch (err) {
      end(toPortholeError(err));
    }
  })();
  return () => controller.abort();
}

interface Upload {
  engineId: string;
  body: PassThrough;
  result: Promise<string[]>;
  timer: ReturnType<typeof setTimeout>;
}

/** A load whose client went away (tab closed mid-upload) is dropped after this long idle. */
const IDLE_MS = 60_000;
const uploads = new Map<string, Upload>();

function drop(id: string) {
  const upload = uploads.get(id);
  if (!upload) return;
  clearTimeout(upload.timer);
  uploads.delete(id);
  upload.body.destroy();
}

/** What `docker load` prints: "Loaded image: repo:tag" / "Loaded image ID: sha256:…". */
export function loadedNames(output: string): { loaded: string[]; error: string | undefined } {
  const lines = new JsonLines();
  const messages = [...lines.push(output), ...lines.flush()];
  const error = messages.find((m) => m.error)?.error;
  const loaded = messages.flatMap((m) => {
    const match = /^Loaded image(?: ID)?: (\S+)/.exec((m.stream ?? '').trim());
    return match ? [match[1]!] : [];
  });
  return { loaded, error };
}

export function beginLoad(docker: Docker, engineId: string): { uploadId: string } {
  const uploadId = randomBytes(16).toString('hex');
  const body = new PassThrough();
  const result = (async () => {
    const res = (await docker.loadImage(body, { quiet: true })) as NodeJS.ReadableStream;
    let text = '';
    res.setEncoding('utf8');
    for await (const chunk of res) text += chunk as string;
    const { loaded, error } = loadedNames(text);
    if (error) fail('INVALID_INPUT', error, 'Choose a .tar written by “Save” or `docker save`.');
    return loaded;
  })();
  // Settled later by end(); never an unhandled rejection meanwhile.
  result.catch(() => undefined);
  const timer = setTimeout(() => drop(uploadId), IDLE_MS);
  uploads.set(uploadId, { engineId, body, result, timer });
  return { uploadId };
}

function getUpload(engineId: string, uploadId: string): Upload {
  const upload = uploads.get(uploadId);
  if (!upload || upload.engineId !== engineId) {
    fail('NOT_FOUND', 'That upload is over (finished, cancelled or idle too long).', 'Load again.');
  }
  return upload;
}

export async function loadChunk(engineId: string, uploadId: string, data: string): Promise<null> {
  const upload = getUpload(engineId, uploadId);
  clearTimeout(upload.timer);
  upload.timer = setTimeout(() => drop(uploadId), IDLE_MS);
  // Back-pressure: the next chunk is requested only once the engine took this one.
  if (!upload.body.write(Buffer.from(data, 'base64'))) {
    // If the engine gave up on the load, its error ends the wait (and is reported).
    await Promise.race([
      new Promise<void>((resolve) => upload.body.once('drain', resolve)),
      upload.result.then(() => undefined),
    ]);
  }
  return null;
}

export async function endLoad(
  engineId: string,
  uploadId: string,
  cancel: boolean,
): Promise<{ loaded: string[] }> {
  const upload = getUpload(engineId, uploadId);
  if (cancel) {
    drop(uploadId);
    return { loaded: [] };
  }
  clearTimeout(upload.timer);
  uploads.delete(uploadId);
  upload.body.end();
  return { loaded: await upload.result };
}
