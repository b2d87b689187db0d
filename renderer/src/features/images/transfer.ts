import type { LayerProgress, PortholeError, TransferEvent } from '../../../../contract';

export type TransferVerb = 'Pull' | 'Push';

export interface TransferState {
  verb: TransferVerb;
  ref: string;
  phase: 'running' | 'done' | 'failed' | 'cancelled';
  layers: LayerProgress[];
  messages: string[];
  error?: PortholeError;
}

export function startTransfer(verb: TransferVerb, ref: string): TransferState {
  return { verb, ref, phase: 'running', layers: [], messages: [] };
}

/** Folds one stream event (or its end) into the transfer's state. */
export function reduceTransfer(
  state: TransferState,
  msg: { event: TransferEvent } | { end: PortholeError | undefined } | { cancel: true },
): TransferState {
  if ('cancel' in msg) return state.phase === 'running' ? { ...state, phase: 'cancelled' } : state;
  if ('end' in msg) {
    if (state.phase !== 'running') return state;
    return msg.end ? { ...state, phase: 'failed', error: msg.end } : { ...state, phase: 'done' };
  }
  const e = msg.event;
  if (e.kind === 'done') return { ...state, messages: e.messages, phase: 'done' };
  return { ...state, layers: e.layers, messages: e.messages };
}

/** Overall progress 0..1 from the layers whose sizes are known; undefined when none are. */
export function overallProgress(layers: LayerProgress[]): number | undefined {
  const sized = layers.filter((l) => l.total);
  if (sized.length === 0) return undefined;
  const total = sized.reduce((n, l) => n + l.total!, 0);
  const current = sized.reduce((n, l) => n + Math.min(l.current ?? 0, l.total!), 0);
  return total > 0 ? current / total : undefined;
}

/** "Pulling busybox:latest", the progressbar's name and the panel's heading. */
export function transferLabel(verb: TransferVerb, ref: string): string {
  return `${verb === 'Pull' ? 'Pulling' : 'Pushing'} ${ref}`;
}
