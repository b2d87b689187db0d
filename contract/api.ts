import { z } from 'zod';
import {
  ContainerSummary,
  EngineId,
  EngineInfo,
  EngineStatus,
  EngineStreamEvent,
} from './resources';

const ContainerRef = z.strictObject({
  engineId: EngineId,
  id: z.string().min(1).max(256),
});

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}
function stream<I extends z.ZodType, E extends z.ZodType>(input: I, event: E) {
  return { input, event };
}

/** Every request/response the router serves. Input is parsed in main before a handler runs. */
export const calls = {
  'engines.list': call(z.strictObject({}), z.array(EngineInfo)),
  'containers.list': call(z.strictObject({ engineId: EngineId }), z.array(ContainerSummary)),
  'containers.start': call(ContainerRef, z.null()),
  'containers.stop': call(ContainerRef, z.null()),
  'containers.restart': call(ContainerRef, z.null()),
  'containers.remove': call(
    ContainerRef.extend({ force: z.boolean(), removeVolumes: z.boolean() }),
    z.null(),
  ),
} as const;

/** Every long-lived stream the router serves. */
export const streams = {
  /** The state of every engine: all of them at once on subscribe, then each change. */
  'engines.status': stream(z.strictObject({}), EngineStatus),
  /** The engine's events, plus a `reconcile` marker after each reconnect. */
  'engine.events': stream(z.strictObject({ engineId: EngineId }), EngineStreamEvent),
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
