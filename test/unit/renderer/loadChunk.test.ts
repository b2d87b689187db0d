import { describe, expect, it } from 'vitest';
import { CHUNK_ATTEMPTS, loadChunk, type ChunkDeps } from '../../../renderer/src/loadChunk';

function deps(lastReload?: number) {
  const seen = { reloads: 0, marked: undefined as number | undefined, slept: [] as number[] };
  const d: ChunkDeps = {
    sleep: async (ms) => void seen.slept.push(ms),
    lastReload: () => lastReload,
    markReload: (at) => void (seen.marked = at),
    reload: () => void seen.reloads++,
    now: () => 100_000,
  };
  return { d, seen };
}

const failing = (times: number) => {
  let calls = 0;
  const load = async () => {
    calls++;
    if (calls <= times) throw new TypeError('Failed to fetch dynamically imported module');
    return { ok: true };
  };
  return { load, calls: () => calls };
};

describe('loadChunk', () => {
  it('retries a chunk that failed to arrive, waiting longer each time', async () => {
    const { d, seen } = deps();
    const f = failing(CHUNK_ATTEMPTS - 1);
    await expect(loadChunk(f.load, d)).resolves.toEqual({ ok: true });
    expect(f.calls()).toBe(CHUNK_ATTEMPTS);
    expect(seen.slept).toEqual([250, 500]);
    expect(seen.reloads).toBe(0);
  });

  it('reloads the page once when every attempt failed, and marks when', async () => {
    const { d, seen } = deps();
    const f = failing(Infinity);
    const settled = await Promise.race([
      loadChunk(f.load, d).then(
        () => 'settled',
        () => 'settled',
      ),
      new Promise((r) => setTimeout(() => r('pending'), 50)),
    ]);
    expect(settled).toBe('pending'); // nothing renders while the page goes
    expect(seen.reloads).toBe(1);
    expect(seen.marked).toBe(100_000);
  });

  it('gives up with the error when it reloaded for this moments ago', async () => {
    const { d, seen } = deps(100_000 - 5_000);
    const f = failing(Infinity);
    await expect(loadChunk(f.load, d)).rejects.toThrow(
      'Failed to fetch dynamically imported module',
    );
    expect(seen.reloads).toBe(0);
  });

  it('reloads again once the last such reload is long past', async () => {
    const { d, seen } = deps(100_000 - 60_000);
    void loadChunk(failing(Infinity).load, d);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.reloads).toBe(1);
  });
});
