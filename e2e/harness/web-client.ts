import WebSocket from 'ws';
import type { AppHandle } from './app';

/** Trades the printed token for the session cookie, as a browser would. */
export async function sessionCookie(app: AppHandle): Promise<string> {
  const res = await fetch(app.url, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 302 || !setCookie) throw new Error(`token exchange failed: ${res.status}`);
  return setCookie.split(';')[0]!;
}

export interface RawClient {
  ws: WebSocket;
  send(msg: unknown): void;
  sendRaw(text: string): void;
  /** Resolves with the next message matching `pred`. */
  next(
    pred?: (msg: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  call(name: string, input: unknown): Promise<Record<string, unknown>>;
  close(): void;
}

export function openSocket(app: AppHandle, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${app.port}/ws`, { headers });
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
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as Record<string, unknown>;
    const i = waiters.findIndex((w) => w.pred(msg));
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
    else inbox.push(msg);
  });
  let nextId = 1000;
  const client: RawClient = {
    ws,
    send: (msg) => ws.send(JSON.stringify(msg)),
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
    close: () => ws.close(),
  };
  return client;
}
