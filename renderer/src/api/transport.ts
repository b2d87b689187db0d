import type { PortMessage, Result } from '../../../contract';

/** What both transports offer: the preload bridge in Electron, a WebSocket in web mode. */
export interface Transport {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** `resumable`: re-subscribe after a transport reconnect (only for streams without effects). */
  subscribe(
    name: string,
    input: unknown,
    onMessage: (msg: PortMessage) => void,
    resumable?: boolean,
  ): () => void;
}

declare global {
  interface Window {
    porthole?: Transport;
  }
}
