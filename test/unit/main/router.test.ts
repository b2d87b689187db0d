import { describe, expect, it, vi } from 'vitest';
import { fail } from '../../../main/engine/errors';
import type { Ctx } from '../../../main/router';
import type { StreamOut } from '../../../main/streams/sink';
import { engineInfo, fakeRouter, quietLog } from './fake-core';

const ctx = (): Ctx => ({ connectionId: 'c1', signal: new AbortController().signal });

function recordingOut() {
  const events: { event: unknown; cost: number }[] = [];
  const ends: unknown[] = [];
  const out: StreamOut = {
    event: (event, cost) => events.push({ event, cost }),
    end: (error) => ends.push(error),
    buffered: () => 0,
  };
  return { out, events, ends };
}

describe('router calls', () => {
  it('runs the handler with parsed input and its context, and returns its value', async () => {
    const list = vi.fn(async () => [engineInfo]);
    const { router } = fakeRouter({ 'engines.list': list });
    const c = ctx();
    expect(await router.call(c, 'engines.list', {})).toEqual({ ok: true, value: [engineInfo] });
    expect(list).toHaveBeenCalledWith({}, c);
  });

  it('rejects unknown names, wrong types, missing engines and extra keys before any handler', async () => {
    const stop = vi.fn(async () => null);
    const { router } = fakeRouter({ 'containers.stop': stop });
    for (const [name, input, text] of [
      ['containers.explode', {}, /Unknown call/],
      ['toString', {}, /Unknown call/],
      ['containers.stop', { engineId: 42, id: 'x' }, /engineId/],
      ['containers.stop', { id: 'x' }, /engineId/],
      ['containers.stop', { engineId: 'local', id: '' }, /id/],
      ['containers.stop', { engineId: 'local', id: 'x', extra: 1 }, /extra|Unrecognized/i],
      ['containers.stop', 'not an object', /object/i],
    ] as const) {
      const r = await router.call(ctx(), name, input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT');
        expect(r.error.message).toMatch(text);
      }
    }
    expect(stop).not.toHaveBeenCalled();
  });

  it('returns a PortholeFailure as is, maps a docker 404, and hides stacks of the unexpected', async () => {
    const { router } = fakeRouter({
      'containers.start': async () => fail('CONFLICT', 'Already running', 'Stop it first'),
      'containers.stop': async () => {
        throw Object.assign(new Error('(HTTP code 404) no such container'), {
          statusCode: 404,
          json: { message: 'No such container: x' },
        });
      },
      'containers.restart': async () => {
        throw new TypeError('boom at line 3');
      },
    });
    const input = { engineId: 'local', id: 'x' };
    expect(await router.call(ctx(), 'containers.start', input)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Already running', hint: 'Stop it first' },
    });
    expect(await router.call(ctx(), 'containers.stop', input)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such container: x' },
    });
    const r = await router.call(ctx(), 'containers.restart', input);
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom at line 3' } });
    expect(quietLog.error).toHaveBeenCalled();
  });

  it('answers CANCELLED when the call was aborted while it ran', async () => {
    const controller = new AbortController();
    const { router } = fakeRouter({
      'containers.stop': async (_i, c) => {
        controller.abort();
        throw c.signal.reason;
      },
    });
    const r = await router.call(
      { connectionId: 'c', signal: controller.signal },
      'containers.stop',
      { engineId: 'local', id: 'x' },
    );
    expect(r.ok || r.error.code).toBe('CANCELLED');
  });
});

describe('router streams', () => {
  it('rejects an unknown stream or invalid input without starting a handler', () => {
    const { router, probe } = fakeRouter();
    const { out } = recordingOut();
    const unknown = router.open(ctx(), 'no.such.stream', {}, out);
    expect(unknown.ok || unknown.error.code).toBe('INVALID_INPUT');
    const bad = router.open(ctx(), 'logs.follow', { engineId: 'local' }, out);
    expect(bad.ok || bad.error.message).toMatch(/Invalid input for logs\.follow/);
    expect(probe.sink).toBeUndefined();
  });

  it('validates control messages against the stream’s schema before the handler sees them', () => {
    const { router, probe } = fakeRouter();
    const { out, ends } = recordingOut();
    const input = { engineId: 'local', id: 'c', cols: 80, rows: 24 };
    const r = router.open(ctx(), 'exec.session', input, out);
    if (!r.ok) throw new Error(r.error.message);
    r.value.control({ kind: 'input', data: 'ls\r' });
    expect(probe.control).toHaveBeenCalledWith({ kind: 'input', data: 'ls\r' });
    r.value.control({ kind: 'resize', cols: 0, rows: 24 });
    expect(probe.control).toHaveBeenCalledTimes(1);
    expect(ends).toEqual([expect.objectContaining({ code: 'INVALID_INPUT' })]);
    expect(probe.sink!.closed).toBe(true);
  });

  it('refuses control messages on a stream that takes none', () => {
    const { router, probe } = fakeRouter();
    const { out, ends } = recordingOut();
    const r = router.open(ctx(), 'engines.status', {}, out);
    if (!r.ok) throw new Error(r.error.message);
    r.value.control({ kind: 'input', data: 'x' });
    expect(probe.control).not.toHaveBeenCalled();
    expect(ends[0]).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/takes no control/),
    });
  });

  it('closing a stream aborts its signal, calls the handler’s close once, and drops later events', () => {
    const { router, probe } = fakeRouter();
    const { out, events, ends } = recordingOut();
    const r = router.open(ctx(), 'engines.status', {}, out);
    if (!r.ok) throw new Error(r.error.message);
    probe.sink!.next({ engineId: 'local', state: 'connected' });
    r.value.close();
    r.value.close();
    probe.sink!.next({ engineId: 'local', state: 'connecting' });
    probe.sink!.end();
    expect(events).toHaveLength(1);
    expect(ends).toHaveLength(0);
    expect(probe.ctx!.signal.aborted).toBe(true);
    expect(probe.close).toHaveBeenCalledTimes(1);
  });
});
