import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL, IPC_SUBSCRIBE } from '../contract/channels';

/**
 * Exactly two functions cross into the page. Everything is validated in main; the page only
 * gets a way to ask, never Node or Electron objects.
 */
contextBridge.exposeInMainWorld('porthole', {
  call: (name: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_CALL, name, input),
  subscribe: (name: string, input: unknown, onMessage: (msg: unknown) => void): (() => void) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (e: MessageEvent) => onMessage(e.data);
    ipcRenderer.postMessage(IPC_SUBSCRIBE, { name, input }, [port2]);
    return () => port1.close();
  },
});
