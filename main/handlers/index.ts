import type { EngineManager } from '../engine/manager';
import type { CallHandlers, StreamHandlers } from '../router';
import { containerHandlers, containerStreamHandlers } from './containers';
import { createContext } from './context';
import { engineHandlers, engineStreamHandlers } from './engines';
import { networkHandlers, networkStreamHandlers } from './networks';
import { volumeHandlers, volumeStreamHandlers } from './volumes';
import { execHandlers, execStreamHandlers } from './exec';
import { imageHandlers, imageStreamHandlers } from './images';
import { registryHandlers, registryStreamHandlers } from './registries';
import { logHandlers, logStreamHandlers } from './logs';

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
      ...volumeHandlers(ctx),
      ...networkHandlers(ctx),
      ...logHandlers(ctx),
      ...execHandlers(ctx),
      ...imageHandlers(ctx),
      ...registryHandlers(ctx),
    },
    streams: {
      ...engineStreamHandlers(ctx),
      ...containerStreamHandlers(ctx),
      ...volumeStreamHandlers(ctx),
      ...networkStreamHandlers(ctx),
      ...logStreamHandlers(ctx),
      ...execStreamHandlers(ctx),
      ...imageStreamHandlers(ctx),
      ...registryStreamHandlers(ctx),
    },
  };
}
