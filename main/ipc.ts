import {
  IPC_CALL,
  IPC_SUBSCRIBE,
  invalidInput,
  type PortFrame,
  type ServerFrame,
} from '../contract';
import type { Router } from './router';
import { openConnection, type Connection } from './transport/connection';

export const APP_ORIGIN = 'app://porthole';

/** The parts of Electron's objects this transport uses: a stand-in serves the unit tests. */
export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}
export interface PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}
export interface SenderLike {
  id: number;
  once(event: 'destroyed', listener: () => void): void;
}
export interface IpcEventLike {
  senderFrame: FrameLike | null | undefined;
  sender: SenderLike;
  ports: PortLike[];
}
export interface IpcMainLike {
  on(channel: string, listener: (event: IpcEventLike, payload: unknown) => void): void;
}

/** Only our own top-level pages, loaded from our own protocol, may use the router. */
export function isTrustedFrame(frame: FrameLike | null | undefined): boolean {
  if (!frame || frame.parent) return false;
  try {
    // protocol + host, not `origin`: outside Electron a custom scheme's origin is "null".
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** What the renderer may post on a call's or a stream's port. */
const PORT_VERBS = new Set(['cancel', 'ctl', 'ack', 'unsub']);

/**
 * Electron transport: one connection per window (its webContents), one MessagePort per call or
 * stream. Frames on a port are the web-mode frames without the id (the port is the tag), so the
 * same connection code validates them. The sender is checked on every message; the window's
 * `destroyed` is listened to once, and aborts everything the window started.
 */
export function registerIpc(ipcMain: IpcMainLike, router: Router) {
  const windows = new Map<number, { connection: Connection; ports: Map<number, PortLike> }>();
  let nextId = 1;

  const windowOf = (sender: SenderLike) => {
    const known = windows.get(sender.id);
    if (known) return known;
    const ports = new Map<number, PortLike>();
    // No `buffered` measure: MessagePortMain has no bufferedAmount or drain event, and its
    // postMessage never refuses, so there is nothing to read how far the window is behind.
    // Lossy streams (stats, engine events) therefore never drop here; they are small and paced
    // by the engine (a stats sample a second per container in view). Everything that can be
    // large is a credit stream, bounded by the renderer's acks exactly as in web mode.
    const connection = openConnection(router, {
      send: (frame: ServerFrame) => {
        if (!('id' in frame)) return; // answered to the port at fault, below
        const port = ports.get(frame.id);
        if (!port) return;
        // The port is the tag: the frame goes without its id.
        const rest: Record<string, unknown> = { ...frame };
        delete rest.id;
        port.postMessage(rest as PortFrame);
        if (frame.t === 'result' || frame.t === 'end') {
          ports.delete(frame.id);
          port.close();
        }
      },
    });
    const entry = { connection, ports };
    windows.set(sender.id, entry);
    sender.once('destroyed', () => {
      windows.delete(sender.id);
      connection.close();
      for (const port of ports.values()) port.close();
      ports.clear();
    });
    return entry;
  };

  const serve = (kind: 'call' | 'sub') => (event: IpcEventLike, payload: unknown) => {
    const port = event.ports[0];
    if (!isTrustedFrame(event.senderFrame)) {
      event.ports.forEach((p) => p.close());
      return;
    }
    if (!port) return;
    const { connection, ports } = windowOf(event.sender);
    const id = nextId++;
    ports.set(id, port);
    port.on('message', ({ data }) => {
      const msg = data as { t?: unknown } | null;
      if (!msg || typeof msg !== 'object' || !PORT_VERBS.has(String(msg.t))) {
        const error = invalidInput('Malformed message on a Porthole port.');
        return port.postMessage({ t: 'error', error } satisfies PortFrame);
      }
      connection.receive({ ...msg, id });
    });
    port.on('close', () => {
      if (ports.delete(id)) connection.receive({ t: kind === 'sub' ? 'unsub' : 'cancel', id });
    });
    port.start();
    const { name, input } = (payload ?? {}) as { name?: unknown; input?: unknown };
    connection.receive({ t: kind, id, name, input });
  };

  ipcMain.on(IPC_CALL, serve('call'));
  ipcMain.on(IPC_SUBSCRIBE, serve('sub'));
}
