import {
  calls,
  describeIssues,
  streams,
  type CallInput,
  type CallName,
  type CallOutput,
  type ErrorCode,
  type PortFrame,
  type PortholeError,
  type StreamControl,
  type StreamEvent,
  type StreamInput,
  type StreamName,
} from '../../../contract';
import { DOWNLOAD_PATH, PAGE_SECRET_HEADER, PAGE_SECRET_META } from '../../../contract/channels';
import { parseOrReport, type SchemaFailures } from './schema-failures';
import type { Transport } from './transport';
import { WebTransport } from './web-transport';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  constructor(error: PortholeError) {
    super(error.message);
    this.code = error.code;
    this.hint = error.hint;
  }
}

let transport: Transport | undefined;

/** The Electron bridge when the preload exposed one; otherwise web mode's WebSocket. */
function getTransport(): Transport {
  if (!transport) {
    const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    transport = window.porthole ?? new WebTransport(wsUrl);
  }
  return transport;
}

const schemaFailures: SchemaFailures = { count: 0 };
// globalThis, not window: unit tests (node) import modules that import this one.
(globalThis as unknown as { __portholeSchemaFailures: SchemaFailures }).__portholeSchemaFailures =
  schemaFailures;

/** A call; `signal` cancels it (main aborts the engine request it started). */
export async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
  opts: { signal?: AbortSignal } = {},
): Promise<CallOutput<N>> {
  const { result, cancel } = getTransport().call(name, input);
  opts.signal?.addEventListener('abort', cancel, { once: true });
  const frame = (await result) as PortFrame;
  opts.signal?.removeEventListener('abort', cancel);
  if (frame.t !== 'result')
    throw new ApiError({ code: 'INTERNAL', message: `No answer to ${name}.` });
  if (!frame.ok) throw new ApiError(frame.error);
  const parsed = parseOrReport(
    calls[name].output,
    frame.value,
    `the answer to ${name}`,
    schemaFailures,
  );
  if (!parsed.ok) {
    // E.g. a value over a bound of contract/limits.ts (OUT): say which, never crash.
    throw new ApiError({
      code: 'INTERNAL',
      message: `Unexpected answer to ${name}: ${describeIssues(parsed.error)}`,
    });
  }
  return parsed.data as CallOutput<N>;
}

/** Streams that only observe: safe to re-open after the web-mode socket reconnects. */
const RESUMABLE: ReadonlySet<StreamName> = new Set<StreamName>(['engines.status', 'engine.events']);

/** An open stream: control messages and acknowledgements travel on it; close() ends it. */
export interface Stream<N extends StreamName> {
  control(msg: StreamControl<N>): void;
  /** Credit back to main: what the consumer has now rendered or written. */
  ack(n: number): void;
  close(): void;
}

export interface SubscribeOptions {
  /**
   * The consumer acknowledges each event's cost itself (after xterm wrote it; the log view at
   * the next frame). Otherwise every event is acknowledged once its handler returned.
   */
  manualAck?: boolean;
}

export function subscribe<N extends StreamName>(
  name: N,
  input: StreamInput<N>,
  onEvent: (event: StreamEvent<N>, cost: number) => void,
  onEnd?: (error?: PortholeError) => void,
  opts: SubscribeOptions = {},
): Stream<N> {
  let done = false;
  const port = getTransport().subscribe(
    name,
    input,
    (frame) => {
      if (done) return;
      if (frame.t === 'end') {
        done = true;
        return onEnd?.(frame.error);
      }
      if (frame.t !== 'event') return;
      const cost = frame.n ?? 0;
      const what = `an event of ${name}`;
      const parsed = parseOrReport(streams[name].event, frame.event, what, schemaFailures);
      if (parsed.ok) onEvent(parsed.data as StreamEvent<N>, cost);
      // A dropped event is still credit the consumer will never ack itself.
      if (cost && (!opts.manualAck || !parsed.ok)) port.post({ t: 'ack', n: cost });
    },
    RESUMABLE.has(name),
  );
  return {
    control: (msg) => !done && port.post({ t: 'ctl', msg }),
    ack: (n) => !done && n > 0 && port.post({ t: 'ack', n }),
    close: () => {
      done = true;
      port.close();
    },
  };
}

/**
 * A download stream fetched as one response body — HTTP in web mode, the app:// protocol in
 * Electron — so that the browser streams it into a Blob without a message per chunk. The same
 * router stream, validation and back-pressure as on the socket. `onBytes` reports progress.
 */
export async function download<N extends StreamName>(
  name: N,
  input: StreamInput<N>,
  opts: { signal?: AbortSignal; onBytes?: (bytes: number) => void; type?: string } = {},
): Promise<Blob> {
  const query = new URLSearchParams({ name, input: JSON.stringify(input) });
  const base = window.porthole ? 'app://porthole' : '';
  const secret = document
    .querySelector(`meta[name="${PAGE_SECRET_META}"]`)
    ?.getAttribute('content');
  const res = await fetch(`${base}${DOWNLOAD_PATH}?${query}`, {
    headers: secret ? { [PAGE_SECRET_HEADER]: secret } : {},
    signal: opts.signal ?? null,
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as PortholeError | undefined;
    throw new ApiError(
      body?.code ? body : { code: 'INTERNAL', message: `${name}: HTTP ${res.status}` },
    );
  }
  if (!res.body || !opts.onBytes) return res.blob();
  // Counting on the way through: the chunks pass by reference, nothing is copied or kept.
  let bytes = 0;
  const onBytes = opts.onBytes;
  const counted = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        onBytes(bytes);
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, {
    headers: { 'Content-Type': opts.type ?? 'application/octet-stream' },
  }).blob();
}
