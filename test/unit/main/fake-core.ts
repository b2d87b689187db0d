import { vi } from 'vitest';
import type { PortholeError } from '../../../contract';
import type { Logger } from '../../../main/log';
import {
  createRouter,
  type CallHandlers,
  type Ctx,
  type Router,
  type StreamHandlers,
} from '../../../main/router';
import type { Sink } from '../../../main/streams/sink';

export const quietLog: Logger = { info: vi.fn(), error: vi.fn() };

export const engineInfo = {
  id: 'local',
  name: 'Local Docker',
  source: 'default' as const,
  endpoint: 'unix:///var/run/docker.sock',
  status: { engineId: 'local', state: 'connected' as const },
};

/** What a fake stream handler saw, for the test to drive. */
export interface StreamProbe {
  sink: Sink<unknown> | undefined;
  ctx: Ctx | undefined;
  input: unknown;
  control: ReturnType<typeof vi.fn>;
  close: ReturnType<typeof vi.fn>;
}

/**
 * A router over hand-made handlers: only the names a test uses are given (the rest answer
 * INTERNAL if reached), and every stream hands its sink to the probe.
 */
export function fakeRouter(calls: Partial<CallHandlers> = {}): {
  router: Router;
  probe: StreamProbe;
} {
  const probe: StreamProbe = {
    sink: undefined,
    ctx: undefined,
    input: undefined,
    control: vi.fn(),
    close: vi.fn(),
  };
  const start = (ctx: Ctx, input: unknown, sink: Sink<unknown>) => {
    probe.ctx = ctx;
    probe.input = input;
    probe.sink = sink;
    return { control: probe.control, close: probe.close };
  };
  const streams = new Proxy({} as StreamHandlers, { get: () => start });
  const handlers = new Proxy(calls as CallHandlers, {
    get: (target, name: string) =>
      (target as Record<string, unknown>)[name] ??
      (async () => {
        throw new Error(`no fake for ${name}`);
      }),
  });
  return { router: createRouter(handlers, streams, quietLog), probe };
}

export const never = (): PortholeError => ({ code: 'INTERNAL', message: 'unreachable' });
