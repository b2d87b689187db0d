// A byte-stream consumer over the web-mode WebSocket, as the renderer is one: binary frames
// decoded with the contract's decoder, every event acknowledged once it is written out.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { get, request, type IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type WebSocket from 'ws';
import { decodeFrame, encodeFrame } from '../contract';
import type { AppHandle } from '../e2e/harness/app';
import { openSocket, sessionCookie } from '../e2e/harness/web-client';

export async function openRaw(app: AppHandle): Promise<WebSocket> {
  const cookie = await sessionCookie(app);
  return openSocket(app, { Cookie: cookie, Origin: app.origin });
}

let nextId = 1;

/** One router call; resolves with its value. */
export function callRaw(ws: WebSocket, name: string, input: unknown): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      const m = JSON.parse(data.toString()) as {
        t: string;
        id?: number;
        ok?: boolean;
        value?: unknown;
        error?: unknown;
      };
      if (m.t !== 'result' || m.id !== id) return;
      ws.off('message', onMessage);
      if (m.ok) resolve(m.value);
      else reject(new Error(JSON.stringify(m.error)));
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'call', id, name, input }));
  });
}

/**
 * Subscribes to a byte stream and writes its chunks to `file`; resolves with the bytes written
 * and the ms from subscribing to the file being closed.
 */
export function downloadTo(
  ws: WebSocket,
  name: string,
  input: unknown,
  file: string,
): Promise<{ bytes: number; ms: number }> {
  const id = nextId++;
  const out = createWriteStream(file);
  const t0 = performance.now();
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      // A view on the received buffer, not a copy of it.
      const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const frame = decodeFrame(isBinary ? view : data.toString('utf8')) as {
        id?: number;
        t?: string;
        n?: number;
        event?: { kind?: string; data?: Uint8Array };
        error?: unknown;
      };
      if (frame?.id !== id) return;
      if (frame.t === 'event' && frame.event?.kind === 'chunk') {
        const chunk = frame.event.data!;
        bytes += chunk.byteLength;
        const n = frame.n ?? 0;
        // Acknowledged once the file took it, as the renderer acks once the Blob holds it.
        out.write(chunk, () => n && ws.send(encodeFrame({ t: 'ack', id, n })));
      } else if (frame.t === 'end') {
        ws.off('message', onMessage);
        if (frame.error) return reject(new Error(JSON.stringify(frame.error)));
        out.end(() => resolve({ bytes, ms: performance.now() - t0 }));
      }
    };
    ws.on('message', onMessage);
    ws.send(encodeFrame({ t: 'sub', id, name, input }));
  });
}

/**
 * The download route (GET /download, the page secret in a header) straight to `file`. A new
 * connection each time (no keep-alive): a socket the server is closing for idleness between
 * two runs must not be reused and cut a measured run short.
 */
export async function downloadHttp(
  app: AppHandle,
  secret: string,
  name: string,
  input: unknown,
  file: string,
): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const query = new URLSearchParams({ name, input: JSON.stringify(input) });
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    get(
      `${app.origin}/download?${query}`,
      { agent: false, headers: { Cookie: app.cookie, 'X-Porthole-Page': secret } },
      resolve,
    ).on('error', reject),
  );
  if (res.statusCode !== 200) throw new Error(`download answered ${res.statusCode}`);
  await pipeline(res, createWriteStream(file));
  return { ms: performance.now() - t0, bytes: statSync(file).size };
}

/** A navigation download without the browser: a ticket over the socket, then GET ?ticket=. */
export async function downloadTicket(
  app: AppHandle,
  ws: WebSocket,
  what: { stream: string; input: unknown; filename: string },
  file: string,
): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const { ticket } = (await callRaw(ws, 'downloads.ticket', what)) as { ticket: string };
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    get(
      `${app.origin}/download?${new URLSearchParams({ ticket })}`,
      { agent: false, headers: { Cookie: app.cookie } },
      resolve,
    ).on('error', reject),
  );
  if (res.statusCode !== 200) throw new Error(`ticket download answered ${res.statusCode}`);
  await pipeline(res, createWriteStream(file));
  return { ms: performance.now() - t0, bytes: statSync(file).size };
}

/**
 * The upload route (POST /upload, the page secret in a header, Origin as a page's fetch sends
 * it) with `file` as the body after a one-entry manifest, as the renderer sends a picked File.
 * Resolves with the ms from the request to its answer and the answer's events.
 */
export async function uploadHttp(
  app: AppHandle,
  secret: string,
  input: unknown,
  file: string,
  path: string,
): Promise<{ ms: number; events: unknown[] }> {
  const size = statSync(file).size;
  const manifest = Buffer.from(JSON.stringify([{ path, size }]));
  const query = new URLSearchParams({
    name: 'files.upload',
    input: JSON.stringify(input),
    manifest: String(manifest.byteLength),
  });
  const t0 = performance.now();
  const req = request(`${app.origin}/upload?${query}`, {
    method: 'POST',
    agent: false,
    headers: {
      Cookie: app.cookie,
      Origin: app.origin,
      'X-Porthole-Page': secret,
      'Content-Length': String(manifest.byteLength + size),
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  req.write(manifest);
  await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), req);
  const res = await answered;
  const parts: Buffer[] = [];
  for await (const b of res) parts.push(b as Buffer);
  const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { events?: unknown[] };
  if (res.statusCode !== 200 || !body.events) {
    throw new Error(`upload answered ${res.statusCode}: ${JSON.stringify(body)}`);
  }
  return { ms: performance.now() - t0, events: body.events };
}
