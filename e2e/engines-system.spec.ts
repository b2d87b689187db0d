import type { Page } from '@playwright/test';
import { openApp as openAppAt } from './harness/app';
import { BUSYBOX_IMAGE, cli } from './harness/engine';
import { CONTEXT_NAME, PODMAN_IMAGE, useContextLab } from './harness/engine-lab';
import { podmanCli } from './harness/podman';
import { loadState } from './harness/state';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';
import { EnginesPage } from './pages/engines';

// A private engine reached only through a docker context, and Podman's API socket: detected,
// listed, usable; the Dashboard's disk usage and prune, and the Events feed, on real engines.
test.describe('contexts, Podman, dashboard and events', () => {
  test.describe.configure({ mode: 'serial' });
  const lab = useContextLab(test);
  const name = (label: string) => `pt-${loadState().runId}-${label}`;

  async function openApp(page: Page) {
    await openAppAt(page, lab.app);
    await expect(page.getByRole('combobox', { name: 'Engine' })).toBeVisible();
  }

  test('Dashboard: disk usage equals docker system df; prune frees what its preview said', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const e = lab.engine;
    const write = (n: string, bytes: number, ...args: string[]) =>
      cli(e, [
        'run',
        ...args,
        '--name',
        n,
        BUSYBOX_IMAGE,
        'sh',
        '-c',
        `head -c ${bytes} /dev/urandom > /blob`,
      ]);
    // Two writers committed under one tag: the first image becomes dangling, with its own layer.
    write(name('writer-1'), 300_000);
    cli(e, ['commit', name('writer-1'), `${name('img')}:1`]);
    write(name('writer-2'), 100_000);
    cli(e, ['commit', name('writer-2'), `${name('img')}:1`]);
    cli(e, ['volume', 'create', name('vol')]);
    cli(e, [
      'run',
      '--rm',
      '-v',
      `${name('vol')}:/v`,
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'head -c 200000 /dev/urandom > /v/data',
    ]);

    await openApp(page);
    // The current context is the default engine: the dashboard opens on it.
    await expect(page.getByRole('combobox', { name: 'Engine' })).toHaveValue('ctx-pt-ctx');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await page.getByRole('button', { name: 'Show disk usage' }).click();
    const table = page.getByRole('table', { name: 'Disk usage' });
    const oracle = cli(e, ['system', 'df', '--format', '{{json .}}'])
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    for (const line of oracle) {
      // The CLI says "Local Volumes", "Build Cache"; the screen "Local volumes", "Build cache".
      const header = page.getByRole('rowheader', { name: new RegExp(`^${line.Type}$`, 'i') });
      const row = table.getByRole('row').filter({ has: header });
      await expect(row.getByRole('cell')).toHaveText([
        line.TotalCount!,
        line.Active!,
        line.Size!,
        line.Reclaimable!,
      ]);
    }
    await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

    await page.getByRole('button', { name: 'Prune…' }).click();
    const dialog = page.getByRole('dialog', { name: `Prune Context ${CONTEXT_NAME}` });
    const preview = dialog.getByRole('table', { name: 'Prune preview' });
    const bytesIn = async (text: Promise<string>) =>
      Number(/\(([\d,]+) bytes\)/.exec(await text)?.[1]?.replaceAll(',', '') ?? NaN);
    const planned: Record<string, number> = {};
    for (const what of ['Stopped containers', 'Dangling images', 'Unused volumes']) {
      const row = preview.getByRole('row').filter({ hasText: what });
      await expect(row).toContainText('frees');
      planned[what] = await bytesIn(row.innerText());
      expect(planned[what]).toBeGreaterThan(0);
    }
    await dialog.getByRole('button', { name: 'Prune', exact: true }).click();
    const freed = dialog.getByRole('table', { name: 'Freed' });
    for (const [what, bytes] of Object.entries(planned)) {
      const row = freed.getByRole('row').filter({ hasText: what });
      await expect(row).toContainText('freed');
      expect(await bytesIn(row.innerText()), what).toBe(bytes);
    }
    expect(cli(e, ['volume', 'ls', '-q', '--filter', `name=${name('vol')}`])).toBe('');
  });

  test('Events: a live list of each engine’s events', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Events' })
      .click();
    const table = page.getByRole('table', { name: 'Events' });
    await expect(table).toBeVisible();
    cli(lab.engine, ['run', '--rm', '--name', name('evt'), BUSYBOX_IMAGE, 'true']);
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: name('evt') }) });
    await expect(row.filter({ hasText: 'start' })).toContainText(`Context ${CONTEXT_NAME}`);
    await expect(row.filter({ hasText: 'destroy' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Filter actions' }).fill('destroy');
    await expect(row).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('events.png') });
  });

  test('a docker context and the Podman socket are listed and usable', async ({ page }) => {
    await openApp(page);
    const engines = new EnginesPage(page);
    await engines.open();
    await expect(engines.row(`Context ${CONTEXT_NAME}`)).toContainText('docker context');
    await expect(engines.row(`Context ${CONTEXT_NAME}`)).toContainText('default');
    await expect(engines.state(`Context ${CONTEXT_NAME}`)).toHaveText(
      `Connected (Context ${CONTEXT_NAME})`,
    );
    // Usable: the context's engine is the one the screens show by default.
    cli(lab.engine, ['create', '--name', name('ctx-probe'), BUSYBOX_IMAGE, 'true']);
    const containers = new ContainersPage(page);
    await containers.open();
    await containers.action('Start', name('ctx-probe')).click();
    await expect(containers.row(name('ctx-probe'))).toContainText('exited');
    expect(
      cli(lab.engine, [
        'inspect',
        '-f',
        '{{.State.ExitCode}} {{.State.StartedAt}}',
        name('ctx-probe'),
      ]),
    ).toMatch(/^0 20/);

    test.skip(!!lab.podmanError, `Podman could not start here: ${lab.podmanError}`);
    await engines.open();
    await expect(engines.row('Podman')).toContainText('Podman socket');
    await expect(engines.state('Podman')).toHaveText('Connected (Podman)');
    await expect(engines.row('Podman').getByRole('cell').first()).toContainText('Podman');
    await engines.use('Podman');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Images' })
      .click();
    await expect(
      page
        .getByRole('table', { name: 'Images' })
        .getByRole('row')
        .filter({ hasText: PODMAN_IMAGE }),
    ).toBeVisible();
  });
  test('Podman facts: rootless or rootful as its API says, and each container’s pod', async ({
    page,
  }, testInfo) => {
    test.skip(!!lab.podmanError, `Podman could not start here: ${lab.podmanError}`);
    const podman = lab.podman!;
    const [pod, inPod, solo] = [name('pod'), name('in-pod'), name('solo')];
    // --infra=false: an infra container needs podman's pause image (catatonit), which Debian's
    // podman lacks offline. Created, not started: the pod is what is listed either way.
    podmanCli(podman, ['pod', 'create', '--infra=false', '--name', pod]);
    podmanCli(podman, [
      'create',
      '--pod',
      pod,
      '--name',
      inPod,
      PODMAN_IMAGE,
      '/bin/busybox',
      'true',
    ]);
    podmanCli(podman, ['create', '--name', solo, PODMAN_IMAGE, '/bin/busybox', 'true']);
    try {
      const rootless = podmanCli(podman, ['info', '--format', '{{.Host.Security.Rootless}}']);
      const privilege = rootless === 'true' ? 'rootless' : 'rootful';
      await openApp(page);
      const engines = new EnginesPage(page);
      await engines.open();
      await expect(engines.state('Podman')).toHaveText('Connected (Podman)');
      await expect(engines.row('Podman').getByRole('cell').first()).toHaveText(
        `Podman${privilege}`,
      );
      await page.screenshot({ path: testInfo.outputPath('podman-engines.png'), fullPage: true });
      await engines.use('Podman');

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Dashboard' })
        .click();
      const version = podmanCli(podman, ['version', '--format', '{{.Server.Version}}']);
      await expect(page.getByRole('definition').filter({ hasText: /^Podman / })).toContainText(
        new RegExp(`^Podman ${version.replaceAll('.', '\\.')} .*, ${privilege}$`),
      );
      await page.screenshot({ path: testInfo.outputPath('podman-dashboard.png'), fullPage: true });

      const oracle = (n: string) =>
        podmanCli(podman, [
          'ps',
          '-a',
          '--pod',
          '--filter',
          `name=^${n}$`,
          '--format',
          '{{.PodName}}',
        ]);
      expect(oracle(inPod)).toBe(pod);
      expect(oracle(solo)).toBe('');
      const containers = new ContainersPage(page);
      await containers.open();
      await expect(containers.row(inPod)).toContainText(`pod ${pod}`);
      await expect(containers.row(solo)).toBeVisible();
      await expect(containers.row(solo)).not.toContainText(pod);
      await page.screenshot({ path: testInfo.outputPath('podman-containers.png'), fullPage: true });
      // The filter finds a pod's containers by the pod's name.
      await containers.filter.fill(pod);
      await expect(containers.table.getByRole('rowheader')).toHaveText([inPod]);
    } finally {
      podmanCli(podman, ['rm', '-f', inPod, solo]);
      podmanCli(podman, ['pod', 'rm', '-f', pod]);
    }
  });
});
