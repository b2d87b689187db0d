import type { LayerProgress, PortholeError, TransferEvent } from '../../../../contract';

export type TransferVerb = 'Pull' | 'Push';

export interface TransferState {
  verb: TransferVerb;
  ref: string;
  /** The engine it runs on when that is not the screen's (a row's, in All engines). */
  on?: string;
  phase: 'running' | 'done' | 'failed' | 'cancelled';
  layers: LayerProgress[];
  messages: string[];
  error?: PortholeError;
}

export function startTransfer(verb: TransferVerb, ref: string, on?: string): TransferState {
  return { verb, ref, ...(on ? { on } : {}), phase: 'running', layers: [], messages: [] };
}

/** Folds one stream event (or its end) into the transfer's state. */
export function reduceTransfer(
  state: TransferState,
  msg: { event: TransferEvent } | { end: PortholeError | undefined } | { cancel: true },
): TransferState {
  if ('cancel' in msg) {
    if (state.phase !== 'running') return state;
    return { ...state, phase: 'cancelled', layers: stopLayers(state.layers, 'Cancelled') };
  }
  if ('end' in msg) {
    if (state.phase !== 'running') return state;
    if (!msg.end) return { ...state, phase: 'done' };
    return {
      ...state,
      phase: 'failed',
      error: msg.end,
      layers: stopLayers(state.layers, 'Stopped'),
    };
  }
  const e = msg.event;
  if (e.kind === 'done') return { ...state, messages: e.messages, phase: 'done' };
  return { ...state, layers: e.layers, messages: e.messages };
}

/** Layers that had finished, or were there already, keep their status. */
const FINISHED = /complete|exists|Pushed|Mounted from/i;

/**
 * A transfer that ended early: a layer still "Downloading" or "Retrying in 1 second" would
 * claim something is happening. It keeps its bytes and says it stopped.
 */
function stopLayers(layers: LayerProgress[], status: string): LayerProgress[] {
  return layers.map((l) => (FINISHED.test(l.status) ? l : { ...l, status }));
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
