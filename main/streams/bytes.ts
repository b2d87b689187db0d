import type { Readable } from 'node:stream';
import { LIMITS } from '../../contract';
import type { Sink } from './sink';

/** The one chunker: a buffer as pieces of at most `max` bytes (views, not copies). */
export function* chunks(buf: Uint8Array, max: number = LIMITS.chunkBytes): Generator<Uint8Array> {
  for (let off = 0; off < buf.byteLength; off += max) yield buf.subarray(off, off + max);
}

export interface ChunkEvent {
  kind: 'chunk';
  data: Uint8Array;
}

/**
 * Pipes a byte source into a sink as `chunk` events (binary frames), each costing its length
 * in credit: the source is paused while the consumer is behind, destroyed when the sink closes.
 * `take` may reshape each piece (unpack a tar entry, say) and returns the bytes to send.
 * Resolves with the bytes sent once the source ends; rejects on its error.
 */
export function pipeBytes<E extends { kind: string }>(
  source: Readable,
  sink: Sink<E | ChunkEvent>,
  take: (piece: Buffer) => Uint8Array[] = (piece) => [piece],
): Promise<number> {
  let total = 0;
  sink.onPause(
    () => source.pause(),
    () => source.resume(),
  );
  const onClose = () => source.destroy();
  sink.signal.addEventListener('abort', onClose, { once: true });
  return new Promise<number>((resolve, reject) => {
    source.on('data', (piece: Buffer) => {
      for (const part of take(piece)) {
        for (const data of chunks(part)) {
          total += data.byteLength;
          sink.next({ kind: 'chunk', data }, data.byteLength);
        }
      }
    });
    source.once('end', () => {
      sink.signal.removeEventListener('abort', onClose);
      resolve(total);
    });
    source.once('error', (err) => {
      sink.signal.removeEventListener('abort', onClose);
      reject(err);
    });
    source.once('close', () => {
      if (sink.closed) reject(new DOMException('The stream was closed.', 'AbortError'));
    });
  });
}
