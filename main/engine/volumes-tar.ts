import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';

export interface FirstEntry {
  header: Header;
  /** The entry's bytes as they arrive; pausing it pauses the archive's source. */
  body: Readable;
}

/**
 * The first entry of a tar stream (what the archive API sends for one path), unpacked as it
 * streams, so a large file never sits whole in memory: its header and its bytes, or undefined
 * for an empty archive. The rest of the archive is never read: destroy the source when done.
 * A source error or a truncated archive errors the entry's body.
 */
export function firstEntry(source: Readable): Promise<FirstEntry | undefined> {
  return new Promise((resolve, reject) => {
    const tar = extract();
    // A streamx stream, with the Readable surface pipeBytes uses (data/end/error/close
    // events, pause, resume, destroy); its pausing holds the extractor and so the source.
    tar.once('entry', (header, body) => resolve({ header, body: body as unknown as Readable }));
    tar.on('error', reject);
    tar.on('finish', () => resolve(undefined));
    source.on('error', (err) => tar.destroy(err));
    source.pipe(tar);
  });
}
