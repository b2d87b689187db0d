import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { coalescingReads } from '../../../../main/streams/coalesce-reads';

/** Writes `chunks` one at a time, the clock moving `gaps[i]` ms before chunk i; the waits asked for. */
async function run(chunks: Buffer[], gaps: number[]) {
  let clock = 0;
  const waits: number[] = [];
  const out: Buffer[] = [];
  const t = coalescingReads({
    now: () => clock,
    wait: (ms) => waits.push(ms),
  });
  t.on('data', (b: Buffer) => out.push(b));
  for (const [i, chunk] of chunks.entries()) {
    clock += gaps[i] ?? 0;
    await new Promise<void>((resolve, reject) =>
      t.write(chunk, (err) => (err ? reject(err) : resolve())),
    );
  }
  await new Promise<void>((resolve) => t.end(resolve));
  return { waits, out: Buffer.concat(out) };
}

const line = (n: number) => Buffer.from(`${n}\n`);

describe('coalescingReads', () => {
  it('passes every byte on, in order, unchanged', async () => {
    const chunks = Array.from({ length: 500 }, (_, n) => line(n));
    const { out } = await run(
      chunks,
      chunks.map(() => 0.1),
    );
    expect(out.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('waits for more to gather after a small read that follows another at once (a flood)', async () => {
    const chunks = Array.from({ length: 10 }, (_, n) => line(n));
    const { waits } = await run(
      chunks,
      chunks.map(() => 0.05),
    );
    // The first read of the flood has none before it.
    expect(waits).toHaveLength(9);
    expect(waits.every((ms) => ms > 0 && ms < 1)).toBe(true);
  });

  it('passes a line that comes by itself on at once', async () => {
    const chunks = Array.from({ length: 5 }, (_, n) => line(n));
    const { waits } = await run(
      chunks,
      chunks.map(() => 500),
    );
    expect(waits).toEqual([]);
  });

  it('does not wait after a big read: the reader is behind, not ahead', async () => {
    const big = Buffer.alloc(64 * 1024, 97);
    const { waits, out } = await run([big, big, big], [0, 0.01, 0.01]);
    expect(waits).toEqual([]);
    expect(out.length).toBe(3 * big.length);
  });

  it('blocks the thread for real by default, and still passes the bytes on', async () => {
    const chunks = Array.from({ length: 20 }, (_, n) => line(n));
    const out: Buffer[] = [];
    const t = coalescingReads();
    t.on('data', (b: Buffer) => out.push(b));
    await pipeline(Readable.from(chunks), t);
    expect(Buffer.concat(out).equals(Buffer.concat(chunks))).toBe(true);
  });
});
