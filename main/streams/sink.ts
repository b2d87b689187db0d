import type { FlowWindow, PortholeError } from '../../contract';

/** Where a sink's frames go: the transport's side of one stream. */
export interface StreamOut {
  event(event: unknown, cost: number): void;
  end(error?: PortholeError): void;
  /** Bytes the transport has queued but not yet written (0 where it cannot tell). */
  buffered(): number;
}

/**
 * The one flow-controlled sink every producer writes to. Credit-based: each event costs
 * `cost` (bytes, usually); the consumer acknowledges what it has rendered or written. Above the
 * window's high mark the source is paused (`onPause`), below the low mark resumed. Lossy sinks
 * (stats, engine events) are never acknowledged: when the transport is congested they drop the
 * event instead of pausing. Bytes never drop.
 */
export interface Sink<E> {
  /** Aborted when the stream is over: ended, closed by its consumer, or its connection gone. */
  readonly signal: AbortSignal;
  readonly closed: boolean;
  /**
   * Sends one event; `cost` counts against the credit window (default: nothing). False when a
   * lossy sink dropped it (the transport was congested) or the stream is over.
   */
  next(event: E, cost?: number): boolean;
  /** Ends the stream (with an error, or cleanly). Further events are ignored. */
  end(error?: PortholeError): void;
  /** Ties a source to the window: paused while the consumer is behind. */
  onPause(pause: () => void, resume: () => void): void;
  readonly paused: boolean;
}

export interface SinkControl<E> {
  sink: Sink<E>;
  ack(n: number): void;
  /** The consumer or its connection went away: abort everything the producer started. */
  close(): void;
}

export function createSink<E>(
  out: StreamOut,
  opts: { flow: 'credit' | 'lossy'; window: FlowWindow },
): SinkControl<E> {
  // The connection closes each of its streams itself: no listener per stream on its signal.
  const controller = new AbortController();
  let unacked = 0;
  let paused = false;
  let source: { pause(): void; resume(): void } | undefined;
  const done = () => controller.abort();

  const sink: Sink<E> = {
    signal: controller.signal,
    get closed() {
      return controller.signal.aborted;
    },
    get paused() {
      return paused;
    },
    next(event, cost = 0) {
      if (controller.signal.aborted) return false;
      if (opts.flow === 'lossy') {
        // The oldest-first queue is the transport's; a congested one gets nothing more.
        if (out.buffered() > opts.window.high) return false;
        out.event(event, 0);
        return true;
      }
      unacked += cost;
      out.event(event, cost);
      if (!paused && unacked > opts.window.high) {
        paused = true;
        source?.pause();
      }
      return true;
    },
    end(error) {
      if (controller.signal.aborted) return;
      done();
      out.end(error);
    },
    onPause(pause, resume) {
      source = { pause, resume };
      if (paused) pause();
    },
  };

  return {
    sink,
    ack(n) {
      // A confused or hostile client cannot push the count below zero and buy unbounded credit.
      unacked = Math.max(0, unacked - n);
      if (paused && unacked < opts.window.low) {
        paused = false;
        source?.resume();
      }
    },
    close: done,
  };
}
