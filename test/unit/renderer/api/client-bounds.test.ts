import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OUT, type PortFrame } from '../../../../contract';
import type { Transport } from '../../../../renderer/src/api/transport';

/** The renderer's client over a stand-in bridge that answers what the test says. */
let answer: unknown;
let onFrame: (frame: PortFrame) => void = () => undefined;
const bridge: Transport = {
  call: () => ({ result: Promise.resolve(answer), cancel: () => undefined }),
  subscribe: (_name, _input, frames) => {
    onFrame = frames;
    return { post: () => undefined, close: () => undefined };
  },
};
const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
const g = globalThis as unknown as { window?: { porthole: Transport }; location?: unknown };
beforeAll(() => {
  g.window = { porthole: bridge };
  g.location = { protocol: 'http:', host: '127.0.0.1' };
});
afterAll(() => {
  delete g.window;
  delete g.location;
  quiet.mockRestore();
});
const client = () => import('../../../../renderer/src/api/client');

const volume = (name: string) => ({
  name,
  driver: 'local',
  scope: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  created: '2026-01-01T00:00:00Z',
  labels: {},
  options: {},
  usedBy: [],
  anonymous: false,
});

describe('an answer over a bound of the contract', () => {
  it('a real-sized answer validates; one over a bound is a clear error, not a crash', async () => {
    const { call } = await client();
    answer = { t: 'result', ok: true, value: [volume('data')] };
    const ok = await call('volumes.list', { engineId: 'local' }).catch((e: Error) => e);
    // The stand-in row must itself be valid, or the next assertion proves nothing.
    expect(ok).toEqual([expect.objectContaining({ name: 'data' })]);

    answer = { t: 'result', ok: true, value: [volume('x'.repeat(OUT.name + 1))] };
    await expect(call('volumes.list', { engineId: 'local' })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/^Unexpected answer to volumes\.list: 0\.name: Too big/),
    });
  });

  it('a stream event over a bound is reported and dropped; the stream goes on', async () => {
    const { subscribe } = await client();
    const seen: unknown[] = [];
    const failures = () =>
      (globalThis as unknown as { __portholeSchemaFailures: { count: number } })
        .__portholeSchemaFailures.count;
    const before = failures();
    subscribe('engines.status', {}, (e) => seen.push(e));
    const status = (error: string) => ({
      t: 'event' as const,
      event: { engineId: 'local', state: 'disconnected', error },
    });
    onFrame(status('x'.repeat(OUT.text + 1)) as PortFrame);
    onFrame(status('refused') as PortFrame);
    expect(failures()).toBe(before + 1);
    expect(seen).toEqual([expect.objectContaining({ error: 'refused' })]);
  });
});
