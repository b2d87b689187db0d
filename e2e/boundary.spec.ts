import type { Page, WebSocketRoute } from '@playwright/test';
import { openApp } from './harness/app';
import { LIMITS } from '../contract/limits';
import { alive } from './harness/proc';
import type { SuiteState } from './harness/state';
import { BUSYBOX_IMAGE } from './harness/engine';
import { connectClient, openSocket, sessionCookie } from './harness/web-client';
import { ContainersPage } from './pages/containers';
import { expect, test } from './fixtures';

type Docker = (...a: string[]) => string;
const exists = (docker: Docker, name: string) =>
  docker('ps', '-aq', '--filter', `name=^${name}$`).trim() !== '';

/**
 * The app in `page` with every socket it opens routed through the test: `down` drops each new
 * one at once (the renderer sees close after close); `removes` counts the containers.remove
 * calls that reached the server.
 */
async function appBehindASwitch(page: Page, suite: SuiteState, docker: Docker, name: string) {
  docker('create', '--name', name, BUSYBOX_IMAGE, 'true');
  const link = { down: false, removes: 0, current: undefined as WebSocketRoute | undefined };
  await page.routeWebSocket('**/ws', (ws) => {
    if (link.down) return void ws.close();
    link.current = ws;
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      if (typeof m === 'string' && m.includes('"containers.remove"')) link.removes++;
      server.send(m);
    });
  });
  await openApp(page, suite.app, '#/containers');
  const containers = new ContainersPage(page);
  await containers.showStopped.check();
  await expect(containers.row(name)).toBeVisible();
  /** Drops the socket, keeps it down, and asks for Remove NAME. */
  const removeWhileDown = async () => {
    link.down = true;
    await link.current!.close();
    await containers.action('Remove', name).click();
    await page
      .getByRole('dialog', { name: `Remove ${name}?` })
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
  };
  return { link, containers, removeWhileDown };
}

