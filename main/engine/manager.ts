import type { EngineInfo } from '../../contract';
import { EngineConnection } from './connection';
import type { EngineConfig } from './detect';
import { fail } from './errors';

/** Owns every engine connection for the life of the process. */
export class EngineManager {
  private readonly engines = new Map<string, EngineConnection>();

  constructor(configs: EngineConfig[]) {
    for (const config of configs) this.engines.set(config.id, new EngineConnection(config));
  }

  start(): void {
    for (const engine of this.engines.values()) engine.start();
  }

  stop(): void {
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

  list(): EngineInfo[] {
    return this.all().map((e) => ({
      id: e.config.id,
      name: e.config.name,
      source: e.config.source,
      endpoint: e.endpoint,
      status: e.status,
    }));
  }
}
