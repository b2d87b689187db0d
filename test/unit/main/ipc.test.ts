import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IPC_CALL, IPC_SUBSCRIBE } from '../../../contract';
import {
  registerIpc,
  type FrameLike,
  type IpcEventLike,
  type IpcMainLike,
  type PortLike,
} from '../../../main/ipc';
import { fakeRouter } from './fake-core';

/** Electron's MessagePortMain, as far as the transport uses it. */
class FakePort extends EventEmitter implements PortLike {
  posted: unknown[] = [];
  closed = false;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  start() {}
  close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
  }
  /** The renderer posting on its end. */
  fromRenderer(data: unknown) {
    this.emit('message', { data });
  }
}

class FakeSender extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
}

function fakeIpc() {
  const listeners = new Map<string, (event: IpcEventLike, payload: unknown) => void>();
  const ipcMain: IpcMainLike = { on: (channel, fn) => void listeners.set(channel, fn) };
  const trusted: FrameLike = { url: 'app://porthole/index.html#/containers', parent: null };
  const send = (
    channel: string,
    sender: FakeSender,
    payload: unknown,
    frame: FrameLike | null = trusted,
  ) => {
    const port = new FakePort();
    listeners.get(channel)!({ senderFrame: frame, sender, ports: [port] }, payload);
    return port;
  };
  return { ipcMain, send, trusted };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the Electron transport', () => {
  it('listens for a window going away once, however many streams it opens', () => {
    const { router, probe } = fakeRouter();
    const { ipcMain, send } = fakeIpc();
    registerIpc(ipcMain, router);
    const win = new FakeSender(1);
    const ports = Array.from({ length: 100 }, () =>
      send(IPC_SUBSCRIBE, win, { name: 'engines.status', input: {} }),
    );
    // The stats column re-subscribes on every scroll: closing ports must not leave listeners.
    ports.forEach((p) => p.close());
    expect(win.listenerCount('destroyed')).toBe(1);
    expect(probe.close).toHaveBeenCalledTimes(100);
  });

  it('a window going away ends every stream it started', () => {
    const { router, probe } = fakeRouter();
    const { ipcMain, send } = fakeIpc();
    registerIpc(ipcMain, router);
    const win = new FakeSender(2);
    const port = send(IPC_SUBSCRIBE, win, { name: 'engines.status', input: {} });
    win.emit('destroyed');
    expect(probe.sink!.closed).toBe(true);
    expect(port.closed).toBe(true);
  });

  it('answers a call on its port, then closes it', async () => {
    const { router } = fakeRouter({ 'engines.list': async () => [] });
    const { ipcMain, send } = fakeIpc();
    registerIpc(ipcMain, router);
    const port = send(IPC_CALL, new FakeSender(3), { name: 'engines.list', input: {} });
    await flush();
    expect(port.posted).toEqual([{ t: 'result', ok: true, value: [] }]);
    expect(port.closed).toBe(true);
  });

  it('carries control messages and acks on the stream’s own port', () => {
    const { router, probe } = fakeRouter();
    const { ipcMain, send } = fakeIpc();
    registerIpc(ipcMain, router);
    const input = { engineId: 'local', id: 'c', cols: 80, rows: 24 };
    const port = send(IPC_SUBSCRIBE, new FakeSender(4), { name: 'exec.session', input });
    port.fromRenderer({ t: 'ctl', msg: { kind: 'input', data: 'ls\r' } });
    expect(probe.control).toHaveBeenCalledWith({ kind: 'input', data: 'ls\r' });
    port.fromRenderer({ t: 'eval', code: 'x' });
    expect(port.posted.at(-1)).toMatchObject({ t: 'error' });
  });

  it('an upload chunk posted on the port reaches the stream as the same bytes', () => {
    const { router, probe } = fakeRouter();
    const { ipcMain, send } = fakeIpc();
    registerIpc(ipcMain, router);
    const port = send(IPC_SUBSCRIBE, new FakeSender(6), {
      name: 'images.load',
      input: { engineId: 'local' },
    });
    // What the preload posts (structured-cloned, no transfer list: see preload/index.ts).
    const data = Uint8Array.from({ length: 4096 }, (_, i) => i % 251);
    port.fromRenderer({ t: 'ctl', msg: { kind: 'chunk', data: structuredClone(data) } });
    expect(probe.control).toHaveBeenCalledTimes(1);
    const got = (probe.control.mock.calls[0]![0] as { data: Uint8Array }).data;
    expect(Buffer.from(got).equals(Buffer.from(data))).toBe(true);
  });

  it('a lossy stream is never dropped: MessagePortMain cannot tell how far behind a window is', () => {
    const { router, probe } = fakeRouter();
    const { ipcMain, send } = fakeIpc();
    registerIpc(ipcMain, router);
    const input = { engineId: 'local', ids: ['c'] };
    const port = send(IPC_SUBSCRIBE, new FakeSender(7), { name: 'containers.stats', input });
    // Far past any lossy window: with nothing to measure, every sample goes out, unacked.
    const sent = Array.from({ length: 2000 }, () => probe.sink!.next([]));
    expect(sent.every(Boolean)).toBe(true);
    expect(port.posted).toHaveLength(2000);
    expect(port.posted[0]).toEqual({ t: 'event', event: [] });
  });

  it('refuses senders that are not our own top-level page', () => {
    const { router, probe } = fakeRouter();
    const { ipcMain, send, trusted } = fakeIpc();
    registerIpc(ipcMain, router);
    const frames: (FrameLike | null)[] = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'app://porthole/index.html', parent: trusted },
      { url: 'file:///etc/passwd', parent: null },
    ];
    for (const frame of frames) {
      const port = send(
        IPC_SUBSCRIBE,
        new FakeSender(5),
        { name: 'engines.status', input: {} },
        frame,
      );
      expect(port.closed).toBe(true);
    }
    expect(probe.sink).toBeUndefined();
  });
});
