import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LIMITS, WINDOWS } from '../../../../contract';
import { sendDownload } from '../../../../main/transport/download';
import { fakeRouter } from '../fake-core';

const ctx = { connectionId: 'c', signal: new AbortController().signal };
const tick = () => new Promise((r) => setImmediate(r));

/** A socket that takes each write only when the test says so. */
function slowTarget() {
  const pending: (() => void)[] = [];
  const target = new Writable({
    highWaterMark: 16 * 1024,
    write(_chunk, _enc, done) {
      pending.push(() => done());
    },
  });
  const flush = async (n: number) => {
    for (let i = 0; i < n; i++) {
      while (!pending.length) await tick();
      pending.shift()!();
      await tick();
    }
  };
  return { target, flush };
}

describe('sendDownload', () => {
  it('resumes the source while bytes are still queued, not only once the target drained', async () => {
    const { router, probe } = fakeRouter();
    const { target, flush } = slowTarget();
    void sendDownload(
      router,
      ctx,
      'images.save',
      { engineId: 'local', ids: ['a'] },
      target,
      () => {},
    );
    const sink = probe.sink!;
    const state: string[] = [];
    sink.onPause(
      () => state.push('paused'),
      () => state.push('resumed'),
    );
    const chunk = new Uint8Array(LIMITS.chunkBytes);
    const count = Math.ceil(WINDOWS.bytes.high / chunk.byteLength) + 1;
    for (let i = 0; i < count; i++) sink.next({ kind: 'chunk', data: chunk }, chunk.byteLength);
    expect(state).toEqual(['paused']);
    // Enough written out to fall below the low mark, with several chunks still queued.
    const below = Math.ceil((WINDOWS.bytes.high - WINDOWS.bytes.low) / chunk.byteLength) + 2;
    expect(below).toBeLessThan(count - 2);
    await flush(below);
    expect(target.writableLength).toBeGreaterThan(0);
    expect(state).toEqual(['paused', 'resumed']);
  });
});
