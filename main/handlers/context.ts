import type Docker from 'dockerode';
import type { EngineManager } from '../engine/manager';

/** What every resource's handlers get: the engines, and a shortcut to one engine's client. */
export interface HandlerContext {
  engines: EngineManager;
  docker(engineId: string): Docker;
}

export function createContext(engines: EngineManager): HandlerContext {
  return { engines, docker: (engineId) => engines.get(engineId).docker };
}
