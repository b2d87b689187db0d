import { z } from 'zod';
import { PortholeError } from './errors';
import { LIMITS } from './limits';
import { lazy } from './lazy';

/**
 * The one frame protocol of the boundary. Web mode sends these over its WebSocket (tagged with
 * the call or stream id); Electron sends the same frames over one MessagePort per call or
 * stream, where the port is the tag. Both end in main/transport/connection.ts.
 */
const Id = lazy(() => z.number().int().nonnegative().max(LIMITS.maxId));
const Name = lazy(() => z.string().max(128));

export const ClientFrame = lazy(() =>
  z.discriminatedUnion('t', [
    z.strictObject({ t: z.literal('call'), id: Id, name: Name, input: z.unknown() }),
    /** Abort a call in flight (its engine request too); answered with a CANCELLED result. */
    z.strictObject({ t: z.literal('cancel'), id: Id }),
    z.strictObject({ t: z.literal('sub'), id: Id, name: Name, input: z.unknown() }),
    /** A control message on one of this connection's streams (validated by that stream). */
    z.strictObject({ t: z.literal('ctl'), id: Id, msg: z.unknown() }),
    /** Credit: the client has taken in `n` more of the stream's cost. */
    z.strictObject({ t: z.literal('ack'), id: Id, n: z.number().int().min(0).max(LIMITS.maxAck) }),
    z.strictObject({ t: z.literal('unsub'), id: Id }),
  ]),
);
export type ClientFrame = z.infer<typeof ClientFrame>;

export type ServerFrame =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: PortholeError }
  /** `n`: what this event costs in credit, to be acknowledged (absent = free). */
  | { t: 'event'; id: number; event: unknown; n?: number }
  | { t: 'end'; id: number; error?: PortholeError }
  /** A frame that could not be attributed to a call or stream of this connection. */
  | { t: 'error'; error: PortholeError };

/** Electron's per-call/per-stream port carries the same frames without the id. */
type WithoutId<F> = F extends { id: number } ? Omit<F, 'id'> : F;
export type PortFrame = WithoutId<ServerFrame>;
export type PortClientFrame = WithoutId<ClientFrame>;

/**
 * Binary frames: [u32 big-endian header length][header JSON][payload]. The header is an
 * ordinary frame whose `event` (server) or `msg` (client) lacks its `data`; the payload is that
 * `data`, as bytes. Nothing is base64.
 */
const enc = new TextEncoder();
const dec = new TextDecoder();

type WithData = { data?: unknown };

/** The frame's payload when it carries bytes (event.data / msg.data). */
function payloadOf(frame: object): Uint8Array | undefined {
  const body = ('event' in frame ? frame.event : 'msg' in frame ? frame.msg : undefined) as
    WithData | undefined;
  return body && typeof body === 'object' && body.data instanceof Uint8Array
    ? body.data
    : undefined;
}

/** A frame as the WebSocket sends it: text, or binary when it carries bytes. */
export function encodeFrame(frame: ServerFrame | ClientFrame): string | Uint8Array {
  const payload = payloadOf(frame);
  if (!payload) return JSON.stringify(frame);
  const key = 'event' in frame ? 'event' : 'msg';
  const body = { ...(frame as unknown as Record<string, WithData>)[key] };
  delete body.data;
  const header = enc.encode(JSON.stringify({ ...frame, [key]: body }));
  const out = new Uint8Array(4 + header.length + payload.byteLength);
  new DataView(out.buffer).setUint32(0, header.length);
  out.set(header, 4);
  out.set(payload, 4 + header.length);
  return out;
}

/** The inverse of encodeFrame; undefined when the bytes are not a frame (never throws). */
export function decodeFrame(data: string | Uint8Array): unknown {
  try {
    if (typeof data === 'string') return JSON.parse(data) as unknown;
    if (data.byteLength < 4) return undefined;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const len = view.getUint32(0);
    if (4 + len > data.byteLength) return undefined;
    const header = JSON.parse(dec.decode(data.subarray(4, 4 + len))) as Record<string, unknown>;
    const key = 'event' in header ? 'event' : 'msg' in header ? 'msg' : undefined;
    const body = key ? header[key] : undefined;
    if (!key || !body || typeof body !== 'object') return undefined;
    (body as WithData).data = data.subarray(4 + len);
    return header;
  } catch {
    return undefined;
  }
}
