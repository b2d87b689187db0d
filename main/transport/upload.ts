import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  invalidInput,
  isStreamName,
  LIMITS,
  streams,
  UPLOAD_WINDOW,
  type PortholeError,
} from '../../contract';
import { cancelledError } from '../engine/errors';
import type { Ctx, OpenStream, Router } from '../router';

/** The file list that leads a multi-file body: at most this many bytes of JSON. */
export const MANIFEST_MAX_BYTES = 8 * 1024 * 1024;
/** The largest body (the largest file UploadControl allows, plus its manifest). */
export const UPLOAD_MAX_BYTES = 2 ** 40 + MANIFEST_MAX_BYTES;

/** Paths are checked by the router as `file` control messages; here only the shape and sizes. */
const Manifest = z
  .array(
    z.strictObject({
      path: z.string().max(4096),
      size: z
        .number()
        .int()
        .min(0)
        .max(2 ** 40),
    }),
  )
  .max(100_000);
type Manifest = z.infer<typeof Manifest>;

export interface UploadRequest {
  name: string;
  input: unknown;
  /** Bytes of JSON ({path, size}[]) that lead the body, when the stream takes named files. */
  manifestBytes: number | undefined;
  length: number;
}

/**
 * What an upload request asks for (`?name=STREAM&input=JSON[&manifest=BYTES]`, a body of
 * Content-Length bytes), or why it is refused: only streams the contract marks `upload: true`.
 * The input itself is checked by the router, the manifest's paths as control messages.
 */
export function parseUploadRequest(
  url: URL,
  contentLength: string | undefined,
): { ok: true; value: UploadRequest } | { ok: false; error: PortholeError; status: number } {
  const name = url.searchParams.get('name') ?? '';
  if (!isStreamName(name) || !streams[name].upload) {
    return { ok: false, error: invalidInput(`"${name}" is not an upload.`), status: 400 };
  }
  const length = /^\d{1,16}$/.test(contentLength ?? '') ? Number(contentLength) : NaN;
  if (!(length <= UPLOAD_MAX_BYTES)) {
    return {
      ok: false,
      error: invalidInput(`An upload needs a Content-Length of at most ${UPLOAD_MAX_BYTES} bytes.`),
      status: contentLength === undefined ? 411 : 413,
    };
  }
  const m = url.searchParams.get('manifest');
  const manifestBytes = m === null ? undefined : /^\d{1,8}$/.test(m) ? Number(m) : NaN;
  const fits = manifestBytes! >= 2 && manifestBytes! <= Math.min(MANIFEST_MAX_BYTES, length);
  if (manifestBytes !== undefined && !fits) {
    return { ok: false, error: invalidInput('The manifest size is not valid.'), status: 400 };
  }
  try {
    const input: unknown = JSON.parse(url.searchParams.get('input') ?? 'null');
    return { ok: true, value: { name, input, manifestBytes, length } };
  } catch {
    return { ok: false, error: invalidInput('The upload input is not JSON.'), status: 400 };
  }
}

export type UploadResult =
  { ok: true; events: unknown[] } | { ok: false; error: PortholeError; bodyDone: boolean };

/**
 * A request body fed into the same router upload stream the socket uses: its bytes become
 * `chunk` control messages of at most LIMITS.chunkBytes (views, not copies), a manifest's
 * entries `file` messages, the body's end `end`. Back-pressure as the renderer's Uploader: at
 * most UPLOAD_WINDOW bytes unanswered by `written`, beyond which the body is paused (TCP then
 * slows the sender). Every event's credit is returned at once; the events other than `written`
 * are the answer. The body breaking off (request aborted, tab closed) closes the stream, as
 * the socket's cancel does: the handler destroys the engine request. So does `gone` (the
 * client went away after sending it all, before the answer).
 */
