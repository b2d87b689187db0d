import {
  calls,
  describeIssues,
  invalidInput,
  isCallName,
  isStreamName,
  streams,
  type PortholeError,
  type Result,
  type Calls,
  type Streams,
} from '../contract';
import type { z } from 'zod';
import { toPortholeError } from './engine/errors';
import { log } from './log';

type CallDefs = Record<string, { input: z.ZodType; output: z.ZodType }>;
type StreamDefs = Record<string, { input: z.ZodType; event: z.ZodType }>;

/** Handlers for one resource's calls (e.g. `HandlersFor<typeof containerCalls>`). */
export type HandlersFor<C extends CallDefs> = {
  [N in keyof C]: (input: z.output<C[N]['input']>) => Promise<z.output<C[N]['output']>>;
};

/** Handlers for one resource's streams: start producing events, return how to stop. */
export type StreamHandlersFor<S extends StreamDefs> = {
  [N in keyof S]: (
    input: z.output<S[N]['input']>,
    emit: (event: z.output<S[N]['event']>) => void,
    end: (error?: PortholeError) => void,
  ) => () => void;
};

export type CallHandlers = HandlersFor<Calls>;

export type StreamHandlers = StreamHandlersFor<Streams>;

export interface Subscription {
  unsubscribe(): void;
}

export interface Router {
  call(name: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(
    name: unknown,
    input: unknown,
    emit: (event: unknown) => void,
    end: (error?: PortholeError) => void,
  ): Result<Subscription>;
}

/**
 * The only entry point for both transports. Everything arriving here is untrusted: names are
 * checked against the contract and inputs parsed before any handler sees them.
 */
export function createRouter(handlers: CallHandlers, streamHandlers: StreamHandlers): Router {
  return {
    async call(name, rawInput) {
      if (!isCallName(name)) {
        return { ok: false, error: invalidInput(`Unknown call "${String(name)}".`) };
      }
      const parsed = calls[name].input.safeParse(rawInput);
      if (!parsed.success) {
        return {
          ok: false,
          error: invalidInput(`Invalid input for ${name}: ${describeIssues(parsed.error)}`),
        };
      }
      try {
        const handler = handlers[name] as (input: unknown) => Promise<unknown>;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (err) {
        const error = toPortholeError(err);
        if (error.code === 'INTERNAL') log.error(`call ${name} failed`, err);
        return { ok: false, error };
      }
    },

    subscribe(name, rawInput, emit, end) {
      if (!isStreamName(name)) {
        return { ok: false, error: invalidInput(`Unknown stream "${String(name)}".`) };
      }
      const parsed = streams[name].input.safeParse(rawInput);
      if (!parsed.success) {
        return {
          ok: false,
          error: invalidInput(`Invalid input for ${name}: ${describeIssues(parsed.error)}`),
        };
      }
      let ended = false;
      const finish = (error?: PortholeError) => {
        if (ended) return;
        ended = true;
        end(error);
      };
      try {
        const start = streamHandlers[name] as (
          input: unknown,
          emit: (e: unknown) => void,
          end: (error?: PortholeError) => void,
        ) => () => void;
        const stop = start(parsed.data, (e) => !ended && emit(e), finish);
        return {
          ok: true,
          value: {
            unsubscribe() {
              ended = true;
              stop();
            },
          },
        };
      } catch (err) {
        return { ok: false, error: toPortholeError(err) };
      }
    },
  };
}
