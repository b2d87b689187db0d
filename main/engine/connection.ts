import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { EngineStatus, EngineStreamEvent } from '../../contract';
import { createClient } from './client';
import { describeEndpoint, type EngineConfig } from './detect';
import { JsonLineSplitter, parseEngineEvent, sinceFromTimeNano } from './events';

/** Backoff steps between reconnect attempts; the last repeats. */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 3000, 5000];

interface ConnectionEvents {
  status: [EngineStatus];
  event: [EngineStreamEvent];
}

/**
 * One engine: its dockerode client, its health, and its single /events stream. The stream is
 * the heartbeat: when it ends the engine is marked disconnected and we retry with backoff,
 * resuming from the last event seen and then asking every view to reconcile.
 */
export class EngineConnection extends EventEmitter<ConnectionEvents> {
  readonly docker: Docker;
  private current: EngineStatus;
  private stream: Readable | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private lastTimeNano: string | undefined;
  private stopped = false;

  constructor(readonly config: EngineConfig) {
    super();
    this.docker = createClient(config.endpoint);
    this.current = { engineId: config.id, state: 'connecting' };
  }

  get status(): EngineStatus {
    return this.current;
  }

  get endpoint(): string {
    return describeEndpoint(this.config.endpoint);
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stream?.destroy();
    this.stream = undefined;
  }

  private setStatus(next: EngineStatus): void {
    this.current = next;
    this.emit('status', next);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      // A dead TCP/SSH engine can hang a request: bound the probe (streams have no timeout).
      const ping = this.docker.ping as (opts: { abortSignal: AbortSignal }) => Promise<unknown>;
      await ping.call(this.docker, { abortSignal: AbortSignal.timeout(5000) });
      const version = await this.docker.version();
      const opts: { since?: string } = {};
      if (this.lastTimeNano) opts.since = sinceFromTimeNano(this.lastTimeNano);
      // The API takes "seconds.nanoseconds"; @types/dockerode only knows whole seconds.
      const stream = (await this.docker.getEvents(
        opts as unknown as Docker.GetEventsOptions,
      )) as unknown as Readable;
      if (this.stopped) {
        stream.destroy();
        return;
      }
      this.watch(stream);
      this.attempt = 0;
      this.setStatus({ engineId: this.config.id, state: 'connected', version: version.Version });
      // Whatever happened while we were away (or before we first connected) is unknown.
      this.emit('event', { kind: 'reconcile' });
    } catch (err) {
      this.scheduleRetry(err);
    }
  }

  private watch(stream: Readable): void {
    this.stream = stream;
    const splitter = new JsonLineSplitter();
    stream.on('data', (chunk: Buffer) => {
      for (const raw of splitter.push(chunk)) {
        const event = parseEngineEvent(raw);
        if (!event) continue;
        this.lastTimeNano = event.timeNano;
        this.emit('event', event);
      }
    });
    let closed = false;
    const onClose = (err?: unknown) => {
      if (closed || this.stream !== stream) return;
      closed = true;
      this.stream = undefined;
      this.scheduleRetry(err ?? new Error('The engine closed its events stream'));
    };
    stream.on('error', onClose);
    stream.on('end', () => onClose());
    stream.on('close', () => onClose());
  }

  private scheduleRetry(err: unknown): void {
    if (this.stopped) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)]!;
    this.attempt += 1;
    const message = err instanceof Error ? err.message : String(err);
    this.setStatus({
      engineId: this.config.id,
      state: 'disconnected',
      retryAt: Date.now() + delay,
      error: message,
    });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.setStatus({ engineId: this.config.id, state: 'connecting', error: message });
      void this.connect();
    }, delay);
  }
}
