import { randomUUID } from 'node:crypto';
import {
  ClientFrame,
  describeIssues,
  invalidInput,
  type PortholeError,
  type ServerFrame,
} from '../../contract';
import { cancelledError } from '../engine/errors';
import type { Ctx, OpenStream, Router } from '../router';
import { linkedController } from './linked-abort';

export interface ConnectionOptions {
  /** Writes one frame to the client. */
  send(frame: ServerFrame): void;
  /** Bytes the transport has queued for the client (lossy streams drop above their window). */
  buffered?(): number;
}

export interface Connection {
  readonly id: string;
  /** Aborted when the connection closes. Calls hold a listener on it only while in flight. */
  readonly signal: AbortSignal;
  /** One frame from the client, not yet validated. */
  receive(raw: unknown): void;
  /** The window or socket went away: abort every call and stream it started. */
  close(): void;
}

/**
 * The part both transports share: one per window (Electron) or socket (web mode). Frames are
 * validated here, calls and streams are tracked by id, and one AbortController per connection
 * ends everything the connection started when it goes — one listener, not one per stream.
 * A call is answered exactly once: its result, or CANCELLED when it was cancelled first.
 */
export function openConnection(router: Router, opts: ConnectionOptions): Connection {
  const id = randomUUID();
  const life = new AbortController();
  const calls = new Map<number, AbortController>();
  const open = new Map<number, OpenStream>();
  const buffered = opts.buffered ?? (() => 0);
  const send = (frame: ServerFrame) => {
    if (!life.signal.aborted) opts.send(frame);
  };
  const reject = (error: PortholeError) => send({ t: 'error', error });

  const startCall = (callId: number, name: string, input: unknown) => {
    if (calls.has(callId) || open.has(callId)) {
      return send({
        t: 'result',
        id: callId,
        ok: false,
        error: invalidInput('Request id in use.'),
      });
    }
    // Aborted by a cancel or by the connection closing; its listener on the connection goes
    // when the call settles, so a long-lived socket does not collect one per call.
    const { controller, release } = linkedController(life.signal);
    calls.set(callId, controller);
    const ctx: Ctx = { connectionId: id, signal: controller.signal };
    void router.call(ctx, name, input).then((result) => {
      release();
      if (calls.get(callId) !== controller) return; // cancelled: already answered
      calls.delete(callId);
      send({ t: 'result', id: callId, ...result });
    });
  };

  const startStream = (streamId: number, name: string, input: unknown) => {
    if (calls.has(streamId) || open.has(streamId)) {
      return send({ t: 'end', id: streamId, error: invalidInput('Stream id in use.') });
    }
    let ended = false;
    const r = router.open({ connectionId: id, signal: life.signal }, name, input, {
      event: (event, cost) =>
        send(
          cost ? { t: 'event', id: streamId, event, n: cost } : { t: 'event', id: streamId, event },
        ),
      end: (error) => {
        ended = true;
        open.delete(streamId);
        send(error ? { t: 'end', id: streamId, error } : { t: 'end', id: streamId });
      },
      buffered,
    });
    if (!r.ok) return send({ t: 'end', id: streamId, error: r.error });
    // The handler may have ended the stream already (a synchronous failure).
    if (ended || life.signal.aborted) return;
    open.set(streamId, r.value);
  };

  /** A frame naming a stream this connection does not own is refused, never looked up elsewhere. */
  const own = (streamId: number): OpenStream | undefined => {
    const s = open.get(streamId);
    if (!s) reject(invalidInput(`No open stream ${streamId} on this connection.`));
    return s;
  };

  return {
    id,
    signal: life.signal,
    receive(raw) {
      if (life.signal.aborted) return;
      const parsed = ClientFrame.safeParse(raw);
      if (!parsed.success) {
        const reason = raw === undefined ? 'not JSON' : describeIssues(parsed.error);
        return reject(invalidInput(`Malformed message: ${reason}`));
      }
      const f = parsed.data;
      switch (f.t) {
        case 'call':
          return startCall(f.id, f.name, f.input);
        case 'cancel': {
          const c = calls.get(f.id);
          if (!c) return; // answered already: nothing to cancel
          calls.delete(f.id);
          c.abort();
          return send({ t: 'result', id: f.id, ok: false, error: cancelledError() });
        }
        case 'sub':
          return startStream(f.id, f.name, f.input);
        case 'ctl':
          return own(f.id)?.control(f.msg);
        case 'ack':
          return own(f.id)?.ack(f.n);
        case 'unsub': {
          const s = open.get(f.id);
          open.delete(f.id);
          return s?.close();
        }
      }
    },
    close() {
      if (life.signal.aborted) return;
      life.abort();
      for (const s of open.values()) s.close();
      open.clear();
      calls.clear();
    },
  };
}
