import type { CallInput, StreamInput } from '../../../contract';
import { DOWNLOAD_PATH } from '../../../contract/channels';
import { ApiError, call, subscribe } from './client';

type Ticketed = CallInput<'downloads.ticket'>;
export type DownloadStream = Ticketed['stream'];

/**
 * Where a download went: to the browser's own downloads (web), to the file the user chose in
 * the desktop's save dialog, or nowhere (they closed the dialog).
 */
export type Saved =
  { to: 'browser' } | { to: 'file'; path: string; bytes: number } | { to: 'nowhere' };

/** Clicks a hidden <a download> at `href`: the browser saves what it answers as `name`. */
function clickDownload(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

type SaveOptions = { signal?: AbortSignal; onBytes?: (bytes: number) => void };

/**
 * The desktop: main asks where (its save dialog) and writes the file itself, engine → main →
 * disk; this only follows its progress. Aborting closes the stream: main stops the engine's
 * read and removes the partial file.
 */
function saveToFile(request: Ticketed, opts: SaveOptions): Promise<Saved> {
  return new Promise<Saved>((resolve, reject) => {
    const s = subscribe(
      'downloads.toFile',
      request,
      (event) => {
        if (event.kind === 'progress') return opts.onBytes?.(event.bytes);
        if (event.kind === 'dismissed') return resolve({ to: 'nowhere' });
        opts.onBytes?.(event.bytes);
        resolve({ to: 'file', path: event.path, bytes: event.bytes });
      },
      (error) => (error ? reject(new ApiError(error)) : resolve({ to: 'nowhere' })),
    );
    opts.signal?.addEventListener(
      'abort',
      () => {
        s.close();
        reject(new DOMException('Cancelled.', 'AbortError'));
      },
      { once: true },
    );
  });
}

/**
 * Saves a download stream to disk as `filename`. Web mode: main issues a single-use ticket for
 * this stream and input (over the socket, so the input is checked now), and a hidden link to
 * /download?ticket=… makes the browser stream the body straight into the file — no Blob, no
 * copy after the stream; progress and cancelling are the browser's. The desktop app: main's
 * save dialog, then main writes the file (saveToFile above). Resolves once the download is in
 * the browser's hands, or (desktop) once the file is complete.
 */
export async function saveDownload<S extends DownloadStream>(
  stream: S,
  input: StreamInput<S>,
  filename: string,
  opts: SaveOptions = {},
): Promise<Saved> {
  const request = { stream, input, filename } as Ticketed;
  if (window.porthole) return saveToFile(request, opts);
  const { ticket } = await call(
    'downloads.ticket',
    request,
    opts.signal ? { signal: opts.signal } : {},
  );
  clickDownload(`${DOWNLOAD_PATH}?${new URLSearchParams({ ticket })}`, filename);
  return { to: 'browser' };
}
