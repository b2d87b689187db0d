import { logTexts } from '../contract';
import { BUSYBOX_IMAGE } from './harness/engine';
import { connectClient, type RawClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { LogsPage } from './pages/logs';

/** Stream 1: what a view that hides times asks for (`timestamps: false`). */
function followUnstamped(client: RawClient, id: string, more: { tail?: number } = {}) {
  client.send({
    t: 'sub',
    id: 1,
    name: 'logs.follow',
    input: {
      engineId: 'env',
      id,
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: false,
      ...more,
    },
  });
}

// A view that hides times asks for the written lines without them (`timestamps: false`) up to
// the engine's clock, then follows stamped from that instant on — stamped for main's sake only
// (to follow on across a restart): the view gets no stamps. The cut must lose no line and show
// none twice, while the container keeps printing across it.
test('unstamped history, stamped follow: a counter printing across the cut arrives whole, once each, without stamps', async ({
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('count');
  docker(
    'run',
    '-d',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'i=0; while true; do i=$((i+1)); echo $i; sleep 0.01; done',
  );
  await expect.poll(() => docker('logs', name).split('\n').length).toBeGreaterThan(100);
  const client = await connectClient(suite.app);
  try {
    followUnstamped(client, name);
    // What was written when we asked: the history's share, at most; the rest comes followed.
    const written = docker('logs', name).split('\n').length;
    const texts: string[] = [];
    let attached = 0;
    // Well past the cut: over a second and a half of lines from the following attachment.
    while (texts.length < written + 150) {
      const m = await client.next((f) => f.id === 1 && (f.t === 'event' || f.t === 'end'));
      expect(m.t).toBe('event');
      const e = m.event as { kind: string; state?: string; ts?: string[]; data?: Uint8Array };
      client.send({ t: 'ack', id: 1, n: m.n });
      if (e.kind === 'state' && e.state === 'attached') attached++;
      if (e.kind !== 'lines') continue;
      expect(e.ts).toEqual([]);
      texts.push(...logTexts({ data: e.data! }));
    }
    // Two attachments: the history up to the cut, then the followed part.
    expect(attached).toBe(2);
    // The counter from 1, every number once, in order: nothing lost or repeated at the cut.
    expect(texts).toEqual(texts.map((_t, i) => String(i + 1)));
  } finally {
    client.close();
  }
});

test('Timestamps on: the view asks again with times, and shows the engine’s (the CLI’s -t as the oracle)', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('times');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'echo early; exec sleep 600');
  await expect.poll(() => docker('logs', name)).toBe('early');
  const logs = await LogsPage.openFrom(app, name);
  await expect(logs.lines()).toHaveCount(1);
  await expect(logs.log.locator('.log-ts')).toHaveCount(0);
  await logs.page.getByRole('checkbox', { name: 'Timestamps' }).check();
  const [stamp] = docker('logs', '-t', name).split(' ');
  // The view's short form: date, then the time to the millisecond.
  const shown = `${stamp!.slice(0, 10)} ${stamp!.slice(11, 23)}`;
  await expect(logs.log.locator('.log-ts')).toHaveText(shown);
  expect(await logs.texts()).toEqual(['early']);
  await logs.page.screenshot({ path: test.info().outputPath('logs-timestamps.png') });
});

/** The engine's clock now (`docker info`), in ms since the epoch; the oracle for "the same second". */
const engineNow = (docker: (...args: string[]) => string) =>
  Date.parse(docker('info', '-f', '{{.SystemTime}}'));

// The cut is on the engine's clock: cut to the second, the lines written earlier in the current
// second went to the following part, where a tail does not limit them (tail 7 showed all 50).
test('tail N, unstamped: the lines written in the current second are still limited to N (docker logs --tail)', async ({
  docker,
  suite,
  uniqueName,
}) => {
  let sameSecond = 0;
  for (let attempt = 0; attempt < 4 && sameSecond < 2; attempt++) {
    // Write just after a second begins, so the subscription below can still come in that second.
    while (engineNow(docker) % 1000 > 100) await new Promise((r) => setTimeout(r, 20));
    const name = uniqueName(`tail-now-${attempt}`);
    docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'seq 1 50; exec sleep 600');
    await expect.poll(() => docker('logs', name).split('\n').length).toBe(50);
    const expected = docker('logs', '--tail', '7', name).split('\n');
    const written = Date.parse(docker('logs', '-t', '--tail', '1', name).split(' ')[0]!);
    const client = await connectClient(suite.app);
    try {
      followUnstamped(client, name, { tail: 7 });
      const texts: string[] = [];
      let opened: number | undefined;
      for (;;) {
        let m;
        try {
          // The container prints nothing more: what has not come within a second is not coming.
          m = await client.next((f) => f.id === 1 && f.t === 'event', texts.length ? 1000 : 10_000);
        } catch {
          break;
        }
        const e = m.event as { kind: string; data?: Uint8Array };
        if (e.kind === 'lines') {
          // The app read its cut from the engine's clock before these: no later than now.
          opened ??= engineNow(docker);
          texts.push(...logTexts({ data: e.data! }));
        }
        client.send({ t: 'ack', id: 1, n: m.n });
      }
      if (opened && Math.floor(opened / 1000) === Math.floor(written / 1000)) sameSecond++;
      expect(texts).toEqual(expected);
    } finally {
      client.close();
    }
  }
  // Otherwise this test could not have failed: the case it is about never happened.
  expect(sameSecond).toBeGreaterThan(0);
});