export function receiveUpload(
  router: Router,
  ctx: Ctx,
  asked: UploadRequest,
  body: Readable,
  /** Aborted when nobody waits for the answer any more (the response's connection went). */
  gone?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const box: { opened?: OpenStream } = {};
    let over = false;
    let bodyDone = false;
    const owed: number[] = [];
    const events: unknown[] = [];
    let unanswered = 0;
    const finish = (r: UploadResult) => {
      if (over) return;
      over = true; // what still arrives is dropped by onData
      resolve(r);
    };
    const r = router.open(ctx, asked.name, asked.input, {
      event(event, cost) {
        const e = event as { kind?: unknown; bytes?: unknown };
        if (e.kind === 'written' && typeof e.bytes === 'number') {
          unanswered -= e.bytes;
          if (unanswered < UPLOAD_WINDOW && body.isPaused() && !over) body.resume();
        } else events.push(event);
        if (cost) return box.opened ? box.opened.ack(cost) : void owed.push(cost);
      },
      end(error) {
        finish(error ? { ok: false, error, bodyDone } : { ok: true, events });
      },
      buffered: () => 0,
    });
    if (!r.ok) return finish({ ok: false, error: r.error, bodyDone: false });
    const stream = (box.opened = r.value);
    for (const n of owed.splice(0)) stream.ack(n);
    const fail = (error: PortholeError) => {
      if (over) return;
      stream.close();
      finish({ ok: false, error, bodyDone });
    };

    const manifestBytes = asked.manifestBytes ?? 0;
    let headLeft = manifestBytes;
    const head: Uint8Array[] = [];
    let files: Manifest | undefined;
    let remaining = 0;
    /** Announces the next files (zero-sized ones need nothing more) until one wants bytes. */
    const announce = () => {
      while (files && remaining === 0 && files.length > 0 && !over) {
        const f = files.shift()!;
        remaining = f.size;
        stream.control({ kind: 'file', path: f.path, size: f.size });
      }
    };
    const readManifest = () => {
      const text = Buffer.concat(head).toString('utf8');
      let parsed: z.ZodSafeParseResult<Manifest> | undefined;
      try {
        parsed = Manifest.safeParse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) return fail(invalidInput('The upload manifest is not a file list.'));
      const total = parsed.data.reduce((n, f) => n + f.size, 0);
      if (total + manifestBytes !== asked.length) {
        return fail(invalidInput('The body is not the size of the files its manifest names.'));
      }
      files = parsed.data;
      announce();
    };

    const onData = (chunk: Buffer) => {
      let at = 0;
      while (at < chunk.byteLength && !over) {
        if (headLeft > 0) {
          const take = Math.min(headLeft, chunk.byteLength - at);
          head.push(chunk.subarray(at, at + take));
          headLeft -= take;
          at += take;
          if (headLeft === 0) readManifest();
          continue;
        }
        if (files && remaining === 0) return fail(invalidInput('More bytes than the manifest.'));
        const room = files ? remaining : Infinity;
        const take = Math.min(room, LIMITS.chunkBytes, chunk.byteLength - at);
        unanswered += take;
        stream.control({ kind: 'chunk', data: chunk.subarray(at, at + take) });
        at += take;
        if (files) {
          remaining -= take;
          announce();
        }
      }
      if (unanswered >= UPLOAD_WINDOW && !over) body.pause();
    };
    body.on('data', onData);
    body.once('end', () => {
      bodyDone = true;
      if (over) return;
      // Content-Length was checked against the manifest: a body that ended is all there.
      if (manifestBytes > 0 && !files) return fail(invalidInput('The manifest was cut short.'));
      stream.control({ kind: 'end' });
    });
    // Aborted before its end (the user cancelled, the tab closed): what the socket's cancel does.
    body.once('close', () => {
      if (!bodyDone) fail(cancelledError());
    });
    body.on('error', () => undefined);
    // Cancelled after the whole body was sent (the engine still loading or unpacking): the
    // same close, so the engine request is aborted rather than left to finish unseen.
    gone?.addEventListener('abort', () => fail(cancelledError()), { once: true });
  });
}
