import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS, decodeFrame, encodeFrame, type PortholeError } from '../../contract';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../log';
import type { Router } from '../router';
import { openConnection } from '../transport/connection';
import {
  DOWNLOAD_PATH,
  PAGE_SECRET_HEADER,
  PAGE_SECRET_META,
  UPLOAD_PATH,
  WS_PROTOCOL,
} from '../../contract/channels';
import { parseDownloadRequest, sendDownload, statusFor } from '../transport/download';
import { contentDisposition, type DownloadTickets } from '../transport/tickets';
import { checkHost, checkOrigin, contentSecurityPolicy, parseCookies } from './security';
import { pageSecretFrom, TOKEN_TTL_MS, WebSessions } from './session';
import { resolveStatic, sendFile } from './static';
import { serveUpload } from './upload';

export interface WebServerOptions {
  router: Router;
  log: Logger;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port: number;
  /** Navigation-download tickets (issued by the `downloads.ticket` call on the same core). */
  tickets: DownloadTickets;
  /** How long a launch token stays good (at most, and by default, 60 s). */
  tokenTtlMs?: number;
  /** The core's clock: launch tokens expire by it. */
  clock?: Clock;
  /** The app's page is being served (a start, a reload, another tab): the core's warm(). */
  onPage?: () => void;
}

export interface WebServer {
  port: number;
  origin: string;
  /** A new single-use login URL (the printed line, the launch file, "press Enter"). */
  loginUrl(): string;
  close(): Promise<void>;
}

const HTML_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };

/**
 * Web mode: the same router as Electron's IPC, over one WebSocket, for a browser on this machine.
 * 127.0.0.1 only. A single-use, short-lived launch token is traded for an HttpOnly SameSite=Strict
 * cookie named after this instance; every page gets a page secret that the WebSocket must show;
 * Host and Origin are checked on every request and upgrade.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const clock = opts.clock ?? systemClock;
  const sessions = new WebSessions(
    () => clock.now(),
    Math.min(opts.tokenTtlMs ?? TOKEN_TTL_MS, TOKEN_TTL_MS),
  );
  let port = 0;
  const authed = (req: IncomingMessage) => sessions.isSession(parseCookies(req.headers.cookie));

  const deny = (res: ServerResponse, status: 401 | 403, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    };
    if (!checkHost(req.headers.host, port)) return deny(res, 403, 'Forbidden host.');
    // Only an upload writes; a page's fetch always names its Origin when it sends a body.
    const upload = url.pathname === UPLOAD_PATH && (req.method === 'POST' || req.method === 'PUT');
    if (!checkOrigin(req.headers.origin, port, upload)) return deny(res, 403, 'Forbidden origin.');
    if (!upload && req.method !== 'GET' && req.method !== 'HEAD') {
      return deny(res, 403, 'Read-only.');
    }
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sessions.redeem(offered)) {
        return deny(
          res,
          401,
          'This address was used already or is more than a minute old. Press Enter in the terminal where Porthole runs for a new one, or start Porthole again.',
        );
      }
      url.searchParams.delete('token');
      // The token leaves the address bar; the cookie carries the session from here on.
      res.writeHead(302, {
        ...headers,
        'Set-Cookie': sessions.cookieHeader(),
        Location: url.pathname + url.search,
      });
      return res.end();
    }
    if (!authed(req)) {
      return deny(res, 401, 'Open the address Porthole printed when it started (it has a token).');
    }
    if (url.pathname === DOWNLOAD_PATH && url.searchParams.has('ticket')) {
      // A navigation download: the ticket (asked for over the socket, single use, seconds
      // long) stands in for the page secret a navigation cannot send; the cookie is checked
      // above. It names its stream and input itself: nothing else may come with it.
      const ticket = opts.tickets.redeem(url.searchParams.get('ticket') ?? '');
      if (!ticket || req.method !== 'GET' || [...url.searchParams.keys()].length !== 1) {
        return deny(res, 401, 'This download link was used already or has expired.');
      }
      return void serveDownload(opts.router, ticket.stream, ticket.input, req, res, {
        ...headers,
        'Content-Disposition': contentDisposition(ticket.filename),
      });
    }
    if (url.pathname === DOWNLOAD_PATH || upload) {
      // Like the WebSocket: the cookie alone (sent for any page on 127.0.0.1) is not enough.
      const secret = req.headers[PAGE_SECRET_HEADER];
      if (!sessions.isPageSecret(typeof secret === 'string' ? secret : undefined)) {
        return deny(res, 401, 'Unauthorized.');
      }
      if (upload) return void serveUpload(opts.router, url, req, res, headers);
      const asked = parseDownloadRequest(url);
      if (!asked.ok) return failDownload(res, headers, 400, asked.error);
      return void serveDownload(opts.router, asked.name, asked.input, req, res, headers);
    }
    const file = resolveStatic(opts.staticDir, url.pathname);
    if (file && !file.endsWith('index.html')) return sendFile(res, file, headers);
    // The app's page (any route): with a page secret of its own, for its WebSocket.
    const page = resolveStatic(opts.staticDir, '/index.html');
    if (!page) return deny(res, 403, 'The renderer is not built: run `npm run build`.');
    if (req.method === 'GET') opts.onPage?.();
    const meta = `<meta name="${PAGE_SECRET_META}" content="${sessions.issuePageSecret()}">`;
    res.writeHead(200, { ...headers, ...HTML_HEADERS });
    res.end(readFileSync(page, 'utf8').replace('<head>', `<head>${meta}`));
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.frameBytes,
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const reject = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!checkHost(req.headers.host, port)) return reject(403, 'Forbidden');
    if (!checkOrigin(req.headers.origin, port, true)) return reject(403, 'Forbidden');
    // The cookie alone is not enough: any page on 127.0.0.1 makes the browser send it.
    if (!authed(req)) return reject(401, 'Unauthorized');
    if (!sessions.isPageSecret(pageSecretFrom(req.headers['sec-websocket-protocol']))) {
      return reject(401, 'Unauthorized');
    }
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/ws') {
      return reject(404, 'Not Found');
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts.router, opts.log));
  });

  // Node cuts off a request still arriving after 5 minutes: a large upload may take longer (its
  // headers still have to come within headersTimeout).
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    loginUrl: () => `${origin}/?token=${sessions.issueToken()}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function failDownload(
  res: ServerResponse,
  headers: Record<string, string>,
  status: number,
  error: PortholeError,
) {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(error));
}

/**
 * GET /download (`?name=STREAM&input=JSON` with the page secret, or `?ticket=…`): a download
 * stream (contract `download: true`) as the response body, under the same router, validation
 * and back-pressure as on the socket.
 */
