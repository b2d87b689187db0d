import { EventEmitter } from 'node:events';
import type {
  EngineInfo,
  EngineInput,
  EngineStatus,
  EngineTestResult,
  EngineTls,
} from '../../contract';
import type { Clock } from '../clock';
import type { SshEnv } from './client';
import { EngineConnection } from './connection';
import { describeEndpoint, slug, type EngineConfig } from './detect';
import { configFromSaved, tlsPaths } from './engine-input';
import { EngineStore, type SavedEngine } from './engine-store';
import { fail } from './errors';
import { HostKeyError } from './ssh';
import { testEngine } from './engine-test';
import { trustKey } from './ssh-trust';

interface ManagerEvents {
  /** Any engine's status, including engines added after a listener subscribed. */
  status: [EngineStatus];
}

export interface ManagerDeps {
  /** Porthole's data dir: engines.json lives there. */
  dataDir: string;
  /** What detection found on this machine (DOCKER_HOST, contexts, sockets). */
  detected: EngineConfig[];
  ssh: Omit<SshEnv, 'onUntrusted'>;
  warn?(message: string): void;
  /** When a disconnected engine says it retries (its status' retryAt). */
  clock?: Clock;
}

/**
 * Owns every engine connection for the life of the core: the detected ones plus those the
 * user added (persisted in engines.json), each connecting and retrying on its own, so one
 * engine going away never blocks another.
 */
export class EngineManager extends EventEmitter<ManagerEvents> {
  private readonly engines = new Map<string, EngineConnection>();
  private readonly store: EngineStore;
  /** Host keys shown to the user and not trusted yet, by "host:port fingerprint". */
  private readonly offered = new Map<string, HostKeyError>();
  private readonly ssh: SshEnv;
  private started = false;

  constructor(private readonly deps: ManagerDeps) {
    super();
    // One status listener per window (engines.status): more than Node's default of 10 is normal.
    this.setMaxListeners(0);
    this.store = new EngineStore(deps.dataDir, deps.warn);
    this.ssh = {
      ...deps.ssh,
      onUntrusted: (err) => this.offered.set(offerKey(err), err),
    };
    for (const config of this.configs()) this.attach(config);
  }

  /** Detected (minus hidden, with the user's names) then added, ids unique. */
  private configs(): EngineConfig[] {
    const file = this.store.get();
    const detected = this.deps.detected
      .filter((c) => !file.hidden.includes(c.id))
      .map((c) => ({ ...c, name: file.renamed[c.id] ?? c.name }));
    const added = file.added.flatMap((s) => {
      try {
        return [configFromSaved(s)];
      } catch (err) {
        this.deps.warn?.(`engine ${s.name} in engines.json: ${(err as Error).message}`);
        return [];
      }
    });
    const ids = new Set(detected.map((c) => c.id));
    return [...detected, ...added.filter((c) => !ids.has(c.id))];
  }

  private attach(config: EngineConfig): EngineConnection {
    const engine = new EngineConnection(config, this.ssh, this.deps.clock);
    engine.on('status', (s) => this.emit('status', s));
    this.engines.set(config.id, engine);
    if (this.started) engine.start();
    return engine;
  }

  private detach(id: string): void {
    const engine = this.engines.get(id);
    if (!engine) return;
    engine.stop();
    engine.removeAllListeners('status');
    this.engines.delete(id);
  }

  start(): void {
    this.started = true;
    for (const engine of this.engines.values()) engine.start();
  }

  stop(): void {
    this.started = false;
    for (const engine of this.engines.values()) engine.stop();
  }

  all(): EngineConnection[] {
    return [...this.engines.values()];
  }

  get(engineId: string): EngineConnection {
    const engine = this.engines.get(engineId);
    if (!engine) {
      fail(
        'INVALID_INPUT',
        `No engine with id "${engineId}".`,
        'Pick an engine from the Engines screen.',
      );
    }
    return engine;
  }

  /** The user's pick, else the one the docker CLI would use, else the first. */
  defaultId(): string | undefined {
    const pick = this.store.get().defaultId;
    if (pick && this.engines.has(pick)) return pick;
    return this.all().find((e) => e.config.preferred)?.config.id ?? this.all()[0]?.config.id;
  }

  private info(e: EngineConnection, defaultId: string | undefined): EngineInfo {
    const saved = this.store.get().added.find((s) => s.id === e.config.id);
    return {
      id: e.config.id,
      name: e.config.name,
      source: e.config.source,
      endpoint: e.endpoint,
      status: e.status,
      address: e.config.address ?? describeEndpoint(e.config.endpoint),
      isDefault: e.config.id === defaultId,
      ...(saved?.tls ? { tls: saved.tls } : {}),
    };
  }

