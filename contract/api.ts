import type { z } from 'zod';
import { containerCalls, containerStreams } from './calls/containers';
import { engineCalls, engineStreams } from './calls/engines';
import { networkCalls } from './calls/networks';
import { volumeCalls, volumeStreams } from './calls/volumes';
import { execStreams } from './calls/exec';
import { imageCalls, imageStreams } from './calls/images';
import { layerStreams } from './calls/layers';
import { logStreams } from './calls/logs';
import { registryCalls } from './calls/registries';
import { composeCalls, composeStreams } from './calls/compose';
import { systemCalls } from './calls/system';
import { settingsCalls } from './calls/settings';
import { fileCalls, fileStreams } from './calls/files';
import { downloadCalls, downloadStreams } from './calls/downloads';
import { swarmCalls } from './calls/swarm';
import { serviceCalls } from './calls/services';
import { swarmObjectCalls, swarmObjectStreams } from './calls/swarm-objects';

/**
 * Every request/response the router serves, one file per resource in contract/calls/. Input is
 * parsed in main before any handler runs.
 */
export const calls = {
  ...engineCalls,
  ...containerCalls,
  ...volumeCalls,
  ...networkCalls,
  ...imageCalls,
  ...registryCalls,
  ...composeCalls,
  ...systemCalls,
  ...settingsCalls,
  ...fileCalls,
  ...swarmCalls,
  ...serviceCalls,
  ...swarmObjectCalls,
  ...downloadCalls,
} as const;

/** Every long-lived stream the router serves. */
export const streams = {
  ...engineStreams,
  ...containerStreams,
  ...volumeStreams,
  ...imageStreams,
  ...layerStreams,
  ...logStreams,
  ...execStreams,
  ...composeStreams,
  ...fileStreams,
  ...swarmObjectStreams,
  ...downloadStreams,
} as const;

export type Calls = typeof calls;
export type Streams = typeof streams;
export type CallName = keyof Calls;
export type StreamName = keyof Streams;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type StreamInput<N extends StreamName> = z.input<Streams[N]['input']>;
export type StreamEvent<N extends StreamName> = z.output<Streams[N]['event']>;
/** What the client may send on stream N (never, for streams without a control schema). */
export type StreamControl<N extends StreamName> = Streams[N]['control'] extends z.ZodType
  ? z.input<Streams[N]['control']>
  : never;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.hasOwn(streams, name);
}
