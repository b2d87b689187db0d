import { connect, type Socket } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { coalescingReads } from '../streams/coalesce-reads';

/** The most a response's status line and headers may take. */
const MAX_HEAD = 64 * 1024;

export interface RawGetError extends Error {
  statusCode: number;
  json: unknown;
}

/**
 * GET `path` from an engine on a local socket as HTTP/1.0, resolving with its body as a
 * stream. Why: to an HTTP/1.1 request the engine streams a log as one HTTP chunk per
 * line, and Node's parser hands each chunk to JavaScript by itself — a million calls for a
 * million lines, half of main's time. To HTTP/1.0 it sends the bare body and closes the
 * connection at its end, so a read is up to 64 KiB of lines. Resolves undefined when the answer is
 * chunked all the same (a proxy in front of the engine): the caller then asks the usual way.
 * Rejects like dockerode on an error status ({statusCode, json}) or a failed connection.
 */
export function rawGet(
  socketPath: string,
  path: string,
  signal: AbortSignal,
): Promise<Readable | undefined> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(socketPath);
    const onAbort = () => socket.destroy(new DOMException('The stream was closed.', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
    let head: Buffer = Buffer.alloc(0);
    const fail = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    socket.on('error', fail);
    socket.write(`GET ${path} HTTP/1.0\r\nHost: docker\r\nUser-Agent: porthole\r\n\r\n`);
    const onData = (chunk: Buffer) => {
      head = head.length ? Buffer.concat([head, chunk]) : chunk;
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD) fail(new Error('The engine sent an answer without an end.'));
        return;
      }
      socket.off('data', onData);
      socket.off('error', fail);
      socket.pause();
      const lines = head.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const chunked = lines.some((l) => /^transfer-encoding:.*chunked/i.test(l));
      const body = head.subarray(end + 4);
      if (status === 200 && !chunked) {
        if (body.length) socket.unshift(body);
        // A stream of its own: the socket was paused by hand, so a 'data' listener alone would
        // not start it; pipe does, and carries back-pressure (and destruction) both ways. It
        // reads a flood of lines in bigger pieces (coalesce-reads.ts).
        const out = coalescingReads();
        pipeline(socket, out, () => undefined);
        return resolve(out);
      }
      if (chunked) {
        socket.destroy();
        return resolve(undefined);
      }
      readError(socket, body, status, reject);
    };
    socket.on('data', onData);
  });
}

/** An error answer's body (the engine's {"message": …}), as dockerode would reject with it. */
function readError(socket: Socket, first: Buffer, status: number, reject: (e: Error) => void) {
  const parts = [first];
  let size = first.length;
  const done = () => {
    const text = Buffer.concat(parts).toString('utf8');
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: the text itself says what went wrong.
    }
    const message = (json as { message?: unknown })?.message;
    const err = new Error(
      `(HTTP code ${status}) ${typeof message === 'string' ? message : text}`,
    ) as RawGetError;
    err.statusCode = status;
    err.json = json;
    reject(err);
  };
  socket.on('data', (b: Buffer) => {
    if (size < MAX_HEAD) parts.push(b);
    size += b.length;
  });
  socket.once('end', done);
  socket.once('error', done);
  socket.resume();
}
