import type { CallHandlers, StreamHandlers } from '../router';
import type { HandlerContext } from './context';
import { composeHandlers, composeStreamHandlers } from './compose';
import { containerHandlers, containerStreamHandlers } from './containers';
import { engineHandlers, engineStreamHandlers, systemHandlers } from './engines';
import { downloadHandlers, downloadStreamHandlers } from './downloads';
import { execStreamHandlers } from './exec';
import { fileHandlers, fileStreamHandlers } from './files';
import { imageHandlers, imageStreamHandlers } from './images';
import { logStreamHandlers } from './logs';
import { networkHandlers } from './networks';
import { registryHandlers } from './registries';
import { settingsHandlers } from './settings';
import { swarmHandlers, swarmStreamHandlers } from './swarm';
import { volumeHandlers, volumeStreamHandlers } from './volumes';

/** Every resource's handlers, merged. TypeScript checks that each contract name has one. */
export function createHandlers(ctx: HandlerContext): {
  calls: CallHandlers;
  streams: StreamHandlers;
} {
  return {
    calls: {
      ...engineHandlers(ctx),
      ...systemHandlers(ctx),
      ...containerHandlers(ctx),
      ...volumeHandlers(ctx),
      ...networkHandlers(ctx),
      ...imageHandlers(ctx),
      ...registryHandlers(ctx),
      ...settingsHandlers(ctx),
      ...composeHandlers(ctx),
      ...fileHandlers(ctx),
      ...swarmHandlers(ctx),
      ...downloadHandlers(ctx),
    },
    streams: {
      ...engineStreamHandlers(ctx),
      ...containerStreamHandlers(ctx),
      ...volumeStreamHandlers(ctx),
      ...logStreamHandlers(ctx),
      ...execStreamHandlers(ctx),
      ...imageStreamHandlers(ctx),
      ...composeStreamHandlers(ctx),
      ...fileStreamHandlers(ctx),
      ...swarmStreamHandlers(ctx),
      ...downloadStreamHandlers(ctx),
    },
  };
}