test.describe('the boundary under a dropped socket', () => {
  test('a call made while the socket is down is reported not sent, and never runs later', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    const name = uniqueName('keep');
    const { link, containers, removeWhileDown } = await appBehindASwitch(page, suite, docker, name);
    await removeWhileDown();
    const alert = page.getByRole('alert').filter({ hasText: `Could not remove ${name}` });
    await test.step('told it failed, after the socket failed to come back several times', async () => {
      await expect(alert).toBeVisible({ timeout: 20_000 });
    });
    await test.step('the socket comes back: the call is not sent, the container stays', async () => {
      link.down = false;
      await expect(page.getByRole('status')).toContainText('Connected');
      // A round trip on the new socket: whatever was queued has gone out before its answer.
      await page.evaluate(() => (location.hash = '#/images'));
      await expect(page.getByRole('table', { name: 'Images' })).toBeVisible();
      await page.evaluate(() => (location.hash = '#/containers'));
      await expect(containers.row(name)).toBeVisible();
      expect(link.removes).toBe(0);
      expect(exists(docker, name)).toBe(true);
    });
    await test.step('and the words say so: nothing was done', async () => {
      await expect(alert).toContainText('nothing was done');
    });
  });

  test('a call made while the socket is down runs once when it comes back in time', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    const name = uniqueName('go');
    const { link, containers, removeWhileDown } = await appBehindASwitch(page, suite, docker, name);
    await removeWhileDown();
    link.down = false;
    await expect(containers.row(name)).toHaveCount(0);
    expect(exists(docker, name)).toBe(false);
    expect(link.removes).toBe(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('frames the server refuses', () => {
  test('a frame over the limit closes only that socket, with a reason; the server serves on', async ({
    suite,
  }) => {
    const cookie = await sessionCookie(suite.app);
    const ws = await openSocket(suite.app, { Cookie: cookie, Origin: suite.app.origin });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.on('error', () => undefined);
    ws.send(Buffer.alloc(LIMITS.frameBytes + 1024 * 1024, 0x61));
    const { code, reason } = await closed;
    expect(code).toBe(1009);
    expect(reason).toMatch(/larger than 16 MiB/);
    expect(alive(suite.app.pid)).toBe(true);
    const next = await connectClient(suite.app);
    expect((await next.call('engines.list', {})).ok).toBe(true);
    next.close();
  });

  test('a broken binary frame is refused with INVALID_INPUT and the socket serves on', async ({
    suite,
  }) => {
    const client = await connectClient(suite.app);
    client.ws.send(Buffer.from([0, 0, 0, 99, 1, 2, 3]));
    const refused = await client.next((m) => m.t === 'error');
    expect(refused.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await client.call('engines.list', {})).ok).toBe(true);
    client.close();
  });
});

test.describe('the contract against the real engine', () => {
  test('every screen and the container detail over real data: no answer or event fails its schema', async ({
    app,
    docker,
    uniqueName,
  }) => {
    const name = uniqueName('schema');
    const volume = uniqueName('schema-vol');
    const network = uniqueName('schema-net');
    docker('volume', 'create', volume);
    docker('network', 'create', network);
    docker(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      network,
      '-v',
      `${volume}:/data`,
      '-p',
      '127.0.0.1::80',
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'echo schema-line; httpd -f -p 80 -h /bin',
    );
    const failures = () =>
      app.evaluate(
        () =>
          (globalThis as { __portholeSchemaFailures?: { count: number } }).__portholeSchemaFailures
            ?.count,
      );
    const nav = app.getByRole('navigation', { name: 'Main' });
    const screens = await nav.getByRole('link').allInnerTexts();
    expect(screens.length).toBeGreaterThanOrEqual(11);
    for (const screen of screens) {
      await test.step(screen, async () => {
        await nav.getByRole('link', { name: screen, exact: true }).click();
        const main = app.getByRole('main');
        await expect(main.getByRole('heading', { level: 1, name: screen })).toBeVisible();
        // Every list the screen asked for has answered (parsed, or counted as a failure).
        await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);
        const rowOf = (table: string, text: string) =>
          main.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });
        if (screen === 'Containers') {
          // A stats event arrived and was parsed: the row shows its reading.
          await expect(
            rowOf('Containers', name).getByLabel(new RegExp(`^${name}: CPU \\d`)),
          ).toBeVisible();
        }
        if (screen === 'Volumes') await expect(rowOf('Volumes', volume)).toHaveCount(1);
        if (screen === 'Networks') await expect(rowOf('Networks', network)).toHaveCount(1);
        if (screen === 'Events') {
          // Live engine events through the stream, parsed into rows.
          docker('pause', name);
          docker('unpause', name);
          await expect(rowOf('Events', name).filter({ hasText: 'unpause' })).not.toHaveCount(0);
        }
        expect(await failures(), `schema failures after ${screen}`).toBe(0);
      });
    }
    await test.step('the container detail: overview, logs, stats, processes, raw JSON', async () => {
      await nav.getByRole('link', { name: 'Containers', exact: true }).click();
      const page = new ContainersPage(app);
      await (await page.menuItem('Inspect', name)).click();
      await app.getByRole('tab', { name: 'Logs' }).click();
      await expect(app.getByRole('log', { name: `Logs of ${name}` })).toContainText('schema-line');
      await app.getByRole('tab', { name: 'Stats' }).click();
      await expect(app.getByRole('img', { name: `Memory of ${name}` })).toBeVisible();
      await app.getByRole('tab', { name: 'Processes' }).click();
      await expect(app.getByRole('table', { name: `Processes in ${name}` })).toContainText('httpd');
      await app.getByRole('tab', { name: 'Raw JSON' }).click();
      await expect(app.getByRole('tabpanel', { name: 'Raw JSON' })).toContainText(network);
      expect(await failures()).toBe(0);
    });
  });
});
