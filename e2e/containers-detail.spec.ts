import { BUSYBOX_IMAGE } from './harness/engine';
import { openApp } from './harness/app';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

test('Inspect: readable sections, secrets masked until revealed, loopback port links, raw JSON, processes', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('inspect');
  docker(
    'run',
    '-d',
    '--name',
    name,
    '-e',
    'API_TOKEN=s3cr3t-value',
    '-e',
    'PLAIN=visible-value',
    '-p',
    '127.0.0.1::80',
    '--label',
    'team=blue',
    '--restart',
    'unless-stopped',
    BUSYBOX_IMAGE,
    'httpd',
    '-f',
    '-p',
    '80',
    '-h',
    '/bin',
  );
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const ip = docker('inspect', '-f', '{{.NetworkSettings.Networks.bridge.IPAddress}}', name);
  const hostPort = docker('port', name, '80/tcp').split(':').pop()!;

  await (await page.menuItem('Inspect', name)).click();
  await expect(app).toHaveURL(new RegExp(`#/containers/[a-z0-9-]+/${id}$`));
  await expect(app.getByRole('heading', { level: 1 })).toContainText(name);

  const state = app.getByRole('region', { name: 'State' });
  await expect(state).toContainText('running');
  await expect(state).toContainText('unless-stopped');
  await expect(state).toContainText(BUSYBOX_IMAGE);
  await expect(state).toContainText('httpd -f -p 80 -h /bin');

  const env = app.getByRole('table', { name: 'Environment' });
  const secret = env.getByRole('row').filter({ hasText: 'API_TOKEN' });
  await expect(secret).not.toContainText('s3cr3t-value');
  await expect(env.getByRole('row').filter({ hasText: 'PLAIN' })).toContainText('visible-value');
  await secret.getByRole('button', { name: 'Reveal API_TOKEN' }).click();
  await expect(secret).toContainText('s3cr3t-value');

  await expect(app.getByRole('table', { name: 'Networks' })).toContainText(ip);
  await expect(app.getByRole('table', { name: 'Labels' })).toContainText('team');
  const link = app.getByRole('link', { name: `127.0.0.1:${hostPort}→80/tcp` });
  await expect(link).toHaveAttribute('href', `http://127.0.0.1:${hostPort}/`);
  // The link leads to the container's server: busybox httpd answers (a listing or a 404).
  const response = await app.request.get(`http://127.0.0.1:${hostPort}/`);
  expect([200, 403, 404]).toContain(response.status());

  await app.getByRole('tab', { name: 'Raw JSON' }).click();
  const raw = app.getByRole('textbox', { name: 'docker inspect' });
  const parsed = JSON.parse(await raw.inputValue()) as { Id: string; Name: string };
  expect(parsed.Id).toBe(id);
  expect(parsed.Name).toBe(`/${name}`);
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.getByRole('button', { name: 'Copy JSON' }).click();
  await expect(app.getByText('Copied.')).toBeVisible();
  const copied = await app.evaluate(() => navigator.clipboard.readText());
  expect((JSON.parse(copied) as { Id: string }).Id).toBe(id);
  // Masked here as in Overview — shown and copied — until the user asks.
  expect(await raw.inputValue()).not.toContain('s3cr3t-value');
  expect(copied).not.toContain('s3cr3t-value');
  expect(await raw.inputValue()).toContain('visible-value');
  await app.getByRole('tab', { name: 'Export' }).click();
  const run = app.getByRole('textbox', { name: 'docker run command' });
  expect(await run.inputValue()).not.toContain('s3cr3t-value');
  expect(await app.getByRole('textbox', { name: 'Compose service' }).inputValue()).not.toContain(
    's3cr3t-value',
  );
  await app.getByRole('button', { name: 'Reveal secrets' }).click();
  expect(await run.inputValue()).toContain('API_TOKEN=s3cr3t-value');
  await app.getByRole('tab', { name: 'Raw JSON' }).click();
  expect(await raw.inputValue()).toContain('s3cr3t-value');
  await app.getByRole('button', { name: 'Hide secrets' }).click();
  expect(await raw.inputValue()).not.toContain('s3cr3t-value');

  await app.getByRole('tab', { name: 'Processes' }).click();
  const processes = app.getByRole('table', { name: `Processes in ${name}` });
  await expect(processes).toContainText('httpd');
  // Live: a process started by the CLI shows up without anyone pressing anything…
  docker('exec', '-d', name, 'sleep', '4242');
  await expect(processes).toContainText('sleep 4242');
  // …at the pace chosen on the stream itself.
  await app.getByRole('combobox', { name: 'Refresh' }).selectOption('Every 5 seconds');
  docker('exec', name, 'busybox', 'killall', 'sleep');
  await expect(processes).not.toContainText('sleep 4242', { timeout: 15_000 });
});

