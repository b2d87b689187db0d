import type { z } from 'zod';
import {
  calls,
  describeIssues,
  invalidInput,
  isCallName,
  isStreamName,
  streams,
  type Calls,
  type Result,
  type StreamDef,
  type Streams,
} from '../contract';
import { cancelledError, toPortholeError } from './engine/errors';
import type { RequestScope } from './engine/request-scope';
import type { Logger } from './log';
import { createSink, type Sink, type StreamOut } from './streams/sink';

/** What every call and stream is given: who asked, and when to stop. */
export interface Ctx {
  /** The window (Electron) or socket (web mode) that asked. */
  connectionId: string;
  /** Aborted when the call is cancelled or the stream closed, or its connection goes away. */
  signal: AbortSignal;
}

type CallDefs = Record<string, { input: z.ZodType; output: z.ZodType }>;
type StreamDefs = Record<string, StreamDef>;

/** Handlers for one resource's calls: contract-typed input in, contract-typed output out. */
export type HandlersFor<C extends CallDefs> = {
  [N in keyof C]: (input: z.output<C[N]['input']>, ctx: Ctx) => Promise<z.output<C[N]['output']>>;
};

/** What a stream handler hands back: how to take control messages, how to stop. */
export interface StreamControls<C> {
  control?(msg: C): void;
  /** Optional: the sink's signal already says when to stop. */
  close?(): void;
}

type ControlOf<S extends StreamDef> = S['control'] extends z.ZodType
  ? z.output<S['control']>
  : never;

/** The one stream shape: `(ctx, input, sink) → { control?, close? }`. */
export type StreamHandlersFor<S extends StreamDefs> = {
  [N in keyof S]: (
    ctx: Ctx,
    input: z.output<S[N]['input']>,
    sink: Sink<z.output<S[N]['event']>>,
  ) => StreamControls<ControlOf<S[N]>> | void;
};

export type CallHandlers = HandlersFor<Calls>;
export type StreamHandlers = StreamHandlersFor<Streams>;

/** One open stream, as a transport holds it. */
export interface OpenStream {
  control(msg: unknown): void;
  ack(n: number): void;
  close(): void;
}

export interface Router {
  call(ctx: Ctx, name: unknown, input: unknown): Promise<Result<unknown>>;
  open(ctx: Ctx, name: unknown, input: unknown, out: StreamOut): Result<OpenStream>;
}

const invalid = (name: string, error: z.ZodError) =>
  invalidInput(`Invalid input for ${name}: ${describeIssues(error)}`);

/**
 * The only entry point for both transports. Everything arriving here is untrusted: names are
 * checked against the contract, inputs and control messages parsed before any handler sees them.
 */
export function createRouter(
  handlers: CallHandlers,
  streamHandlers: StreamHandlers,
  log: Logger,
  /** Binds the engine requests a handler makes to its call's or stream's signal. */
  scope?: RequestScope,
): Router {
  const within = <T>(signal: AbortSignal, fn: () => T): T => (scope ? scope.run(signal, fn) : fn());
  return {
    async call(ctx, name, rawInput) {
      if (!isCallName(name)) {
        return { ok: false, error: invalidInput(`Unknown call "${String(name)}".`) };
      }
      const parsed = calls[name].input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: invalid(name, parsed.error) };
      try {
        const handler = handlers[name] as (input: unknown, ctx: Ctx) => Promise<unknown>;
        const value = await within(ctx.signal, () => handler(parsed.data, ctx));
        return { ok: true, value };
      } catch (err) {
        const error = ctx.signal.aborted ? cancelledError() : toPortholeError(err);
        if (error.code === 'INTERNAL') log.error(`call ${name} failed`, err);
        return { ok: false, error };
      }
    },

    open(ctx, name, rawInput, out) {
      if (!isStreamName(name)) {
        return { ok: false, error: invalidInput(`Unknown stream "${String(name)}".`) };
      }
      const def: StreamDef = streams[name];
      const parsed = def.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: invalid(name, parsed.error) };
      const { sink, ack, close } = createSink<unknown>(out, def);
      const streamCtx: Ctx = { connectionId: ctx.connectionId, signal: sink.signal };
      let controls: StreamControls<unknown> | void;
      try {
        const start = streamHandlers[name] as (
          ctx: Ctx,
          input: unknown,
          sink: Sink<unknown>,
        ) => StreamControls<unknown> | void;
        controls = within(sink.signal, () => start(streamCtx, parsed.data, sink));
      } catch (err) {
        close();
        return { ok: false, error: toPortholeError(err) };
      }
      sink.signal.addEventListener('abort', () => controls?.close?.(), { once: true });
      return {
        ok: true,
        value: {
          control(msg) {
            if (sink.closed) return;
            const schema = def.control;
            if (!schema || !controls?.control) {
              return sink.end(invalidInput(`${name} takes no control messages.`));
            }
            const m = schema.safeParse(msg);
            if (!m.success) return sink.end(invalid(`${name} control`, m.error));
            try {
              controls.control(m.data);
            } catch (err) {
              sink.end(toPortholeError(err));
            }
          },
          ack,
          close,
        },
      };
    },
  };
}
