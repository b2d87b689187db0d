import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { EngineFacts, EngineStatus, EngineStreamEvent } from '../../contract';
import { systemClock, type Clock } from '../clock';
import { createClient, type EngineClient, type SshEnv } from './client';
import { describeConnectError } from './connect-errors';
import { describeEndpoint, type EngineConfig } from './detect';
import { HostKeyError } from './ssh';
import type { SshTarget } from './ssh-config';
import { withSignal } from './signal';
import { factsFrom } from './system';
import { JsonLineReader } from '../streams/lines';
import { parseEngineEvent, sinceFromTimeNano } from './events';

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
  private readonly client: EngineClient;
  private current: EngineStatus;
  private stream: Readable | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private lastTimeNano: string | undefined;
  private stopped = false;

  constructor(
    readonly config: EngineConfig,
    ssh: SshEnv,
    private readonly clock: Clock = systemClock,
  ) {
    super();
    this.client = createClient(config, ssh);
    this.docker = this.client.docker;
    this.current = { engineId: config.id, state: 'connecting' };
  }

  get status(): EngineStatus {
    return this.current;
  }

  get endpoint(): string {
    return describeEndpoint(this.config.endpoint);
  }

  /** An ssh:// engine's address resolved against ~/.ssh/config (host, port, user, keys). */
  get sshTarget(): SshTarget | undefined {
    return this.client.tunnel?.target;
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
    this.client.close();
  }

  /** Try now instead of at the end of the backoff (after the user trusted a host key). */
  retryNow(): void {
    if (this.stopped || this.current.state === 'connected') return;
    clearTimeout(this.timer);
    this.setStatus({ engineId: this.config.id, state: 'connecting' });
    void this.connect();
  }

  private setStatus(next: EngineStatus): void {
    this.current = next;
    this.emit('status', next);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      // A dead TCP/SSH engine can hang a request: bound the probe (streams have no timeout).
      const api = withSignal(this.docker);
      await api.ping(AbortSignal.timeout(5000));
      const probe = AbortSignal.timeout(15_000);
      const [version, info] = await Promise.all([api.version(probe), api.info(probe)]);
      const facts: EngineFacts = factsFrom(version, info);
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
      this.setStatus({
        engineId: this.config.id,
        state: 'connected',
        version: facts.version,
        facts,
      });
      // Whatever happened while we were away (or before we first connected) is unknown.
      this.emit('event', { kind: 'reconcile' });
    } catch (err) {
      this.scheduleRetry(err);
    }
  }

  private watch(stream: Readable): void {
    this.stream = stream;
    const reader = new JsonLineReader((raw) => {
      const event = parseEngineEvent(raw);
      if (!event) return;
      this.lastTimeNano = event.timeNano;
      this.emit('event', event);
    });
    stream.on('data', (chunk: Buffer) => reader.push(chunk));
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
    const described = describeConnectError(err, this.config);
    const message = described.hint ? `${described.message} ${described.hint}` : described.message;
    const hostKey =
      err instanceof HostKeyError
        ? {
            state: err.verdict.state,
            host: err.target.host,
            port: err.target.port,
            keyType: err.key.type,
            fingerprint: err.verdict.fingerprint,
          }
        : undefined;
    this.setStatus({
      engineId: this.config.id,
      state: 'disconnected',
      retryAt: this.clock.now() + delay,
      error: message,
      ...(hostKey ? { hostKey } : {}),
    });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.setStatus({ engineId: this.config.id, state: 'connecting', error: message });
      void this.connect();
    }, delay);
  }
}
