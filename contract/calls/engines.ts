import { z } from 'zod';
import { call, OnEngine, stream } from '../define';
import { EngineInfo, EngineStatus, EngineStreamEvent } from '../resources';

export const engineCalls = {
  'engines.list': call(z.strictObject({}), z.array(EngineInfo)),
} as const;

export const engineStreams = {
  /** The state of every engine: all of them at once on subscribe, then each change. */
  'engines.status': stream(z.strictObject({}), EngineStatus),
  /** The engine's events, plus a `reconcile` marker after each (re)connect. */
  'engine.events': stream(OnEngine, EngineStreamEvent),
} as const;