async function serveDownload(
  router: Router,
  name: string,
  input: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
) {
  const life = new AbortController();
  req.once('close', () => life.abort());
  const ctx = { connectionId: randomUUID(), signal: life.signal };
  const r = await sendDownload(router, ctx, name, input, res, () =>
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'no-store',
    }),
  );
  if (r.ok) return;
  // Before the first byte the error is the answer; after it, the file is cut off as broken.
  if (!r.started) failDownload(res, headers, statusFor(r.error), r.error);
  else res.destroy();
}

const CLOSE_REASONS: Record<number, string> = {
  1009: `A message was larger than ${LIMITS.frameBytes / 1024 / 1024} MiB; large data goes as a stream.`,
  1002: 'A message was not a valid WebSocket frame.',
  1007: 'A message was not valid UTF-8.',
};

/**
 * One socket = one connection. Frames are decoded here and handed on; a frame the socket layer
 * refuses (over the limit, broken framing) closes this socket with a reason — the process and
 * every other socket carry on.
 */
function serveSocket(ws: WebSocket, router: Router, log: Logger) {
  // ws closes an over-limit socket with 1009 and no words; give the client the reason too.
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) =>
    close(code, reason ?? CLOSE_REASONS[code ?? 0]);
  const connection = openConnection(router, {
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeFrame(frame));
    },
    buffered: () => ws.bufferedAmount,
  });
  ws.on('message', (data: Buffer, isBinary) => {
    // A view on ws's buffer, not a copy of it (`new Uint8Array(buffer)` copies: 200 MB of
    // upload chunks were copied once more on arrival).
    const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    connection.receive(decodeFrame(bytes ?? data.toString('utf8')));
  });
  ws.on('error', (err: Error & { code?: string }) => {
    // ws has already closed the socket with 1009 (too big) or 1002 (bad framing) and the
    // reason; all that is left is to say so without taking the process down.
    log.info(`web socket closed: ${err.code ?? ''} ${err.message}`);
  });
  ws.on('close', () => connection.close());
}
