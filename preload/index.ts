import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL, IPC_SUBSCRIBE } from '../contract/channels';

/**
 * Exactly two functions cross into the page. Each call and each stream gets a MessagePort of its
 * own: the answer, the events and the stream's control messages (input, resize, acks) all travel
 * on it. Everything is validated in main; the page never gets Node or Electron objects.
 */
function open(channel: string, name: string, input: unknown, onFrame: (frame: unknown) => void) {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = (e: MessageEvent) => onFrame(e.data);
  ipcRenderer.postMessage(channel, { name, input }, [port2]);
  return {
    // No transfer list for the byte frames (upload chunks), on purpose: a renderer MessagePort
    // that transfers an ArrayBuffer to main's MessagePortMain delivers the message with its data
    // lost (electron/electron#34905, open; MessagePortMain itself transfers only ports). The
    // chunk was already copied once by contextBridge on its way here, so the structured clone
    // is one more copy of at most LIMITS.chunkBytes, not a detach of the page's buffer.
    post: (frame: unknown) => port1.postMessage(frame),
    close: () => port1.close(),
  };
}

contextBridge.exposeInMainWorld('porthole', {
  call: (name: string, input: unknown) => {
    let port: ReturnType<typeof open> | undefined;
    const result = new Promise((resolve) => {
      port = open(IPC_CALL, name, input, (frame) => {
        resolve(frame);
        port?.close();
      });
    });
    return { result, cancel: () => port?.post({ t: 'cancel' }) };
  },
  subscribe: (name: string, input: unknown, onFrame: (frame: unknown) => void) =>
    open(IPC_SUBSCRIBE, name, input, onFrame),
});
