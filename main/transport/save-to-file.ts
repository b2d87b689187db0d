import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DownloadTicketInput, PortholeError, SaveToFileEvent } from '../../contract';
import type { Ctx, Router } from '../router';
import type { Sink } from '../streams/sink';
import { sendDownload } from './download';
import { safeFilename } from './tickets';

/**
 * Asks the user where to save a file suggested as `filename` (the desktop's save dialog);
 * undefined when they dismissed it.
 */
export type ChooseSavePath = (filename: string) => Promise<string | undefined>;

/** How often the window hears how far a save has come. */
export const SAVE_PROGRESS_MS = 200;

const cannotWrite = (path: string, err: unknown): PortholeError => ({
  code: 'FORBIDDEN',
  message: `Could not write ${path}: ${err instanceof Error ? err.message : String(err)}`,
  hint: 'Choose a folder you can write to, with room for the file.',
});

/**
 * A download stream written to a file by main itself: engine → main → disk, the path
 * `docker save -o` takes, with no window or browser download in between. The bytes go to a
 * hidden file beside the chosen one and are renamed onto it once complete, so a failed or
 * cancelled save leaves nothing behind and a file it replaces stays whole until then. Closing
 * the stream (the window's Cancel, or the window gone) stops the engine read and removes the
 * partial file.
 */
export async function saveToFile(
  router: Router,
  choose: ChooseSavePath,
  ctx: Ctx,
  request: DownloadTicketInput,
  sink: Sink<SaveToFileEvent>,
): Promise<void> {
  const path = await choose(safeFilename(request.filename));
  if (sink.closed) return;
  if (!path) {
    sink.next({ kind: 'dismissed' });
    return sink.end();
  }
  const part = join(dirname(path), `.${randomBytes(6).toString('hex')}.porthole-part`);
  const file = createWriteStream(part, { flags: 'wx' });
  const progress = setInterval(
    () => sink.next({ kind: 'progress', bytes: file.bytesWritten }),
    SAVE_PROGRESS_MS,
  );
  let abandon = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      // Each settles this once: the stream ends (or fails), the disk fails, or the window cancels.
      file.on('error', (err) => reject(cannotWrite(path, err)));
      abandon = () => reject(new DOMException('Cancelled.', 'AbortError'));
      sink.signal.addEventListener('abort', abandon, { once: true });
      void sendDownload(router, ctx, request.stream, request.input, file, () => {}).then((r) =>
        !r.ok ? reject(r.error) : file.closed ? resolve() : file.once('close', () => resolve()),
      );
    });
    await rename(part, path).catch((err: unknown) => Promise.reject(cannotWrite(path, err)));
    sink.next({ kind: 'saved', path, bytes: file.bytesWritten });
    sink.end();
  } catch (err) {
    // Destroying the file closes it, and its close closes the engine stream (sendDownload).
    file.destroy();
    await unlink(part).catch(() => {});
    if (!(err instanceof DOMException)) sink.end(err as PortholeError);
  } finally {
    clearInterval(progress);
    sink.signal.removeEventListener('abort', abandon);
  }
}
