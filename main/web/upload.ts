import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PortholeError } from '../../contract';
import type { Router } from '../router';
import { statusFor } from '../transport/download';
import { parseUploadRequest, receiveUpload } from '../transport/upload';

/**
 * POST (or PUT) /upload?name=STREAM&input=JSON[&manifest=BYTES]: an upload stream (contract
 * `upload: true`) fed from the request body — a File the page sends as itself, which the
 * browser streams from disk — under the same router, validation and back-pressure as the
 * socket's chunks. The answer is JSON: `{ events }` (the stream's events other than `written`)
 * or the error. The caller has checked Host, Origin, the cookie and the page secret.
 */
export async function serveUpload(
  router: Router,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const answer = (status: number, body: unknown, close: boolean) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      // Refused before the body was read: the rest of it is not waited for on this connection.
      ...(close ? { Connection: 'close' } : {}),
    });
    res.end(JSON.stringify(body));
  };
  const refuse = (error: PortholeError, status = statusFor(error)) => {
    answer(status, error, true);
    // Read and drop what is still coming so that the browser gets the answer, not a reset.
    req.resume();
  };
  const asked = parseUploadRequest(url, req.headers['content-length']);
  if (!asked.ok) return refuse(asked.error, asked.status);
  const ctx = { connectionId: randomUUID(), signal: new AbortController().signal };
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const r = await receiveUpload(router, ctx, asked.value, req, gone.signal);
  if (r.ok) return answer(200, { events: r.events }, false);
  if (r.error.code === 'CANCELLED') return; // nobody is there to read an answer
  if (r.bodyDone) answer(statusFor(r.error), r.error, false);
  else refuse(r.error);
}
