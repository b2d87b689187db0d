import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openApp, startApp, stopApp, type AppHandle } from './harness/app';
import {
  BUSYBOX_IMAGE,
  cli as engineCli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
  type EngineHandle,
} from './harness/engine';
import { expect, test } from './fixtures';
import { cliUp, composeMissing, freePort } from './pages/compose';
import { ContainersPage } from './pages/containers';
import { LogsPage } from './pages/logs';
import { ShellPage } from './pages/shell';

// The README's screenshots (docs/screenshots/*.png), taken from the real app on a real engine.
// The engine is this spec's own, so the names can be the stable, readable ones a person would
// choose ("web-1", "db") without clashing with specs running in parallel, and no other spec's
// resources show up in the pictures. Each screen is asserted loaded before it is taken.
const OUT = join(__dirname, '..', 'docs', 'screenshots');

test.describe('README screenshots', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  let engine: EngineHandle;
  let app: AppHandle;
  const cli = (...args: string[]) => engineCli(engine, args);

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    engine = newEngine('porthole-e2e-shots-');
    await startDockerd(engine);
    importBusybox(engine);
    // One saved registry login (config.json of this app only), so Registries has a row.
    const dockerConfig = mkdtempSync(join(tmpdir(), 'porthole-shots-config-'));
    const auth = Buffer.from('shop-ci:not-a-real-password').toString('base64');
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { 'registry.example.com': { auth } } }),
    );
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
      env: { DOCKER_CONFIG: dockerConfig },
    });
    // Images a small shop would have, made offline from busybox.
    for (const [ref, cmd] of [
      ['shop/web:1.4', '["httpd", "-f", "-p", "80", "-h", "/www"]'],
      ['shop/worker:2.0', '["sh", "-c", "while true; do sleep 5; done"]'],
    ] as const) {
      cli('create', '--name', 'to-commit', BUSYBOX_IMAGE, 'sh', '-c', 'mkdir -p /www');
      cli('start', '-a', 'to-commit');
      cli('commit', '--change', `CMD ${cmd}`, 'to-commit', ref);
      cli('rm', 'to-commit');
    }
    cli('volume', 'create', 'db-data');
    cli('volume', 'create', 'web-cache');
    cli('network', 'create', 'shop-backend');
    const port = await freePort();
    cli(
      'run',
      '-d',
      '--name',
      'web-1',
      '-p',
      `127.0.0.1:${port}:80`,
      '-v',
      'web-cache:/cache',
      '-e',
      'SHOP_ENV=production',
      '-l',
      'org.example.team=shop',
      'shop/web:1.4',
    );
    cli(
      'run',
      '-d',
      '--name',
      'db',
      '--network',
      'shop-backend',
      '-v',
      'db-data:/var/lib/db',
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'i=0; while true; do i=$((i+1)); echo "$(date -u +%FT%TZ) db: checkpoint $i complete, 0 errors"; sleep 1; done',
    );
    cli('run', '-d', '--name', 'worker', '--network', 'shop-backend', 'shop/worker:2.0');
    cli('run', '--name', 'migrate', BUSYBOX_IMAGE, 'echo', 'migrations applied');
    cli(
      'create',
      '--name',
      'backup',
      '-v',
      'db-data:/data:ro',
      BUSYBOX_IMAGE,
      'tar',
      'cf',
      '-',
      '/data',
    );
    if (!composeMissing()) {
      const dir = mkdtempSync(join(tmpdir(), 'porthole-shots-compose-'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'docker-compose.yml'),
        `services:\n  cache:\n    image: ${BUSYBOX_IMAGE}\n    command: ["sleep", "86400"]\n  queue:\n    image: ${BUSYBOX_IMAGE}\n    command: ["sleep", "86400"]\n`,
      );
      cliUp(dir, 'shop', engine.host);
    }
  });
  test.afterAll(async () => {
    if (app) await stopApp(app);
    if (engine) await destroyEngine(engine);
  });

  /** Waits for what proves the screen loaded, lets the last frame settle, then takes it. */
  const shot = async (page: Page, screen: string, loaded: Locator) => {
    await expect(loaded).toBeVisible();
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, `${screen}.png`), animations: 'disabled' });
  };
  const nav = (page: Page, label: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();

  test('every main screen', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page, app, '#/dashboard');
    await expect(page.getByRole('status').first()).toContainText('Connected');

    await test.step('Dashboard', async () => {
      // Disk usage is computed on request (it can be slow on a big engine).
      await page.getByRole('button', { name: 'Show disk usage' }).click();
      const disk = page.getByRole('table', { name: 'Disk usage' });
      await expect(disk.getByRole('row', { name: /Images/ })).toBeVisible();
      await shot(page, 'dashboard', disk);
    });
    await test.step('Containers', async () => {
      await nav(page, 'Containers');
      const containers = new ContainersPage(page);
      for (const n of ['web-1', 'db', 'worker', 'migrate', 'backup'])
        await expect(containers.row(n)).toBeVisible();
      await expect(containers.row('web-1')).toContainText('running');
      // Live CPU and memory, not the placeholder.
      await expect(containers.row('db')).toContainText(/\d%/);
      await shot(page, 'containers', containers.table);
    });
    await test.step('a container’s detail', async () => {
      const containers = new ContainersPage(page);
      await (await containers.menuItem('Inspect', 'web-1')).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('web-1');
      const env = page.getByRole('table', { name: 'Environment' });
      await expect(env).toContainText('SHOP_ENV');
      await shot(page, 'container-detail', page.getByRole('region', { name: 'State' }));
    });
    if (!composeMissing()) {
      await test.step('Compose', async () => {
        await nav(page, 'Compose');
        const projects = page.getByRole('table', { name: 'Compose projects' });
        await expect(projects.getByRole('row').filter({ hasText: 'shop' })).toBeVisible();
        await shot(page, 'compose', projects);
      });
    }
    for (const [label, table, row] of [
      ['Images', 'Images', 'shop/web'],
      ['Volumes', 'Volumes', 'db-data'],
      ['Networks', 'Networks', 'shop-backend'],
      ['Registries', 'Registry logins', 'registry.example.com'],
      ['Engines', 'Engines', 'Connected'],
    ] as const) {
      await test.step(label, async () => {
        await nav(page, label);
        await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
        const t = page.getByRole('table', { name: table });
        await expect(t.getByRole('row').filter({ hasText: row }).first()).toBeVisible();
        await shot(page, label.toLowerCase(), t);
      });
    }
    await test.step('Events (live: what happens while it is open)', async () => {
      await nav(page, 'Events');
      const events = page.getByRole('table', { name: 'Events' });
      await expect(page.getByText('Listening to DOCKER_HOST…')).toBeVisible();
      cli('restart', '-t', '0', 'worker');
      cli('run', '--rm', '--name', 'healthcheck', BUSYBOX_IMAGE, 'true');
      await expect(events.getByRole('row').filter({ hasText: 'destroy' }).first()).toBeVisible();
      await shot(page, 'events', events);
    });
    await test.step('Swarm (this engine is not in one)', async () => {
      await nav(page, 'Swarm');
      await shot(
        page,
        'swarm',
        page.getByRole('heading', { name: 'This engine is not in a swarm' }),
      );
    });
    await test.step('Settings', async () => {
      await nav(page, 'Settings');
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await shot(page, 'settings', page.getByRole('main').getByRole('button').first());
    });
  });

  test('a log window and a shell window', async ({ page }) => {
    await openApp(page, app, '#/containers');
    const logs = await LogsPage.openFrom(page, 'db');
    await expect(logs.lines().filter({ hasText: 'checkpoint 3 complete' })).toBeVisible();
    await shot(logs.page, 'logs', logs.log);
    await logs.page.close();

    const shell = await ShellPage.openFrom(page, 'web-1');
    await shell.run('ls /');
    await shell.run('ps');
    await expect.poll(async () => (await shell.screen()).join('\n')).toMatch(/httpd -f -p 80/);
    await shot(shell.page, 'shell', shell.terminal);
    await shell.page.close();
  });
});
