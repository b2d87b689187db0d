import { streams, type StreamEvent, type StreamInput, type PortholeError } from '../../../contract';
import { PAGE_SECRET_HEADER, PAGE_SECRET_META, UPLOAD_PATH } from '../../../contract/channels';
import { ApiError, subscribe } from '../api/client';
import { Uploader, type UploadFile } from './byteStreams';

/** Streams whose control is UploadControl and that web mode takes as a request body. */
type UploadStream = 'files.upload' | 'images.load' | 'volumes.upload';

export interface UploadRun<N extends UploadStream> {
  /** The stream's events other than `written` (files.upload: `done`; images.load: `loaded`). */
  done: Promise<StreamEvent<N>[]>;
  /** Stops the upload; `done` then rejects with CANCELLED. */
  cancel(): void;
}

const cancelled = () => new ApiError({ code: 'CANCELLED', message: 'Cancelled.' });

/**
 * Sends files on an upload stream. Web mode: one POST /upload whose body is the files
 * themselves (after a JSON manifest of their paths and sizes when they are named), which the
 * browser streams from disk — no slice read into the JS heap, no frame per chunk; main turns it
 * into the same stream's chunks with the same window. XMLHttpRequest rather than fetch for its
 * upload progress events. Electron: the stream's own chunks over its MessagePort (a custom
 * protocol's request body reaches main as a whole blob, not a stream).
 */
export function sendUpload<N extends UploadStream>(
  name: N,
  input: StreamInput<N>,
  files: UploadFile[],
  onProgress: (bytes: number) => void,
): UploadRun<N> {
  return window.porthole
    ? overStream(name, input, files, onProgress)
    : overHttp(name, input, files, onProgress);
}

function overStream<N extends UploadStream>(
  name: N,
  input: StreamInput<N>,
  files: UploadFile[],
  onProgress: (bytes: number) => void,
): UploadRun<N> {
  const events: StreamEvent<N>[] = [];
  let reject: (e: unknown) => void = () => undefined;
  let stream: ReturnType<typeof subscribe<N>> | undefined;
  const uploader = new Uploader((msg) => stream?.control(msg as never), onProgress);
  const done = new Promise<StreamEvent<N>[]>((resolve, rej) => {
    reject = rej;
    stream = subscribe(
      name,
      input,
      (e) => {
        const ev = e as { kind: string; bytes?: number };
        if (ev.kind === 'written') uploader.written(ev.bytes ?? 0);
        else events.push(e);
      },
      (error) => {
        uploader.stop();
        if (error) rej(new ApiError(error));
        else resolve(events);
      },
    );
    uploader.send(files).catch((err: unknown) => {
      stream?.close();
      rej(err);
    });
  });
  return {
    done,
    cancel: () => {
      stream?.close();
      uploader.stop();
      reject(cancelled());
    },
  };
}

function overHttp<N extends UploadStream>(
  name: N,
  input: StreamInput<N>,
  files: UploadFile[],
  onProgress: (bytes: number) => void,
): UploadRun<N> {
  const query = new URLSearchParams({ name, input: JSON.stringify(input) });
  const parts: BlobPart[] = files.map((f) => f.blob);
  let lead = 0;
  if (files.some((f) => f.path !== undefined)) {
    const manifest = new TextEncoder().encode(
      JSON.stringify(files.map((f) => ({ path: f.path ?? '', size: f.blob.size }))),
    );
    lead = manifest.byteLength;
    query.set('manifest', String(lead));
    parts.unshift(manifest);
  }
  const xhr = new XMLHttpRequest();
  const done = new Promise<StreamEvent<N>[]>((resolve, reject) => {
    xhr.open('POST', `${UPLOAD_PATH}?${query}`);
    const secret = document
      .querySelector(`meta[name="${PAGE_SECRET_META}"]`)
      ?.getAttribute('content');
    if (secret) xhr.setRequestHeader(PAGE_SECRET_HEADER, secret);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(Math.max(0, e.loaded - lead));
    xhr.onabort = () => reject(cancelled());
    xhr.onerror = () =>
      reject(new ApiError({ code: 'INTERNAL', message: `${name}: the upload broke off.` }));
    xhr.onload = () => {
      const body = xhr.response as { events?: unknown[] } | PortholeError | null;
      if (xhr.status !== 200 || !body || !('events' in body) || !Array.isArray(body.events)) {
        const error = body && 'code' in body ? body : undefined;
        return reject(
          new ApiError(error ?? { code: 'INTERNAL', message: `${name}: HTTP ${xhr.status}` }),
        );
      }
      const parsed = body.events.map((e) => streams[name].event.safeParse(e));
      if (parsed.some((p) => !p.success)) {
        return reject(new ApiError({ code: 'INTERNAL', message: `Unexpected answer to ${name}.` }));
      }
      resolve(parsed.map((p) => p.data as StreamEvent<N>));
    };
    // A Blob of Files: Chromium sends it from disk with a Content-Length, nothing in the heap.
    xhr.send(new Blob(parts));
  });
  return { done, cancel: () => xhr.abort() };
}
