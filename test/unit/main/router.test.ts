import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortholeError } from '../../../contract';
import type { PortholeFailure as Failure } from '../../../main/engine/errors';
import type {
  CallHandlers,
  createRouter as CreateRouter,
  StreamHandlers,
} from '../../../main/router';

// main/log reads PORTHOLE_LOG when it is first imported: set it before loading the router. After
// resetModules the router has its own copy of engine/errors, so PortholeFailure comes from there
// too (a statically imported class would fail the router's instanceof check).
let createRouter: typeof CreateRouter;
let PortholeFailure: typeof Failure;
beforeAll(async () => {
  vi.stubEnv('PORTHOLE_LOG', 'silent');
  vi.resetModules();
  ({ createRouter } = await import('../../../main/router'));
  ({ PortholeFailure } = await import('../../../main/engine/errors'));
  vi.unstubAllEnvs();
});

const engineInfo = {
  id: 'local',
  name: 'Local Docker',
  source: 'default' as const,
  endpoint: 'unix:///var/run/docker.sock',
  status: { engineId: 'local', state: 'connected' as const },
};

function fakeHandlers(overrides: Partial<CallHandlers> = {}): CallHandlers {
  return {
    'engines.list': vi.fn(async () => [engineInfo]),
    'containers.list': vi.fn(async () => []),
    'containers.start': vi.fn(async () => null),
    'containers.stop': vi.fn(async () => null),
    'containers.restart': vi.fn(async () => null),
    'containers.remove': vi.fn(async () => null),
    ...overrides,
  };
}

/** A stream handler that hands its emit/end out to the test. */
function controllableStreams() {
  const state = {
    emit: undefined as ((e: unknown) => void) | undefined,
    end: undefined as ((e?: PortholeError) => void) | undefined,
    stop: vi.fn(),
    input: undefined as unknown,
  };
  const streams: StreamHandlers = {
    'engines.status': (input, emit, end) => {
      state.input = input;
      state.emit = emit as (e: unknown) => void;
      state.end = end;
      return state.stop;
    },
    'engine.events': (input, emit, end) => {
      state.input = input;
      state.emit = emit as (e: unknown) => void;
      state.end = end;
      return state.stop;
    },
  };
  return { state, streams };
}

