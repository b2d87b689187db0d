import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientMessage, describeIssues, invalidInput, type ServerMessage } from '../../contract';
import type { Router, Subscription } from '../router';
import {
  SESSION_COOKIE,
  checkHost,
  checkOrigin,
  contentSecurityPolicy,
  newSecret,
  parseCookies,
  sameSecret,
} from './security';
import { resolveStatic, sendFile } from './static';

export interface WebServerOptions {
  router: Router;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port: number;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Web mode: the same router as Electron's IPC, over one WebSocket, for a browser on this machine.
 * 127.0.0.1 only; a per-launch token in the printed URL is traded for an HttpOnly SameSite=Strict
 * cookie; Host and Origin are checked on every request and upgrade.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = newSecret();
  const session = newSecret();
  let port = 0;

  const authed = (req: IncomingMessage) =>
    sameSecret(parseCookies(req.headers.cookie)[SESSION_COOKIE], session);

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
    if (!checkOrigin(req.headers.origin, port, false)) return deny(res, 403, 'Forbidden origin.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 403, 'Read-only.');
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sameSecret(offered, token)) return deny(res, 401, 'Wrong token.');
      url.searchParams.delete('token');
      // The token leaves the address bar; the cookie carries the session from here on.
      res.writeHead(302, {
        ...headers,
        'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      return res.end();
    }
    if (!authed(req)) {
      return deny(res, 401, 'Open the address Porthole printed when it started (it has a token).');
    }
    const file =
      resolveStatic(opts.staticDir, url.pathname) ?? resolveStatic(opts.staticDir, '/index.html');
    if (!file) return deny(res, 403, 'The renderer is not built: run `npm run build`.');
    sendFile(res, file, headers);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const reject = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!checkHost(req.headers.host, port)) return reject(403, 'Forbidden');
    if (!checkOrigin(req.headers.origin, port, true)) return reject(403, 'Forbidden');
    if (!authed(req)) return reject(401, 'Unauthorized');
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/ws') {
      return reject(404, 'Not Found');
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts.router));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveSocket(ws: WebSocket, router: Router) {
  const subs = new Map<number, Subscription>();
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };

  ws.on('message', (data, isBinary) => {
    let raw: unknown;
    try {
      raw = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      raw = undefined;
    }
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) {
      const reason = raw === undefined ? 'not JSON' : describeIssues(parsed.error);
      return send({ t: 'error', error: invalidInput(`Malformed message: ${reason}`) });
    }
    const msg = parsed.data;
    switch (msg.t) {
      case 'call':
        void router.call(msg.name, msg.input).then((r) => send({ t: 'result', id: msg.id, ...r }));
        return;
      case 'sub': {
        if (subs.has(msg.id)) {
          return send({ t: 'end', id: msg.id, error: invalidInput('Subscription id in use.') });
        }
        const r = router.subscribe(
          msg.name,
          msg.input,
          (event) => send({ t: 'event', id: msg.id, event }),
          (error) => {
            subs.delete(msg.id);
            send(error ? { t: 'end', id: msg.id, error } : { t: 'end', id: msg.id });
          },
        );
        if (r.ok) subs.set(msg.id, r.value);
        else send({ t: 'end', id: msg.id, error: r.error });
        return;
      }
      case 'unsub':
        subs.get(msg.id)?.unsubscribe();
        subs.delete(msg.id);
        return;
    }
  });

  ws.on('close', () => {
    for (const sub of subs.values()) sub.unsubscribe();
    subs.clear();
  });
}
