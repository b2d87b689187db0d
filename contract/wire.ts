import { z } from 'zod';
import { PortholeError } from './errors';

/**
 * Web-mode messages over the one WebSocket. Electron uses ipcRenderer.invoke and MessagePorts
 * instead, but both end in the same router.call / router.subscribe.
 */
const RequestId = z.number().int().nonnegative();

export const ClientMessage = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('call'), id: RequestId, name: z.string(), input: z.unknown() }),
  z.strictObject({ t: z.literal('sub'), id: RequestId, name: z.string(), input: z.unknown() }),
  z.strictObject({ t: z.literal('unsub'), id: RequestId }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: PortholeError }
  | { t: 'event'; id: number; event: unknown }
  | { t: 'end'; id: number; error?: PortholeError }
  /** A message that could not even be attributed to a request. */
  | { t: 'error'; error: PortholeError };

/** Stream messages on an Electron MessagePort: the same shapes minus the id. */
export type PortMessage = { t: 'event'; event: unknown } | { t: 'end'; error?: PortholeError };