test('Stats: live CPU of a busy container moves; leaving the tab ends the stream', async ({
  page,
  suite,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('busy');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'yes > /dev/null');
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const subs = new Map<number, string>();
  const unsubs = new Set<number>();
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => {
      if (typeof frame.payload !== 'string') return;
      const msg = JSON.parse(frame.payload) as {
        t: string;
        id: number;
        name?: string;
        input?: { ids?: string[] };
      };
      if (msg.t === 'sub' && msg.name === 'containers.stats')
        subs.set(msg.id, (msg.input?.ids ?? []).join(','));
      if (msg.t === 'unsub') unsubs.add(msg.id);
    }),
  );
  await openApp(page, suite.app);
  await page.evaluate(() => (location.hash = '#/containers'));
  const list = new ContainersPage(page);

  await test.step('the table shows compact CPU / memory for the running container', async () => {
    await expect(list.row(name).getByLabel(new RegExp(`^${name}: CPU \\d`))).toBeVisible();
  });

  await test.step('the Stats tab charts CPU, memory, network and block I/O, and they move', async () => {
    await (await list.menuItem('Inspect', name)).click();
    await page.getByRole('tab', { name: 'Stats' }).click();
    const stats = page.getByRole('definition').filter({ hasText: /%$/ }).first();
    // `yes` keeps one core busy: well above 10 % once two readings exist.
    await expect
      .poll(async () => parseFloat((await stats.textContent()) ?? '0'), { timeout: 20_000 })
      .toBeGreaterThan(10);
    const first = await page.getByRole('region', { name: `Stats of ${name}` }).textContent();
    await expect
      .poll(() => page.getByRole('region', { name: `Stats of ${name}` }).textContent(), {
        timeout: 20_000,
      })
      .not.toBe(first);
    await expect(page.getByRole('img', { name: new RegExp(`^CPU of ${name}`) })).toBeVisible();
    await expect(page.getByRole('img', { name: `Memory of ${name}` })).toBeVisible();
    await expect(page.getByRole('img', { name: `Network traffic of ${name}` })).toBeVisible();
    await expect(page.getByRole('img', { name: `Block I/O of ${name}` })).toBeVisible();
  });

  await test.step('leaving the table and the Stats tab ends every stats stream', async () => {
    await page.getByRole('tab', { name: 'Overview' }).click();
    // The table's stream (this id among any others running) and the Stats tab's (this id alone).
    const all = [...subs.keys()];
    const withThis = [...subs.values()].filter((ids) => ids.split(',').includes(id));
    expect(withThis.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => all.every((sub) => unsubs.has(sub))).toBe(true);
  });
});

test('Logs tab: the container detail shows its live log inline', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('inlinelog');
  docker(
    'run',
    '-d',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'echo first-line; sleep 2; echo later-line; sleep 600',
  );
  await (await page.menuItem('Inspect', name)).click();
  await app.getByRole('tab', { name: 'Logs' }).click();
  const log = app.getByRole('log', { name: `Logs of ${name}` });
  await expect(log).toContainText('first-line');
  // Still following: a line printed after the tab opened arrives without any action.
  await expect(log).toContainText('later-line');
  expect(docker('logs', name)).toContain('later-line');
});
