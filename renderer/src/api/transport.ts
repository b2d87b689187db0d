import type { PortClientFrame, PortFrame } from '../../../contract';

/** One call or stream's channel: frames out (cancel, control, acks, unsub) and a way to close. */
export interface PortHandle {
  post(frame: PortClientFrame): void;
  close(): void;
}

/**
 * What both transports offer: the preload bridge in Electron (a MessagePort per call or stream)
 * and web mode's WebSocket (frames tagged with an id). Frames are the contract's PortFrames.
 */
export interface Transport {
  call(name: string, input: unknown): { result: Promise<unknown>; cancel(): void };
  /** `resumable`: re-open after a transport reconnect (only for streams without effects). */
  subscribe(
    name: string,
    input: unknown,
    onFrame: (frame: PortFrame) => void,
    resumable?: boolean,
  ): PortHandle;
}

declare global {
  interface Window {
    porthole?: Transport;
  }
}
