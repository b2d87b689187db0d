import { join } from 'node:path';
import Docker from 'dockerode';
import { startApp, stopApp, openApp } from './harness/app';
import { BUSYBOX_IMAGE, cli, startDockerd, stopDockerd } from './harness/engine';
import { expect, test } from './fixtures';
import { useOwnEngine } from './harness/own-engine';
import { ContainersPage } from './pages/containers';

// These tests stop and start an engine, so they get one of their own (own socket, bridge, data
// root) instead of the suite's shared engine.
test.describe('engine connection state', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'restart');

  // On this engine nothing else runs, so a quiet period really is quiet.
  test('the list follows engine events instead of polling', async ({ page }) => {
    const listCalls: number[] = [];
    page.on('websocket', (ws) =>
      ws.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"containers.list"')) {
          listCalls.push(Date.now());
        }
      }),
    );
    await openApp(page, own.app);
    const containers = new ContainersPage(page);
    await containers.open();
    await expect(page.getByRole('status')).toHaveText('Connected');
    await expect(containers.table).toBeVisible();
    const before = listCalls.length;
    await page.waitForTimeout(3000);
    expect(listCalls.length, 'no list requests while the engine is quiet').toBe(before);

    cli(own.engine, ['run', '-d', '--name', 'evented', BUSYBOX_IMAGE, 'sleep', '600']);
    await expect(containers.row('evented')).toContainText('running');
    // create + start arrive within one coalescing window or two: a handful of refetches at most.
    expect(listCalls.length - before).toBeGreaterThanOrEqual(1);
    expect(listCalls.length - before).toBeLessThanOrEqual(3);
    cli(own.engine, ['rm', '-f', 'evented']);
    await expect(containers.row('evented')).toHaveCount(0);
  });

  test('dockerd stopped → Disconnected; started again → Connected and the table matches docker ps -a', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    cli(own.engine, [
      'run',
      '-d',
      '--name',
      'keeps-running',
      '--restart',
      'always',
      BUSYBOX_IMAGE,
      'sleep',
      '600',
    ]);
    cli(own.engine, ['create', '--name', 'was-created', BUSYBOX_IMAGE, 'true']);
    await openApp(page, own.app);
    const containers = new ContainersPage(page);
    await containers.open();
    const status = page.getByRole('status');
    await expect(status).toHaveText('Connected');
    await expect(containers.row('keeps-running')).toContainText('running');

    await test.step('stop dockerd', async () => {
      await stopDockerd(own.engine);
      await expect(status).toContainText(/Disconnected — retrying in \d+ s/);
    });

    await test.step('change the engine while Porthole is away, then start dockerd', async () => {
      await startDockerd(own.engine);
      cli(own.engine, ['rm', '-f', 'was-created']);
      cli(own.engine, ['create', '--name', 'made-while-away', BUSYBOX_IMAGE, 'true']);
      await expect(status).toHaveText('Connected', { timeout: 30_000 });
    });

    await test.step('the table matches docker ps -a again, without a reload', async () => {
      const cliNames = () =>
        cli(own.engine, ['ps', '-a', '--format', '{{.Names}}']).split('\n').filter(Boolean).sort();
      await expect.poll(async () => (await containers.names()).sort()).toEqual(cliNames());
      const running = cli(own.engine, ['inspect', '-f', '{{.State.Status}}', 'keeps-running']);
      await expect(containers.row('keeps-running')).toContainText(running);
    });
  });
  test('a long list renders a window of rows, announces the full count, and filter finds any row', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const docker = new Docker({ socketPath: own.engine.host.slice('unix://'.length) });
    const names = Array.from({ length: 260 }, (_, i) => `long-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < names.length; i += 20) {
      await Promise.all(
        names
          .slice(i, i + 20)
          .map((name) => docker.createContainer({ Image: BUSYBOX_IMAGE, name, Cmd: ['true'] })),
      );
    }
    try {
      await openApp(page, own.app);
      const containers = new ContainersPage(page);
      await containers.open();
      const total = cli(own.engine, ['ps', '-aq']).split('\n').filter(Boolean).length;
      await expect(containers.table).toHaveAttribute('aria-rowcount', String(total + 1));
      const rendered = await containers.table.getByRole('rowheader').count();
      expect(rendered).toBeGreaterThan(10);
      expect(rendered).toBeLessThan(total);
      await containers.filter.fill('long-0257');
      await expect(containers.row('long-0257')).toHaveCount(1);
      await expect(containers.table.getByRole('rowheader')).toHaveCount(1);
      await containers.filter.fill('');
      await page.getByRole('main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(containers.row('long-0259')).toBeVisible();
    } finally {
      cli(own.engine, ['rm', '-f', ...names]);
    }
  });
});

test('with no engine reachable the app says so and how to start one', async ({
  page,
}, testInfo) => {
  const dir = testInfo.outputPath('no-engine');
  const socket = join(dir, 'nothing-here.sock');
  const app = await startApp({
    dockerHost: `unix://${socket}`,
    dataDir: join(dir, 'data'),
    logFile: testInfo.outputPath('app.log'),
  });
  try {
    await openApp(page, app);
    await expect(page.getByRole('status')).toContainText(/Disconnected|Connecting/);
    await expect(page.getByRole('heading', { name: 'Cannot reach DOCKER_HOST' })).toBeVisible();
    await expect(page.getByText(`unix://${socket}`)).toBeVisible();
    await expect(page.getByText('sudo systemctl start docker')).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Cannot reach DOCKER_HOST' })).toBeVisible();
  } finally {
    await stopApp(app);
  }
});
