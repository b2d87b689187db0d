import {
  calls,
  describeIssues,
  invalidInput,
  isCallName,
  isStreamName,
  streams,
  type CallName,
  type CallOutput,
  type PortholeError,
  type Result,
  type StreamEvent,
  type StreamName,
  type Calls,
  type Streams,
} from '../contract';
import type { z } from 'zod';
import { toPortholeError } from './engine/errors';
import { log } from './log';

export type CallHandlers = {
  [N in CallName]: (input: z.output<Calls[N]['input']>) => Promise<CallOutput<N>>;
};

/** A stream handler starts producing events and returns how to stop. */
export type StreamHandlers = {
  [N in StreamName]: (
    input: z.output<Streams[N]['input']>,
    emit: (event: StreamEvent<N>) => void,
    end: (error?: PortholeError) => void,
  ) => () => void;
};

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
