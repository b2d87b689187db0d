import type { z } from 'zod';
import { containerCalls, containerStreams } from './calls/containers';
import { engineCalls, engineStreams } from './calls/engines';
import { networkCalls, networkStreams } from './calls/networks';
import { volumeCalls, volumeStreams } from './calls/volumes';
import { execCalls, execStreams } from './calls/exec';
import { imageCalls, imageStreams } from './calls/images';
import { logCalls, logStreams } from './calls/logs';
import { registryCalls, registryStreams } from './calls/registries';

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
  ...logCalls,
  ...execCalls,
} as const;

/** Every long-lived stream the router serves. */
export const streams = {
  ...engineStreams,
  ...containerStreams,
  ...volumeStreams,
  ...networkStreams,
  ...imageStreams,
  ...registryStreams,
  ...logStreams,
  ...execStreams,
} as const;

export type Calls = typeof calls;
export type Streams = typeof streams;
export type CallName = keyof Calls;
export type StreamName = keyof Streams;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type StreamInput<N extends StreamName> = z.input<Streams[N]['input']>;
export type StreamEvent<N extends StreamName> = z.output<Streams[N]['event']>;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.hasOwn(streams, name);
}
