import { logTexts } from '../contract';
import { BUSYBOX_IMAGE } from './harness/engine';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { LogsPage } from './pages/logs';

// A view that hides times asks for the written lines without them (`timestamps: false`) up to
// the engine's clock, then follows stamped from that second on. The cut must lose no line and
// show none twice, while the container keeps printing across it.
test('unstamped history, stamped follow: a counter printing across the cut arrives whole, once each', async ({
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
    client.send({
      t: 'sub',
      id: 1,
      name: 'logs.follow',
      input: {
        engineId: 'env',
        id: name,
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: false,
      },
    });
    const texts: string[] = [];
    let stamped = 0;
    let unstamped = 0;
    // Past the cut: lines from the following attachment, stamped, and well over a second of them.
    while (stamped < 150) {
      const m = await client.next((f) => f.id === 1 && (f.t === 'event' || f.t === 'end'));
      expect(m.t).toBe('event');
      const e = m.event as { kind: string; ts?: string[]; data?: Uint8Array };
      if (e.kind !== 'lines') continue;
      const batch = logTexts({ data: e.data! });
      texts.push(...batch);
      if (e.ts!.length) {
        expect(e.ts).toHaveLength(batch.length);
        stamped += batch.length;
      } else unstamped += batch.length;
      client.send({ t: 'ack', id: 1, n: m.n });
    }
    expect(unstamped).toBeGreaterThan(100);
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
