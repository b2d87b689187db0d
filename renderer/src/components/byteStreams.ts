import { LIMITS, UPLOAD_WINDOW, type UploadControl } from '../../../contract';

/**
 * At most one call per animation frame, with the latest value: progress for a stream of
 * thousands of chunks re-renders ~60 times a second, not once per chunk.
 */
export function perFrame<T>(fn: (value: T) => void): { (value: T): void; cancel(): void } {
  let latest: T;
  let frame: number | undefined;
  const run = (value: T) => {
    latest = value;
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      fn(latest);
    });
  };
  run.cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    frame = undefined;
  };
  return run;
}

/** One file of an upload; `path` names it in a multi-file upload (a build context). */
export interface UploadFile {
  path?: string;
  blob: Blob;
}

/**
 * Sends files on an upload stream in LIMITS.chunkBytes slices, keeping at most `window` bytes
 * that the server has not answered with `written`: a slow engine slows the reading of the file,
 * and nothing large is ever in memory or in one message. Call `written` with each answer and
 * `stop` when the stream is over.
 */
export class Uploader {
  private unanswered = 0;
  private answered = 0;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly post: (msg: UploadControl) => void,
    private readonly onProgress: (answered: number) => void = () => undefined,
    private readonly window = UPLOAD_WINDOW,
  ) {}

  written(bytes: number): void {
    this.unanswered = Math.max(0, this.unanswered - bytes);
    this.answered += bytes;
    this.onProgress(this.answered);
    this.poke();
  }

  stop(): void {
    this.stopped = true;
    this.poke();
  }

  /** Resolves once `end` is sent (false when stopped first); rejects when a file cannot be read. */
  async send(files: UploadFile[]): Promise<boolean> {
    for (const { path, blob } of files) {
      if (this.stopped) return false;
      if (path !== undefined) this.post({ kind: 'file', path, size: blob.size });
      for (let offset = 0; offset < blob.size; offset += LIMITS.chunkBytes) {
        const size = Math.min(LIMITS.chunkBytes, blob.size - offset);
        while (!this.stopped && this.unanswered > 0 && this.unanswered + size > this.window) {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
        const data = new Uint8Array(await blob.slice(offset, offset + size).arrayBuffer());
        if (this.stopped) return false;
        this.unanswered += size;
        this.post({ kind: 'chunk', data });
      }
    }
    if (this.stopped) return false;
    this.post({ kind: 'end' });
    return true;
  }

  private poke() {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** The total of an upload, for its progress bar. */
export const totalBytes = (files: UploadFile[]) => files.reduce((n, f) => n + f.blob.size, 0);
