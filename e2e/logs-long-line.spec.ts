import { logTexts } from '../contract';
import { BUSYBOX_IMAGE } from './harness/engine';
import { DOCKER_CLI, run } from './harness/proc';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { LogsPage } from './pages/logs';

// The defect: one long line cost main quadratic time (a 32 MB line took ~25 s to reach the view
// with main's CPU pinned). Lines are now cut at 64 KiB, marked with their full length.
test('one 32 MB line: shown cut with its full size, the next line follows, the router keeps answering', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('long');
  // `tr` is not linked in the offline image; busybox itself is.
  docker(
    'run',
    '-d',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'head -c 33554432 /dev/zero | busybox tr "\\0" a; echo; echo after; exec sleep 600',
  );
  await expect.poll(() => docker('logs', '--tail', '1', name)).toBe('after');
  // The oracle: the CLI's first line, in bytes (without its newline).
  const firstLine = (tail: string) =>
    Number(
      run('sh', [
        '-c',
        `${DOCKER_CLI} -H ${suite.engine.host} logs --tail ${tail} ${name} | head -n 1 | wc -c`,
      ]),
    ) - 1;
  const full = firstLine('all');
  expect(full).toBe(33554432);
  // The engine stores the line as 16 KiB messages, and its tail counts messages: the view's
  // last 1,000 "lines" (TAIL_STEP) hold only the line's last 999 pieces — as `docker logs` says.
  const inView = firstLine('1000');
  expect(inView).toBeLessThan(full);
  const size = `${(inView / 1e6).toFixed(1)} MB`;

  const client = await connectClient(suite.app);
  try {
    await test.step('over the wire: one batch marks the line cut with its full length', async () => {
      client.send({
        t: 'sub',
        id: 1,
        name: 'logs.follow',
        input: { engineId: 'env', id: name, follow: false, stdout: true, stderr: true },
      });
      // While main reads the 32 MB from the engine, a call through the router still answers.
      const list = await client.call('engines.list', {});
      expect(list.ok).toBe(true);
      const texts: string[] = [];
      const cuts: [number, number][] = [];
      for (;;) {
        const m = await client.next((f) => f.id === 1 && (f.t === 'event' || f.t === 'end'));
        if (m.t === 'end') {
          expect(m.error).toBeUndefined();
          break;
        }
        const e = m.event as { kind: string; data?: Uint8Array; cut?: [number, number][] };
        if (e.kind !== 'lines') continue;
        for (const [i, n] of e.cut ?? []) cuts.push([texts.length + i, n]);
        texts.push(...logTexts({ data: e.data! }));
        client.send({ t: 'ack', id: 1, n: m.n });
      }
      expect(texts.map((t) => t.length)).toEqual([64 * 1024, 5]);
      expect(texts[0]).toMatch(/^a+$/);
      expect(texts[1]).toBe('after');
      expect(cuts).toEqual([[0, full]]);
    });
  } finally {
    client.close();
  }

  await test.step('in the view: the line cut, marked with its full size, then "after"', async () => {
    const logs = await LogsPage.openFrom(app, name);
    await expect(logs.lines()).toHaveCount(2);
    await expect(logs.lastLine()).toHaveText('after');
    // In view, not 64 KiB to the right: the marker keeps to the edge of the log.
    await expect(logs.cutMarker(size)).toBeInViewport();
    await logs.page.screenshot({ path: test.info().outputPath('logs-cut-line.png') });
    const [long, after] = await logs.texts();
    expect(long!.length).toBe(64 * 1024);
    expect(long).toMatch(/^a+$/);
    expect(after).toBe('after');
    await expect(logs.status).toHaveText('Following');
  });
});
