import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { runArgv } from '../../../../main/engine/exec-run';

const frame = (type: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

/** A container whose exec answers `chunks` (the engine's multiplexed bytes) and exits with 3. */
function engine(chunks: Buffer[]): Docker {
  const exec = {
    start: async () => {
      const s = new PassThrough();
      setImmediate(() => {
        for (const c of chunks) s.write(c);
        s.end();
      });
      return s;
    },
    inspect: async () => ({ Running: false, ExitCode: 3 }),
  };
  return { getContainer: () => ({ exec: async () => exec }) } as unknown as Docker;
}

describe('runArgv', () => {
  it('demultiplexes stdout from stderr across chunk boundaries', async () => {
    const all = Buffer.concat([frame(1, 'total 0\n'), frame(2, 'ls: denied\n'), frame(1, 'x\n')]);
    const r = await runArgv(
      engine([all.subarray(0, 5), all.subarray(5, 21), all.subarray(21)]),
      'c',
      ['ls'],
    );
    expect(r).toEqual({
      code: 3,
      stdout: 'total 0\nx\n',
      stderr: 'ls: denied\n',
      truncated: false,
    });
  });

  it('keeps at most maxBytes of stdout and says so', async () => {
    const r = await runArgv(engine([frame(1, 'abcdef'), frame(1, 'ghi')]), 'c', ['cat'], {
      maxBytes: 4,
    });
    expect([r.stdout, r.truncated]).toEqual(['abcd', true]);
  });
});