describe('router.call', () => {
  let handlers: CallHandlers;
  let router: ReturnType<typeof CreateRouter>;

  beforeEach(() => {
    handlers = fakeHandlers();
    router = createRouter(handlers, controllableStreams().streams);
  });

  it('runs the handler with parsed input and returns its value', async () => {
    expect(await router.call('engines.list', {})).toEqual({ ok: true, value: [engineInfo] });
    const input = { engineId: 'local', id: 'abc', force: true, removeVolumes: false };
    expect(await router.call('containers.remove', input)).toEqual({ ok: true, value: null });
    expect(handlers['containers.remove']).toHaveBeenCalledWith(input);
  });

  it.each(['nope', 'toString', '__proto__', 'engine.events', 42, undefined])(
    'rejects unknown call name %j with INVALID_INPUT',
    async (name) => {
      const result = await router.call(name, {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Unknown call "${String(name)}".` },
      });
    },
  );

  it('rejects wrong input types, naming the field, without calling the handler', async () => {
    const result = await router.call('containers.remove', {
      engineId: 'local',
      id: 'abc',
      force: 'yes',
      removeVolumes: false,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/^Invalid input for containers\.remove: force: /);
    expect(handlers['containers.remove']).not.toHaveBeenCalled();
  });

  it('rejects a missing engineId', async () => {
    const result = await router.call('containers.start', { id: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain('engineId');
    expect(handlers['containers.start']).not.toHaveBeenCalled();
  });

  it('rejects extra keys and non-object input', async () => {
    const extra = await router.call('containers.list', { engineId: 'local', sneaky: 1 });
    expect(extra.ok).toBe(false);
    const notObject = await router.call('containers.list', 'local');
    expect(notObject.ok).toBe(false);
    expect(handlers['containers.list']).not.toHaveBeenCalled();
  });

  it('returns the error a handler throws as PortholeFailure', async () => {
    const error: PortholeError = { code: 'CONFLICT', message: 'busy', hint: 'wait' };
    router = createRouter(
      fakeHandlers({
        'containers.stop': async () => {
          throw new PortholeFailure(error);
        },
      }),
      controllableStreams().streams,
    );
    expect(await router.call('containers.stop', { engineId: 'local', id: 'abc' })).toEqual({
      ok: false,
      error,
    });
  });

  it('maps a docker-like 404 thrown by a handler to NOT_FOUND', async () => {
    router = createRouter(
      fakeHandlers({
        'containers.start': async () => {
          throw Object.assign(new Error('(HTTP code 404) no such container'), {
            statusCode: 404,
            json: { message: 'No such container: abc' },
          });
        },
      }),
      controllableStreams().streams,
    );
    expect(await router.call('containers.start', { engineId: 'local', id: 'abc' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such container: abc' },
    });
  });

  it('maps an unexpected throw to INTERNAL without a stack', async () => {
    router = createRouter(
      fakeHandlers({
        'engines.list': async () => {
          throw new Error('kaput');
        },
      }),
      controllableStreams().streams,
    );
    const result = await router.call('engines.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'kaput' } });
  });
});

describe('router.subscribe', () => {
  it('rejects an unknown stream name', () => {
    const { streams } = controllableStreams();
    const router = createRouter(fakeHandlers(), streams);
    const emit = vi.fn();
    const end = vi.fn();
    for (const name of ['nope', 'containers.list', 'toString', '__proto__']) {
      const result = router.subscribe(name, {}, emit, end);
      expect(result).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Unknown stream "${name}".` },
      });
    }
    expect(emit).not.toHaveBeenCalled();
    expect(end).not.toHaveBeenCalled();
  });

  it('rejects invalid stream input without starting the handler', () => {
    const { state, streams } = controllableStreams();
    const router = createRouter(fakeHandlers(), streams);
    const result = router.subscribe('engine.events', { engineId: 'NOT VALID' }, vi.fn(), vi.fn());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('engineId');
    }
    expect(state.emit).toBeUndefined();
  });

  it('passes events through and calls end exactly once', () => {
    const { state, streams } = controllableStreams();
    const router = createRouter(fakeHandlers(), streams);
    const emit = vi.fn();
    const end = vi.fn();
    const result = router.subscribe('engine.events', { engineId: 'local' }, emit, end);
    expect(result.ok).toBe(true);
    expect(state.input).toEqual({ engineId: 'local' });

    state.emit!({ kind: 'reconcile' });
    state.emit!({ kind: 'event', type: 'container', action: 'start', id: 'a', timeNano: '1' });
    expect(emit).toHaveBeenCalledTimes(2);
    expect(emit).toHaveBeenNthCalledWith(1, { kind: 'reconcile' });

    const error: PortholeError = { code: 'ENGINE_UNREACHABLE', message: 'gone' };
    state.end!(error);
    state.end!();
    expect(end).toHaveBeenCalledTimes(1);
    expect(end).toHaveBeenCalledWith(error);

    // Events after the end are dropped.
    state.emit!({ kind: 'reconcile' });
    expect(emit).toHaveBeenCalledTimes(2);
  });

  it('after unsubscribe, stops the handler and drops emits and ends', () => {
    const { state, streams } = controllableStreams();
    const router = createRouter(fakeHandlers(), streams);
    const emit = vi.fn();
    const end = vi.fn();
    const result = router.subscribe('engines.status', {}, emit, end);
    if (!result.ok) throw new Error('subscribe failed');

    state.emit!({ engineId: 'local', state: 'connected' });
    expect(emit).toHaveBeenCalledTimes(1);

    result.value.unsubscribe();
    expect(state.stop).toHaveBeenCalledTimes(1);

    state.emit!({ engineId: 'local', state: 'disconnected' });
    state.end!();
    expect(emit).toHaveBeenCalledTimes(1);
    expect(end).not.toHaveBeenCalled();
  });

  it('turns a throwing stream handler into an error result', () => {
    const { streams } = controllableStreams();
    const router = createRouter(fakeHandlers(), {
      ...streams,
      'engine.events': () => {
        throw new PortholeFailure({ code: 'NOT_FOUND', message: 'No engine "zzz".' });
      },
    });
    expect(router.subscribe('engine.events', { engineId: 'zzz' }, vi.fn(), vi.fn())).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No engine "zzz".' },
    });
  });
});
