import { randomUUID } from 'node:crypto';
import { fail } from './errors';

/** Pause the engine's stream above this many unacknowledged bytes… */
export const HIGH_WATER = 100 * 1024;
/** …and resume once the renderer has caught up to below this. */
export const LOW_WATER = 10 * 1024;

/**
 * Credit-based flow control for one stream. Main counts what it sent; the renderer acknowledges
 * what it has taken in (xterm's write callback, the log buffer's append). Above the high
 * watermark the source is paused, so a `yes` in a shell or a million-line log never piles up in
 * main, the transport or the renderer.
 */
export class FlowGate {
  private unacked = 0;
  private paused = false;

  constructor(
    private readonly pause: () => void,
    private readonly resume: () => void,
    private readonly high = HIGH_WATER,
    private readonly low = LOW_WATER,
  ) {}

  get pending(): number {
    return this.unacked;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  sent(bytes: number): void {
    this.unacked += bytes;
    if (!this.paused && this.unacked > this.high) {
      this.paused = true;
      this.pause();
    }
  }

  acked(bytes: number): void {
    // A confused or hostile client cannot push the count below zero and buy unbounded credit.
    this.unacked = Math.max(0, this.unacked - bytes);
    if (this.paused && this.unacked < this.low) {
      this.paused = false;
      this.resume();
    }
  }
}

export interface Session {
  engineId: string;
  gate: FlowGate;
  write?(data: string): void;
  resize?(cols: number, rows: number): Promise<void>;
}

/** Live streams that take calls (ack, input, resize) by the id their first event announced. */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  open(session: Session): { id: string; close(): void } {
    const id = randomUUID();
    this.sessions.set(id, session);
    return { id, close: () => this.sessions.delete(id) };
  }

  get(engineId: string, id: string): Session {
    const s = this.sessions.get(id);
    if (!s || s.engineId !== engineId) {
      fail('NOT_FOUND', 'That session has ended.', 'Reconnect to start a new one.');
    }
    return s;
  }

  get size(): number {
    return this.sessions.size;
  }
}

export const sessions = new SessionRegistry();
