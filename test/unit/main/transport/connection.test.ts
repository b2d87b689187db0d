import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../../contract';
import { openConnection } from '../../../../main/transport/connection';
import { fakeRouter } from '../fake-core';

function connect(calls: Parameters<typeof fakeRouter>[0] = {}) {
  const { router, probe } = fakeRouter(calls);
  const frames: ServerFrame[] = [];
  const connection = openConnection(router, { send: (f) => frames.push(f) });
  return { connection, frames, probe };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const stop = { engineId: 'local', id: 'x' };

describe('a connection', () => {
  it('answers a call exactly once', async () => {
    const { connection, frames } = connect({ 'containers.stop': async () => null });
    connection.receive({ t: 'call', id: 1, name: 'containers.stop', input: stop });
    await flush();
    expect(frames).toEqual([{ t: 'result', id: 1, ok: true, value: null }]);
  });

  it('a cancelled call is answered CANCELLED once, its signal aborted, its late result dropped', async () => {
    let seen: AbortSignal | undefined;
    let finish: () => void = () => undefined;
    const { connection, frames } = connect({
      'containers.stop': (_i, ctx) => {
        seen = ctx.signal;
        return new Promise((resolve) => (finish = () => resolve(null)));
      },
    });
    connection.receive({ t: 'call', id: 1, name: 'containers.stop', input: stop });
    connection.receive({ t: 'cancel', id: 1 });
    finish();
    await flush();
    expect(seen?.aborted).toBe(true);
    expect(frames).toEqual([
      { t: 'result', id: 1, ok: false, error: expect.objectContaining({ code: 'CANCELLED' }) },
    ]);
  });

  it('closing aborts every call and stream it started and sends nothing more', async () => {
    let seen: AbortSignal | undefined;
    const { connection, frames, probe } = connect({
      'containers.stop': (_i, ctx) => {
        seen = ctx.signal;
        return new Promise(() => undefined);
      },
    });
    connection.receive({ t: 'call', id: 1, name: 'containers.stop', input: stop });
    connection.receive({ t: 'sub', id: 2, name: 'engines.status', input: {} });
    connection.close();
    probe.sink!.next({ engineId: 'local', state: 'connected' });
    await flush();
    expect(seen?.aborted).toBe(true);
    expect(probe.sink!.closed).toBe(true);
    expect(probe.close).toHaveBeenCalledTimes(1);
    expect(frames).toEqual([]);
  });

  it('routes control and acks to its own streams and refuses ids it does not own', () => {
    const { connection, frames, probe } = connect();
    const input = { engineId: 'local', id: 'c', cols: 80, rows: 24 };
    connection.receive({ t: 'sub', id: 5, name: 'exec.session', input });
    connection.receive({ t: 'ctl', id: 5, msg: { kind: 'input', data: 'a' } });
    expect(probe.control).toHaveBeenCalledWith({ kind: 'input', data: 'a' });
    connection.receive({ t: 'ctl', id: 6, msg: { kind: 'input', data: 'b' } });
    connection.receive({ t: 'ack', id: 7, n: 10 });
    expect(probe.control).toHaveBeenCalledTimes(1);
    expect(frames.filter((f) => f.t === 'error')).toHaveLength(2);
  });

  it('a stream’s events carry their cost; its end is sent once and frees the id', () => {
    const { connection, frames, probe } = connect();
    connection.receive({ t: 'sub', id: 3, name: 'logs.follow', input: logs });
    probe.sink!.next({ kind: 'state', state: 'attached' }, 42);
    probe.sink!.end();
    connection.receive({ t: 'ack', id: 3, n: 42 });
    expect(frames.slice(0, 2)).toEqual([
      { t: 'event', id: 3, event: { kind: 'state', state: 'attached' }, n: 42 },
      { t: 'end', id: 3 },
    ]);
    expect(frames[2]).toMatchObject({ t: 'error' });
  });

  it('10,000 calls on one connection leave no listener on its signal (nodejs/node#55351)', async () => {
    const signals: AbortSignal[] = [];
    const { connection, frames } = connect({
      'containers.stop': async (_i, ctx) => {
        signals.push(ctx.signal);
        return null;
      },
    });
    for (let id = 1; id <= 10_000; id++) {
      connection.receive({ t: 'call', id, name: 'containers.stop', input: stop });
    }
    // While in flight, each call holds exactly one listener on the connection's signal.
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(10_000);
    await flush();
    expect(frames.filter((f) => f.t === 'result')).toHaveLength(10_000);
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
    // A settled call's signal is cut loose: closing the connection no longer reaches it.
    connection.close();
    expect(signals.some((s) => s.aborted)).toBe(false);
  });

  it('a call still in flight is aborted by close; one cancelled is released at once', async () => {
    const seen: AbortSignal[] = [];
    const { connection } = connect({
      'containers.stop': (_i, ctx) => {
        seen.push(ctx.signal);
        return new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve(null)));
      },
    });
    connection.receive({ t: 'call', id: 1, name: 'containers.stop', input: stop });
    connection.receive({ t: 'call', id: 2, name: 'containers.stop', input: stop });
    connection.receive({ t: 'cancel', id: 1 });
    await flush();
    expect(seen[0]!.aborted).toBe(true);
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(1);
    connection.close();
    expect(seen[1]!.aborted).toBe(true);
  });

  it('refuses malformed frames and duplicate ids, and keeps serving', async () => {
    const { connection, frames } = connect({ 'containers.stop': async () => null });
    connection.receive(undefined);
    connection.receive({ t: 'launch', id: 1 });
    connection.receive({ t: 'call', id: -1, name: 'x', input: {} });
    connection.receive({ t: 'sub', id: 9, name: 'engines.status', input: {} });
    connection.receive({ t: 'sub', id: 9, name: 'engines.status', input: {} });
    connection.receive({ t: 'call', id: 10, name: 'containers.stop', input: stop });
    await flush();
    expect(frames.filter((f) => f.t === 'error')).toHaveLength(3);
    expect(frames).toContainEqual({
      t: 'end',
      id: 9,
      error: expect.objectContaining({ message: expect.stringMatching(/in use/) }),
    });
    expect(frames).toContainEqual({ t: 'result', id: 10, ok: true, value: null });
  });
});

const logs = { engineId: 'local', id: 'c', follow: true, stdout: true, stderr: true };
