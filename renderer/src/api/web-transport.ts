import type { PortMessage, Result, ServerMessage } from '../../../contract';
import type { Transport } from './transport';

interface Sub {
  name: string;
  input: unknown;
  onMessage: (msg: PortMessage) => void;
  resumable: boolean;
}

/** Fired on window when the socket comes back after a drop: caches may have missed events. */
export const RECONNECTED_EVENT = 'porthole:reconnected';

const LOST = { code: 'ENGINE_UNREACHABLE', message: 'Lost the connection to Porthole.' } as const;

/**
 * Web mode: one WebSocket to the loopback server (the session cookie rides along). Reconnects
 * with backoff. Resumable streams (engine status, engine events) are re-subscribed; any other
 * stream (a pull, a build, a log download) ends with an error instead of silently starting over.
 */
export class WebTransport implements Transport {
  private ws: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private readonly subs = new Map<number, Sub>();
  private queue: string[] = [];
  private retry = 0;
  private openedOnce = false;

  constructor(private readonly url: string) {
    this.open();
  }

  private open() {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 0;
      if (this.openedOnce) window.dispatchEvent(new Event(RECONNECTED_EVENT));
      this.openedOnce = true;
      for (const [id, sub] of this.subs) {
        ws.send(JSON.stringify({ t: 'sub', id, name: sub.name, input: sub.input }));
      }
      for (const msg of this.queue) ws.send(msg);
      this.queue = [];
    };
    ws.onmessage = (e: MessageEvent<string>) => this.receive(e.data);
    ws.onclose = () => {
      for (const resolve of this.pending.values()) resolve({ ok: false, error: LOST });
      this.pending.clear();
      for (const [id, sub] of this.subs) {
        if (sub.resumable) continue;
        this.subs.delete(id);
        sub.onMessage({ t: 'end', error: LOST });
      }
      const delay = Math.min(5000, 250 * 2 ** this.retry++);
      setTimeout(() => this.open(), delay);
    };
  }

  /** Calls wait in a queue while the socket (re)opens. */
  private send(msg: object) {
    const text = JSON.stringify(msg);
    if (this.isOpen) this.ws!.send(text);
    else this.queue.push(text);
  }

  private receive(text: string) {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    if (msg.t === 'result') {
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.ok ? { ok: true, value: msg.value } : { ok: false, error: msg.error });
    } else if (msg.t === 'event') {
      this.subs.get(msg.id)?.onMessage({ t: 'event', event: msg.event });
    } else if (msg.t === 'end') {
      const sub = this.subs.get(msg.id);
      this.subs.delete(msg.id);
      sub?.onMessage(msg.error ? { t: 'end', error: msg.error } : { t: 'end' });
    }
  }

  call(name: string, input: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ t: 'call', id, name, input });
    });
  }

  private get isOpen() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /**
   * Subscriptions live in `subs`; every (re)open sends them all. So a sub is sent now only when
   * open, and an unsub only when the server could have seen the sub.
   */
  subscribe(
    name: string,
    input: unknown,
    onMessage: (msg: PortMessage) => void,
    resumable = false,
  ): () => void {
    const id = this.nextId++;
    this.subs.set(id, { name, input, onMessage, resumable });
    if (this.isOpen) this.send({ t: 'sub', id, name, input });
    return () => {
      if (this.subs.delete(id) && this.isOpen) this.send({ t: 'unsub', id });
    };
  }
}
