import {
  calls,
  streams,
  type CallInput,
  type CallName,
  type CallOutput,
  type ErrorCode,
  type PortholeError,
  type StreamEvent,
  type StreamInput,
  type StreamName,
} from '../../../contract';
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

export async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const result = await getTransport().call(name, input);
  if (!result.ok) throw new ApiError(result.error);
  const parsed = calls[name].output.safeParse(result.value);
  if (!parsed.success) {
    throw new ApiError({ code: 'INTERNAL', message: `Unexpected answer to ${name}.` });
  }
  return parsed.data as CallOutput<N>;
}

/** Streams that only observe: safe to re-open after the web-mode socket reconnects. */
const RESUMABLE: ReadonlySet<StreamName> = new Set<StreamName>(['engines.status', 'engine.events']);

export function subscribe<N extends StreamName>(
  name: N,
  input: StreamInput<N>,
  onEvent: (event: StreamEvent<N>) => void,
  onEnd?: (error?: PortholeError) => void,
): () => void {
  return getTransport().subscribe(
    name,
    input,
    (msg) => {
      if (msg.t === 'end') return onEnd?.(msg.error);
      const parsed = streams[name].event.safeParse(msg.event);
      if (parsed.success) onEvent(parsed.data as StreamEvent<N>);
    },
    RESUMABLE.has(name),
  );
}
