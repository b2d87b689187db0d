import { request as httpRequest } from 'node:http';
import WebSocket, { type RawData } from 'ws';
import { PAGE_PROTOCOL_PREFIX, PAGE_SECRET_META, WS_PROTOCOL } from '../../contract/channels';
import { decodeFrame, encodeFrame, type ClientFrame } from '../../contract/wire';
import type { AppHandle } from './app';

/** The session cookie startApp got for this app ("name=value"). */
export async function sessionCookie(app: AppHandle): Promise<string> {
  if (!app.cookie) throw new Error('this app was started without redeeming its login URL');
  return app.cookie;
}

/** A page secret, as the app's page carries it for its WebSocket. */
export async function pageSecret(app: AppHandle, cookie = app.cookie): Promise<string> {
  const html = await (await fetch(`${app.origin}/`, { headers: { Cookie: cookie } })).text();
  // No page (refused: a wrong cookie) means no secret: the socket is then refused in turn.
  return new RegExp(`<meta name="${PAGE_SECRET_META}" content="([^"]+)">`).exec(html)?.[1] ?? '';
}

/**
 * One server frame as a test sees it: text frames parsed, binary frames decoded (their bytes
 * are back in `event.data` as a Uint8Array). What is neither is `{ t: 'undecodable' }`.
 */
export function parseMessage(data: RawData, isBinary: boolean): Record<string, unknown> {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  const frame = decodeFrame(isBinary ? new Uint8Array(buf) : buf.toString('utf8'));
  return frame && typeof frame === 'object'
    ? (frame as Record<string, unknown>)
    : { t: 'undecodable', bytes: buf.length };
}

export interface RawClient {
  ws: WebSocket;
  /** Sends a frame: as text, or binary when its `msg` carries `data` bytes. */
  send(msg: unknown): void;
  sendRaw(text: string): void;
  /** Resolves with the next message matching `pred`. */
  next(
    pred?: (msg: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  call(name: string, input: unknown): Promise<Record<string, unknown>>;
  /** Sees every frame as it arrives (matched by a waiter or not); returns the unsubscribe. */
  onFrame(listener: (msg: Record<string, unknown>) => void): () => void;
  close(): void;
}

/**
 * A raw WebSocket to the app. With a Cookie header and no `protocols`, it also shows a page
 * secret the way the renderer does; pass `protocols` to try other ones (or none).
 */
export async function openSocket(
  app: AppHandle,
  headers: Record<string, string>,
  protocols?: string[],
): Promise<WebSocket> {
  const offered =
    protocols ??
    (headers.Cookie
      ? [WS_PROTOCOL, `${PAGE_PROTOCOL_PREFIX}${await pageSecret(app, headers.Cookie)}`]
      : []);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${app.port}/ws`, offered, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export async function connectClient(app: AppHandle): Promise<RawClient> {
  const cookie = await sessionCookie(app);
  const ws = await openSocket(app, { Cookie: cookie, Origin: app.origin });
  const inbox: Record<string, unknown>[] = [];
  const waiters: {
    pred: (m: Record<string, unknown>) => boolean;
    resolve: (m: Record<string, unknown>) => void;
  }[] = [];
  const listeners = new Set<(msg: Record<string, unknown>) => void>();
  ws.on('message', (data, isBinary) => {
    const msg = parseMessage(data, isBinary);
    for (const l of listeners) l(msg);
    const i = waiters.findIndex((w) => w.pred(msg));
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
    else inbox.push(msg);
  });
  let nextId = 1000;
  const client: RawClient = {
    ws,
    // encodeFrame is plain JSON for an object without bytes (malformed test frames included).
    send: (msg) =>
      ws.send(
        msg && typeof msg === 'object' ? encodeFrame(msg as ClientFrame) : JSON.stringify(msg),
      ),
    sendRaw: (text) => ws.send(text),
    next(pred = () => true, timeoutMs = 10_000) {
      const i = inbox.findIndex(pred);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching message')), timeoutMs);
        waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    async call(name, input) {
      const id = nextId++;
      client.send({ t: 'call', id, name, input });
      return client.next((m) => m.t === 'result' && m.id === id);
    },
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => ws.close(),
  };
  return client;
}

/**
 * A raw POST /upload as a page's XHR sends one — every header the caller's to choose (Host,
 * Origin, Cookie, the page secret) — with `body`, led by a manifest of `files` when given.
 * Resolves with the status and the JSON answer (undefined when the answer is not JSON).
 */
export function httpUpload(
  app: AppHandle,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: { files?: { path: string; size: number }[]; bytes: Buffer; chunked?: boolean },
): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
  const lead = body.files ? Buffer.from(JSON.stringify(body.files)) : Buffer.alloc(0);
  const q = new URLSearchParams(query);
  if (body.files) q.set('manifest', String(lead.byteLength));
  const length = body.chunked
    ? { 'Transfer-Encoding': 'chunked' }
    : { 'Content-Length': String(lead.byteLength + body.bytes.byteLength) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${app.origin}/upload?${q}`,
      // A header given as '' is left out (no Origin at all, as a non-browser client sends).
      {
        method: 'POST',
        agent: false,
        headers: { ...length, ...Object.fromEntries(Object.entries(headers).filter(([, v]) => v)) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () => {
          let json: Record<string, unknown> | undefined;
          try {
            json = JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(Buffer.concat([lead, body.bytes]));
  });
}
