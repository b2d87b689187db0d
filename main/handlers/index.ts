import type { EngineManager } from '../engine/manager';
import type { CallHandlers, StreamHandlers } from '../router';
import { containerHandlers, containerStreamHandlers } from './containers';
import { createContext } from './context';
import { engineHandlers, engineStreamHandlers } from './engines';

/** Every resource's handlers, merged. TypeScript checks that each contract name has one. */
export function createHandlers(engines: EngineManager): {
  calls: CallHandlers;
  streams: StreamHandlers;
} {
  const ctx = createContext(engines);
  return {
    calls: {
      ...engineHandlers(ctx),
      ...containerHandlers(ctx),
    },
    streams: {
      ...engineStreamHandlers(ctx),
      ...containerStreamHandlers(ctx),
    },
  };
}
