import { describe, expect, it } from 'vitest';
import { LIMITS, type UploadControl } from '../../../../contract';
import { Uploader } from '../../../../renderer/src/components/byteStreams';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Uploader', () => {
  it('slices files by chunkBytes and keeps at most the window unanswered', async () => {
    const sent: UploadControl[] = [];
    let answered = 0;
    const window = 3 * LIMITS.chunkBytes;
    const up = new Uploader(
      (m) => sent.push(m),
      (n) => (answered = n),
      window,
    );
    const big = new Blob([new Uint8Array(10 * LIMITS.chunkBytes + 5).fill(7)]);
    const done = up.send([
      { path: '.dockerignore', blob: new Blob(['x\n']) },
      { path: 'big.bin', blob: big },
    ]);
    const sentBytes = () =>
      sent.reduce((n, m) => n + (m.kind === 'chunk' ? m.data.byteLength : 0), 0);
    await tick();
    await tick();
    // Never past the window: the next slice waits for `written`.
    expect(sent.filter((m) => m.kind === 'chunk')).toHaveLength(3);
    for (let i = 0; i < 40 && sent.at(-1)?.kind !== 'end'; i++) {
      expect(sentBytes() - answered).toBeLessThanOrEqual(window);
      // The server answers one chunk at a time.
      const owed = sentBytes() - answered;
      if (owed) up.written(Math.min(owed, LIMITS.chunkBytes));
      await tick();
      await tick();
    }
    expect(await done).toBe(true);
    expect(sent[0]).toEqual({ kind: 'file', path: '.dockerignore', size: 2 });
    expect(sent[2]).toEqual({ kind: 'file', path: 'big.bin', size: big.size });
    const chunks = sent.filter((m) => m.kind === 'chunk');
    expect(chunks.every((m) => m.data.byteLength <= LIMITS.chunkBytes)).toBe(true);
    expect(chunks.reduce((n, m) => n + m.data.byteLength, 0)).toBe(2 + big.size);
    expect(sent.at(-1)).toEqual({ kind: 'end' });
  });

  it('stops sending when stopped (the stream closed or failed)', async () => {
    const sent: UploadControl[] = [];
    const up = new Uploader((m) => sent.push(m), undefined, LIMITS.chunkBytes);
    const done = up.send([{ blob: new Blob([new Uint8Array(5 * LIMITS.chunkBytes)]) }]);
    await tick();
    up.stop();
    expect(await done).toBe(false);
    expect(sent).toHaveLength(1);
    expect(sent.some((m) => m.kind === 'end')).toBe(false);
  });
});
