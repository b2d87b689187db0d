import {
  LIMITS,
  decodeFrame,
  encodeFrame,
  invalidInput,
  type ClientFrame,
  type PortClientFrame,
  type PortFrame,
  type PortholeError,
  type ServerFrame,
} from '../../../contract';
import { PAGE_PROTOCOL_PREFIX, PAGE_SECRET_META, WS_PROTOCOL } from '../../../contract/channels';
import type { PortHandle, Transport } from './transport';

interface Sub {
  name: string;
  input: unknown;
  onFrame: (frame: PortFrame) => void;
  resumable: boolean;
}

type Wire = string | Uint8Array<ArrayBuffer>;

interface PendingCall {
  /** The call's frame, encoded once: what the size check measured is what is sent. */
  wire: Wire;
  resolve: (frame: PortFrame) => void;
  /** On the wire: the server may have run it. Not sent: it still waits in the queue. */
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
}

/** Fired on window when the socket comes back after a drop: caches may have missed events. */
export const RECONNECTED_EVENT = 'porthole:reconnected';

/** A call waits this long for the socket to come back before it is reported not sent. */
export const QUEUE_MS = 10_000;

const failed = (error: PortholeError): PortFrame => ({ t: 'result', ok: false, error });
const NOT_SENT: PortholeError = {
  code: 'ENGINE_UNREACHABLE',
  message: 'Porthole is not reachable, so nothing was done.',
  hint: 'Check that Porthole is still running, then try again.',
};
const LOST_MIDWAY: PortholeError = {
  code: 'ENGINE_UNREACHABLE',
  message:
    'Lost the connection to Porthole before it answered: the action may or may not have happened.',
  hint: 'The lists refresh when the connection is back; check there before trying again.',
};
const LOST: PortholeError = {
  code: 'ENGINE_UNREACHABLE',
  message: 'Lost the connection to Porthole.',
};

/**
 * Web mode: one WebSocket to the loopback server (the session cookie rides along), reconnecting
 * with backoff. A call is delivered once or reported failed, never both: one made while the
 * socket is down waits in a queue and is either sent when it reopens or, after QUEUE_MS, taken
 * out of the queue and reported not sent. Resumable streams (engine status, engine events) are
 * re-opened; any other stream ends with an error instead of silently starting over.
 */
export class WebTransport implements Transport {
  private ws: WebSocket | undefined;
  private nextId = 1;
  private readonly calls = new Map<number, PendingCall>();
  private readonly subs = new Map<number, Sub>();
  private retry = 0;
  private openedOnce = false;

  constructor(private readonly url: string) {
    this.open();
  }

  private get isOpen() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  private open() {
    // The page secret the server wrote into this page: the cookie alone opens no socket.
    const secret = document
      .querySelector(`meta[name="${PAGE_SECRET_META}"]`)
      ?.getAttribute('content');
    const ws = new WebSocket(this.url, [WS_PROTOCOL, `${PAGE_PROTOCOL_PREFIX}${secret ?? ''}`]);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 0;
      if (this.openedOnce) window.dispatchEvent(new Event(RECONNECTED_EVENT));
      this.openedOnce = true;
      for (const [id, sub] of this.subs)
        this.write({ t: 'sub', id, name: sub.name, input: sub.input });
      for (const call of this.calls.values()) {
        if (call.sent) continue;
        call.sent = true;
        this.ws!.send(call.wire);
      }
    };
    ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) =>
      this.receive(decodeFrame(typeof e.data === 'string' ? e.data : new Uint8Array(e.data)));
    ws.onclose = () => {
      if (this.ws !== ws) return;
      for (const [id, call] of this.calls) {
        // Sent: the server may have run it, and says so. Queued: it keeps waiting.
        if (call.sent) this.settle(id, failed(LOST_MIDWAY));
      }
      for (const [id, sub] of this.subs) {
        if (sub.resumable) continue;
        this.subs.delete(id);
        sub.onFrame({ t: 'end', error: LOST });
      }
      const delay = Math.min(5000, 250 * 2 ** this.retry++);
      setTimeout(() => this.open(), delay);
    };
  }

  private write(frame: ClientFrame) {
    this.ws!.send(encodeFrame(frame) as Wire);
  }

  /** Over the server's frame limit the socket would be closed: refuse it here, with words. */
  private static tooLarge(wire: Wire): boolean {
    const bytes = typeof wire === 'string' ? new Blob([wire]).size : wire.byteLength;
    return bytes > LIMITS.frameBytes;
  }

  private settle(id: number, frame: PortFrame) {
    const call = this.calls.get(id);
    if (!call) return;
    this.calls.delete(id);
    clearTimeout(call.timer);
    call.resolve(frame);
  }

  private receive(raw: unknown) {
    if (!raw || typeof raw !== 'object') return;
    const frame = raw as ServerFrame;
    if (frame.t === 'error') {
      console.warn('Porthole refused a frame:', frame.error.message);
      return;
    }
    const { id, ...rest } = frame;
    if (frame.t === 'result') return this.settle(id, rest as PortFrame);
    const sub = this.subs.get(id);
    if (!sub) return;
    if (frame.t === 'end') this.subs.delete(id);
    sub.onFrame(rest as PortFrame);
  }

  call(name: string, input: unknown) {
    const id = this.nextId++;
    const wire = encodeFrame({ t: 'call', id, name, input }) as Wire;
    if (WebTransport.tooLarge(wire)) {
      const error = invalidInput(
        `This request is larger than ${LIMITS.frameBytes / 1024 / 1024} MiB, so it was not sent.`,
        'Send less at once (large files go as uploads).',
      );
      return { result: Promise.resolve(failed(error)), cancel: () => undefined };
    }
    const result = new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => {
        // Still queued after QUEUE_MS: take it out, so that it can never be sent later.
        if (!this.calls.get(id)?.sent) this.settle(id, failed(NOT_SENT));
      }, QUEUE_MS);
      const sent = this.isOpen;
      this.calls.set(id, { wire, resolve, sent, timer });
      if (sent) this.ws!.send(wire);
    });
    const cancel = () => {
      const call = this.calls.get(id);
      if (!call) return;
      if (call.sent && this.isOpen) this.write({ t: 'cancel', id });
      else this.settle(id, failed({ code: 'CANCELLED', message: 'Cancelled.' }));
    };
    return { result, cancel };
  }

  subscribe(
    name: string,
    input: unknown,
    onFrame: (frame: PortFrame) => void,
    resumable = false,
  ): PortHandle {
    const id = this.nextId++;
    this.subs.set(id, { name, input, onFrame, resumable });
    // Every (re)open sends all of `subs`: so send now only when open.
    if (this.isOpen) this.write({ t: 'sub', id, name, input });
    return {
      post: (frame: PortClientFrame) => {
        if (this.subs.has(id) && this.isOpen) this.write({ ...frame, id } as ClientFrame);
      },
      close: () => {
        if (this.subs.delete(id) && this.isOpen) this.write({ t: 'unsub', id });
      },
    };
  }
}
