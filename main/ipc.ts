import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { IPC_CALL, IPC_SUBSCRIBE, invalidInput, type PortMessage } from '../contract';
import type { Router } from './router';

export const APP_ORIGIN = 'app://porthole';

/** Only our own pages, loaded from our own protocol, may call the router. */
export function isTrustedFrame(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * The one registrar for IPC: checks the sender before anything else. Bare ipcMain.handle/on is
 * banned by lint outside this file.
 */
function handle(
  channel: string,
  fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
) {
  ipcMain.handle(channel, (event, ...args) => {
    if (!isTrustedFrame(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
    }
    return fn(event, ...args);
  });
}

function on(channel: string, fn: (event: IpcMainEvent, payload: unknown) => void) {
  ipcMain.on(channel, (event, payload: unknown) => {
    if (!isTrustedFrame(event.senderFrame)) {
      event.ports.forEach((p) => p.close());
      return;
    }
    fn(event, payload);
  });
}

/** Electron transport: invoke for calls, a MessagePort per stream (closed = unsubscribed). */
export function registerIpc(router: Router) {
  handle(IPC_CALL, (_event, name, input) => router.call(name, input));

  on(IPC_SUBSCRIBE, (event, payload) => {
    const port = event.ports[0];
    if (!port) return;
    const post = (msg: PortMessage) => port.postMessage(msg);
    const { name, input } = (payload ?? {}) as { name?: unknown; input?: unknown };
    const r = router.subscribe(
      name,
      input,
      (e) => post({ t: 'event', event: e }),
      (error) => {
        post(error ? { t: 'end', error } : { t: 'end' });
        port.close();
      },
    );
    if (!r.ok) {
      post({ t: 'end', error: r.error ?? invalidInput('Bad subscription.') });
      port.close();
      return;
    }
    const sub = r.value;
    port.on('close', () => sub.unsubscribe());
    event.sender.once('destroyed', () => sub.unsubscribe());
    port.start();
  });
}
