import { describe, expect, it } from 'vitest';
import { serviceLogBytes } from '../../../../../main/engine/service-logs-download';
import { logTimeMs, splitDetails } from '../../../../../main/engine/service-logs';

const TASK1 = 'q1w2e3r4t5y6u7i8o9p0a1s2d';
const TASK2 = 'z9x8c7v6b5n4m3l2k1j0h9g8f';
const details = (task: string) =>
  `com.docker.swarm.node.id=n0d3,com.docker.swarm.service.id=s3rv,com.docker.swarm.task.id=${task}`;
const STAMP = '2026-12-02T03:30:00.123456789Z';

/** One multiplexed frame (stdout 1, stderr 2), as the engine sends each service log line. */
function frame(text: string, kind = 1): Buffer {
  const payload = Buffer.from(text);
  const h = Buffer.alloc(8);
  h[0] = kind;
  h.writeUInt32BE(payload.length, 4);
  return Buffer.concat([h, payload]);
}

const prefix = (task: string) =>
  `web.${task === TASK1 ? 1 : task === TASK2 ? 2 : task.slice(0, 12)} | `;

/** Pushes `bytes` through the transform in pieces of `size` and returns what comes out. */
async function run(bytes: Buffer, size: number, timestamps = false): Promise<string> {
  const t = serviceLogBytes(prefix, timestamps);
  const out: Buffer[] = [];
  t.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((r) => t.on('end', r));
  for (let i = 0; i < bytes.length; i += size) t.write(bytes.subarray(i, i + size));
  t.end();
  await ended;
  return Buffer.concat(out).toString('utf8');
}

describe("serviceLogBytes: the engine's service log → the file a user downloads", () => {
  const engine = Buffer.concat([
    frame(`${STAMP} ${details(TASK1)} hello from slot 1\n`),
    frame(`${STAMP} ${details(TASK2)} oops: ünïcödé ✓\n`, 2),
    frame(`${STAMP} ${details(TASK1)} \n`),
  ]);
  const expected = 'web.1 | hello from slot 1\nweb.2 | oops: ünïcödé ✓\nweb.1 | \n';

  it.each([1, 3, 7, 64, 100_000])("names each line's task, in pieces of %i bytes", async (n) => {
    expect(await run(engine, n)).toBe(expected);
  });

  it("keeps the engine's stamp when asked", async () => {
    expect(await run(engine, 5, true)).toBe(
      expected
        .split('\n')
        .filter(Boolean)
        .map((l) => `${STAMP} ${l}\n`)
        .join(''),
    );
  });

  it('a long line goes whole (nothing cut), a task it does not know by its short id', async () => {
    const long = 'x'.repeat(300_000);
    const other = 'a'.repeat(25);
    const out = await run(frame(`${STAMP} ${details(other)} ${long}\n`), 4096);
    expect(out).toBe(`web.aaaaaaaaaaaa | ${long}\n`);
  });

  it('a line without details passes as it came (less its stamp)', async () => {
    expect(await run(frame(`${STAMP} plain line\n`), 2)).toBe('plain line\n');
    expect(await run(frame(`${STAMP}\n`), 2)).toBe(`${STAMP}\n`);
  });
});

describe('splitDetails', () => {
  it('the task id and the text after the details', () => {
    expect(splitDetails(`${details(TASK2)} a b c`)).toEqual([TASK2, 'a b c']);
    expect(splitDetails('no details here')).toBeUndefined();
  });
});

describe('logTimeMs (Until for service logs, which the engine has not)', () => {
  it('reads Unix seconds, with or without a fraction', () => {
    expect(logTimeMs('1764646200')).toBe(1_764_646_200_000);
    expect(logTimeMs('1764646200.5')).toBe(1_764_646_200_500);
  });
  it('reads the engine’s RFC 3339 with nanoseconds, and offsets', () => {
    expect(logTimeMs(STAMP)).toBe(Date.UTC(2026, 11, 2, 3, 30, 0, 123));
    expect(logTimeMs('2026-12-02T04:30:00+01:00')).toBe(Date.UTC(2026, 11, 2, 3, 30, 0));
  });
});