  list(): EngineInfo[] {
    const defaultId = this.defaultId();
    return this.all().map((e) => this.info(e, defaultId));
  }

  private checkName(name: string, except?: string): void {
    const taken = this.all().some(
      (e) => e.config.id !== except && e.config.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken) fail('CONFLICT', `An engine named “${name}” already exists.`, 'Pick another name.');
  }

  private newId(name: string): string {
    const base = slug(name).slice(0, 56);
    let id = base;
    for (let n = 2; this.engines.has(id) || this.store.get().hidden.includes(id); n++) {
      id = `${base}-${n}`;
    }
    return id;
  }

  async add(input: EngineInput): Promise<EngineInfo> {
    this.checkName(input.name);
    const tls = tlsPaths(input.tls);
    const saved: SavedEngine = {
      id: this.newId(input.name),
      name: input.name,
      address: input.address,
      ...(tls ? { tls } : {}),
    };
    const config = configFromSaved(saved); // validates before anything is written
    await this.store.update((f) => void f.added.push(saved));
    return this.info(this.attach(config), this.defaultId());
  }

  async update(input: {
    engineId: string;
    name?: string | undefined;
    address?: string | undefined;
    tls?: EngineTls | undefined;
  }): Promise<EngineInfo> {
    const engine = this.get(input.engineId);
    const saved = this.store.get().added.find((s) => s.id === input.engineId);
    if (input.name !== undefined) this.checkName(input.name, input.engineId);
    if (!saved) {
      if (input.address !== undefined || input.tls !== undefined) {
        fail(
          'INVALID_INPUT',
          `${engine.config.name} was found on this machine: only its name can change.`,
        );
      }
      if (input.name !== undefined) {
        const name = input.name;
        await this.store.update((f) => void (f.renamed[input.engineId] = name));
        engine.config.name = name;
      }
      return this.info(engine, this.defaultId());
    }
    const tls = input.tls !== undefined ? tlsPaths(input.tls) : saved.tls;
    const next: SavedEngine = {
      id: saved.id,
      name: input.name ?? saved.name,
      address: input.address ?? saved.address,
      ...(tls ? { tls } : {}),
    };
    const config = configFromSaved(next);
    await this.store.update((f) => {
      f.added = f.added.map((s) => (s.id === next.id ? next : s));
    });
    if (next.address === saved.address && JSON.stringify(tls) === JSON.stringify(saved.tls)) {
      engine.config.name = next.name;
      return this.info(engine, this.defaultId());
    }
    // A new address is a new connection: the old one (and its events stream) goes.
    this.detach(next.id);
    return this.info(this.attach(config), this.defaultId());
  }

  async remove(engineId: string): Promise<void> {
    const engine = this.get(engineId);
    await this.store.update((f) => {
      if (engine.config.source === 'added') f.added = f.added.filter((s) => s.id !== engineId);
      else if (!f.hidden.includes(engineId)) f.hidden.push(engineId);
      if (f.defaultId === engineId) delete f.defaultId;
    });
    this.detach(engineId);
  }

  async setDefault(engineId: string): Promise<void> {
    this.get(engineId);
    await this.store.update((f) => void (f.defaultId = engineId));
  }

  /** Connects once with unsaved settings; the answer is the engine's facts or its error. */
  test(input: { address: string; tls?: EngineTls | undefined }): Promise<EngineTestResult> {
    const tls = tlsPaths(input.tls);
    const config = configFromSaved({
      id: 'test',
      name: 'test',
      address: input.address,
      ...(tls ? { tls } : {}),
    });
    return testEngine(config, this.ssh);
  }

  /** Writes a key the user was shown to known_hosts, then retries the engines waiting on it. */
  async trustHostKey(host: string, port: number, fingerprint: string): Promise<void> {
    const offer = this.offered.get(`${host}:${port} ${fingerprint}`);
    if (!offer) {
      fail(
        'NOT_FOUND',
        `${host}:${port} has not offered a key with fingerprint ${fingerprint}.`,
        'Test the connection again to see the key it offers now.',
      );
    }
    if (offer.verdict.state !== 'unknown') {
      fail(
        'FORBIDDEN',
        offer.message,
        'A changed or revoked host key is never trusted from Porthole.',
      );
    }
    await trustKey(offer, this.ssh);
    this.offered.delete(offerKey(offer));
    for (const engine of this.all()) {
      if (engine.config.endpoint.kind === 'ssh' && engine.status.hostKey) engine.retryNow();
    }
  }
}

const offerKey = (err: HostKeyError) =>
  `${err.target.host}:${err.target.port} ${err.verdict.fingerprint}`;
