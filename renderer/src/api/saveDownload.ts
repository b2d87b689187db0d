import type { CallInput, StreamInput } from '../../../contract';
import { DOWNLOAD_PATH } from '../../../contract/channels';
import { call, download } from './client';

type Ticketed = CallInput<'downloads.ticket'>;
export type DownloadStream = Ticketed['stream'];

/** Where a download went: to the browser's own downloads (web), or saved from a Blob (Electron). */
export type Saved = { to: 'browser' } | { to: 'blob'; bytes: number };

/** Clicks a hidden <a download> at `href`: the browser saves what it answers as `name`. */
export function clickDownload(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Hands a Blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  clickDownload(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves a download stream to disk as `filename`. Web mode: main issues a single-use ticket for
 * this stream and input (over the socket, so the input is checked now), and a hidden link to
 * /download?ticket=… makes the browser stream the body straight into the file — no Blob, no
 * copy after the stream; progress and cancelling are the browser's. Electron (app://, where a
 * link download would need Electron-only code): the body into a Blob, then saved.
 * Resolves once the download is in the browser's hands.
 */
export async function saveDownload<S extends DownloadStream>(
  stream: S,
  input: StreamInput<S>,
  filename: string,
  opts: { signal?: AbortSignal; onBytes?: (bytes: number) => void; type?: string } = {},
): Promise<Saved> {
  if (window.porthole) {
    const blob = await download(stream, input, opts);
    saveBlob(blob, filename);
    return { to: 'blob', bytes: blob.size };
  }
  const { ticket } = await call(
    'downloads.ticket',
    { stream, input, filename } as Ticketed,
    opts.signal ? { signal: opts.signal } : {},
  );
  clickDownload(`${DOWNLOAD_PATH}?${new URLSearchParams({ ticket })}`, filename);
  return { to: 'browser' };
}
