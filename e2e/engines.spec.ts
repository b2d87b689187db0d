import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openApp as openAppAt, startApp, stopApp, type AppHandle } from './harness/app';
import { BUSYBOX_IMAGE, cli, stopDockerd, type EngineHandle } from './harness/engine';
import { SSH_ALIAS, useEngineLab } from './harness/engine-lab';
import { makeTlsCerts, startSshd, startTlsDockerd, stopSshd } from './harness/engines-extra';
import { expect, test } from './fixtures';
import {
  COMPOSE_MISSING,
  ComposePage,
  cliUp,
  composeMissing,
  composeSshMissing,
} from './pages/compose';
import { ContainersPage } from './pages/containers';
import { EnginesPage } from './pages/engines';
import { ImagesPage } from './pages/images';
import { LogsPage } from './pages/logs';
import { ShellPage } from './pages/shell';
import { VolumesPage } from './pages/volumes';
import { loadState } from './harness/state';

// Engines are started, stopped and added in order: one worker, one lab, tests in sequence.
test.describe('several engines at once', () => {
  test.describe.configure({ mode: 'serial' });
  const lab = useEngineLab(test, () => loadState().engine);
  const name = (label: string) => `pt-${loadState().runId}-${label}`;

  async function openApp(page: Page, app: AppHandle = lab.app) {
    await openAppAt(page, app);
    await expect(page.getByRole('combobox', { name: 'Engine' })).toBeVisible();
  }

  test('add a TLS engine (wrong CA refused) and an SSH engine (host key trusted first)', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openApp(page);
    const engines = new EnginesPage(page);
    await engines.open();
    await expect(engines.state('DOCKER_HOST')).toHaveText(/^Connected/);

    await test.step('wrong CA: refused with a clear error, nothing saved', async () => {
      const wrong = makeTlsCerts(join(lab.dir, 'wrong-ca'));
      const dialog = await engines.openAdd();
      await engines.fill(dialog, {
        name: 'Secure',
        address: lab.tls.tcp,
        ca: wrong.ca,
        cert: lab.tls.certs.cert,
        key: lab.tls.certs.key,
      });
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await expect(dialog.getByRole('alert')).toContainText(
        `not signed by the CA certificate ${wrong.ca}`,
      );
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(engines.row('Secure')).toHaveCount(0);
    });

    await test.step('right CA: tested, added, connected', async () => {
      const dialog = await engines.openAdd();
      await engines.fill(dialog, {
        name: 'Secure',
        address: lab.tls.tcp,
        ca: lab.tls.certs.ca,
        cert: lab.tls.certs.cert,
        key: lab.tls.certs.key,
      });
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await expect(dialog.getByRole('status')).toContainText('Connected: Docker');
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(engines.state('Secure')).toHaveText('Connected (Secure)');
      await expect(engines.row('Secure')).toContainText(`tcp://127.0.0.1:${lab.tls.port} (TLS)`);
    });

    await test.step('SSH: unknown host key shows its fingerprint; nothing connects until trusted', async () => {
      const dialog = await engines.openAdd();
      await engines.fill(dialog, { name: 'Over SSH', address: `ssh://${SSH_ALIAS}` });
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText('is not known');
      await expect(alert.getByLabel('Host key fingerprint')).toHaveText(lab.sshd.fingerprint);
      await expect(dialog.getByRole('status')).toHaveCount(0);
      expect(existsSync(join(lab.home, '.ssh', 'known_hosts'))).toBe(false);
      await page.screenshot({ path: testInfo.outputPath('add-engine-dialog.png') });
      await alert
        .getByRole('button', { name: `Trust host key of 127.0.0.1:${lab.sshd.port}` })
        .click();
      await expect(dialog.getByRole('status')).toContainText('Connected: Docker');
      const known = readFileSync(join(lab.home, '.ssh', 'known_hosts'), 'utf8');
      expect(known).toContain(`[127.0.0.1]:${lab.sshd.port} ssh-ed25519 `);
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(engines.state('Over SSH')).toHaveText('Connected (Over SSH)');
    });
    await page.screenshot({ path: testInfo.outputPath('engines.png'), fullPage: true });
  });

  test('All engines merges every engine with an Engine column; actions reach the row’s engine', async ({
    page,
  }, testInfo) => {
    const [a, b, c] = [name('on-local'), name('on-tls'), name('on-ssh')];
    cli(lab.local, ['run', '-d', '--name', a, BUSYBOX_IMAGE, 'sleep', '600']);
    cli(lab.tls, ['run', '-d', '--name', b, BUSYBOX_IMAGE, 'sleep', '600']);
    cli(lab.sshTarget, ['create', '--name', c, BUSYBOX_IMAGE, 'sleep', '600']);
    try {
      await openApp(page);
      await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
      const containers = new ContainersPage(page);
      await containers.open();
      await expect(containers.table.getByRole('columnheader', { name: 'Engine' })).toBeVisible();
      await expect(containers.row(a)).toContainText('DOCKER_HOST');
      await expect(containers.row(b)).toContainText('Secure');
      await expect(containers.row(c)).toContainText('Over SSH');
      await page.screenshot({ path: testInfo.outputPath('all-engines-containers.png') });

      await containers.action('Stop', b).click();
      await expect(containers.row(b)).toContainText('exited');
      expect(cli(lab.tls, ['inspect', '-f', '{{.State.Status}}', b])).toBe('exited');
      expect(cli(lab.local, ['inspect', '-f', '{{.State.Status}}', a])).toBe('running');

      await containers.action('Start', c).click();
      await expect(containers.row(c)).toContainText('running');
      expect(cli(lab.sshTarget, ['inspect', '-f', '{{.State.Status}}', c])).toBe('running');
    } finally {
      cli(lab.sshTarget, ['rm', '-f', c]);
    }
  });

  test('back on an engine, its list shows what the CLI changed there while another was in view', async ({
    page,
  }) => {
    const [here, there, vol] = [name('switch-local'), name('switch-tls'), name('switch-vol')];
    cli(lab.local, ['create', '--name', here, BUSYBOX_IMAGE, 'true']);
    cli(lab.tls, ['create', '--name', there, BUSYBOX_IMAGE, 'true']);
    const engine = page.getByRole('combobox', { name: 'Engine' });
    try {
      await openApp(page);
      await engine.selectOption({ label: 'DOCKER_HOST' });
      const containers = new ContainersPage(page);
      await containers.open();
      await expect(containers.row(here)).toHaveCount(1);
      await engine.selectOption({ label: 'Secure' });
      await expect(containers.row(there)).toHaveCount(1);
      // No events subscription for DOCKER_HOST now: its cached list hears nothing of this.
      cli(lab.local, ['rename', here, `${here}-b`]);
      await engine.selectOption({ label: 'DOCKER_HOST' });
      await expect(containers.row(`${here}-b`)).toHaveCount(1);
      await expect(containers.row(here)).toHaveCount(0);

      // The same for a screen's list not on screen then (its cache is marked stale).
      const volumes = new VolumesPage(page);
      await volumes.open();
      await expect(volumes.row(vol)).toHaveCount(0);
      await engine.selectOption({ label: 'Secure' });
      cli(lab.local, ['volume', 'create', vol]);
      await engine.selectOption({ label: 'DOCKER_HOST' });
      await containers.open();
      await volumes.open();
      await expect(volumes.row(vol)).toHaveCount(1);
    } finally {
      cli(lab.local, ['rm', '-f', `${here}-b`]);
      cli(lab.tls, ['rm', '-f', there]);
      cli(lab.local, ['volume', 'rm', '-f', vol]);
    }
  });

  test('one dockerd stops: only its engine is Disconnected, its rows stale; restarted: resynced', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const [a, b, later] = [name('on-local'), name('on-tls'), name('tls-later')];
    await openApp(page);
    await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
    const containers = new ContainersPage(page);
    await containers.open();
    await expect(containers.row(b)).toBeVisible();
    await stopDockerd(lab.tls);
    try {
      const status = (n: string) => page.getByRole('status').filter({ hasText: `(${n})` });
      await expect(status('Secure')).toContainText(/Disconnected — retrying in \d+ s \(Secure\)/);
      await expect(status('DOCKER_HOST')).toHaveText('Connected (DOCKER_HOST)');
      await expect(status('Over SSH')).toHaveText('Connected (Over SSH)');
      await expect(containers.row(b)).toContainText('stale');
      // The others keep working while it is away.
      await containers.action('Stop', a).click();
      await expect(containers.row(a)).toContainText('exited');
      expect(cli(lab.local, ['inspect', '-f', '{{.State.Status}}', a])).toBe('exited');
    } finally {
      await startTlsDockerd(lab.tls);
    }
    cli(lab.tls, ['create', '--name', later, BUSYBOX_IMAGE, 'true']);
    await expect(page.getByRole('status').filter({ hasText: '(Secure)' })).toHaveText(
      'Connected (Secure)',
      { timeout: 30_000 },
    );
    await expect(containers.row(later)).toBeVisible();
    await expect(containers.row(b)).not.toContainText('stale');
  });

  test('Compose over SSH: the CLI reaches the engine on ~/.ssh/config’s Port (the address has none)', async ({
    page,
  }) => {
    test.skip(composeMissing(), COMPOSE_MISSING);
    test.skip(!!composeSshMissing(), composeSshMissing() ?? '');
    test.setTimeout(150_000);
    const project = name('ssh-compose');
    const yaml = `services:\n  app:\n    image: ${BUSYBOX_IMAGE}\n    command: ["sleep", "600"]\n`;
    // The address is ssh://pt-box: sshd listens only on the Port the config names, not on 22.
    expect(readFileSync(join(lab.home, '.ssh', 'config'), 'utf8')).toContain(
      `Port ${lab.sshd.port}`,
    );
    try {
      await openApp(page);
      await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'Over SSH' });
      const compose = new ComposePage(page);
      await compose.open();
      const dialog = await compose.fillUp(yaml, project);
      await expect(dialog).toContainText('on Over SSH');
      await dialog.getByRole('button', { name: 'Up', exact: true }).click();
      const ended = dialog.getByRole('status').filter({ hasText: /: (done|failed)\.$/ });
      await expect(ended).toBeVisible({ timeout: 90_000 });
      // A failure says what compose printed (an ssh error names the host and port it tried).
      expect(await ended.innerText(), await dialog.innerText()).toMatch(/done\.$/);
      await dialog.getByRole('button', { name: 'Close' }).click();
      const running = cli(lab.sshTarget, [
        'ps',
        '--filter',
        `label=com.docker.compose.project=${project}`,
        '--format',
        '{{.State}}',
      ]);
      expect(running).toBe('running');
      expect(
        cli(lab.local, ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`]),
      ).toBe('');
      await expect(compose.row(project)).toContainText('1/1 running');
    } finally {
      const ids = cli(lab.sshTarget, [
        'ps',
        '-aq',
        '--filter',
        `label=com.docker.compose.project=${project}`,
      ]);
      if (ids) cli(lab.sshTarget, ['rm', '-f', ...ids.split('\n')]);
      const networks = cli(lab.sshTarget, [
        'network',
        'ls',
        '-q',
        '--filter',
        `label=com.docker.compose.project=${project}`,
      ]);
      if (networks) cli(lab.sshTarget, ['network', 'rm', ...networks.split('\n')]);
    }
  });

  test('a changed SSH host key is refused, naming the risk', async ({ page }) => {
    await stopSshd(lab.sshd);
    lab.sshd = await startSshd(join(lab.dir, 'sshd'), lab.sshTarget.host, lab.sshd.port);
    await openApp(page);
    const engines = new EnginesPage(page);
    await engines.open();
    const dialog = await engines.openAdd();
    await engines.fill(dialog, { name: 'SSH again', address: `ssh://${SSH_ALIAS}` });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('does not match the one in');
    await expect(alert).toContainText('man-in-the-middle');
    await expect(alert).toContainText(lab.sshd.fingerprint);
    await expect(alert.getByRole('button', { name: /Trust host key/ })).toHaveCount(0);
  });

  test('Recreate reaches the container’s own engine, from All engines and from its detail screen', async ({
    page,
  }) => {
    const n = name('recreate');
    cli(lab.tls, ['run', '-d', '--name', n, '-e', 'MODE=old', BUSYBOX_IMAGE, 'sleep', '600']);
    const recreate = async (opener: () => Promise<void>, mode: string) => {
      const before = cli(lab.tls, ['inspect', '-f', '{{.Id}}', n]);
      await opener();
      const dialog = page.getByRole('dialog', { name: `Recreate ${n}` });
      await expect(dialog.getByRole('textbox', { name: 'Key 1', exact: true })).toHaveValue('MODE');
      await dialog.getByRole('textbox', { name: 'Value 1', exact: true }).fill(mode);
      await dialog.getByRole('button', { name: 'Recreate', exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect.poll(() => cli(lab.tls, ['inspect', '-f', '{{.Id}}', n])).not.toBe(before);
      expect(cli(lab.tls, ['inspect', '-f', '{{json .Config.Env}}', n])).toContain(`MODE=${mode}`);
      expect(cli(lab.local, ['ps', '-aq', '--filter', `name=${n}`])).toBe('');
    };
    await openApp(page);
    await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
    const containers = new ContainersPage(page);
    await containers.open();
    await recreate(async () => (await containers.menuItem('Recreate', n)).click(), 'merged');

    // The detail screen of a container on an engine that is not the current one.
    await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'DOCKER_HOST' });
    const id = cli(lab.tls, ['inspect', '-f', '{{.Id}}', n]);
    await page.evaluate((hash) => (location.hash = hash), `#/containers/secure/${id}`);
    await recreate(() => page.getByRole('button', { name: `Recreate ${n}` }).click(), 'detail');
  });

  test('All engines: Logs and Shell of a row open on the row’s engine, not the default one', async ({
    page,
  }) => {
    const n = name('win-tls');
    cli(lab.tls, [
      'run',
      '-d',
      '--name',
      n,
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'echo "from $(hostname) on tls"; sleep 600',
    ]);
    try {
      await openApp(page);
      await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
      const containers = new ContainersPage(page);
      await containers.open();
      await expect(containers.row(n)).toContainText('Secure');
      // The default engine (DOCKER_HOST) has no such container: a window there would be empty.
      expect(cli(lab.local, ['ps', '-aq', '--filter', `name=${n}`])).toBe('');

      const logs = await LogsPage.openFrom(page, n);
      expect(logs.page.url()).toContain('#/logs/secure/');
      const oracle = cli(lab.tls, ['logs', n]).split('\n');
      expect(oracle).toEqual([expect.stringMatching(/^from \w+ on tls$/)]);
      await expect(logs.lines()).toHaveCount(oracle.length);
      expect(await logs.texts()).toEqual(oracle);
      await logs.page.close();

      const shell = await ShellPage.openFrom(page, n);
      expect(shell.page.url()).toContain('#/shell/secure/');
      const host = cli(lab.tls, ['inspect', '-f', '{{.Config.Hostname}}', n]);
      await shell.run('echo "in-$(hostname)-shell"');
      await expect
        .poll(async () => (await shell.screen()).join('\n'))
        .toContain(`in-${host}-shell`);
      await shell.page.close();
    } finally {
      cli(lab.tls, ['rm', '-f', n]);
    }
  });

  test('All engines: toolbar dialogs name the engine they go to (the default) and can pick another', async ({
    page,
  }, testInfo) => {
    const [n, vol, net] = [name('run-picked'), name('vol-picked'), name('net-picked')];
    try {
      await openApp(page);
      await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
      const containers = new ContainersPage(page);
      await containers.open();
      await expect(
        page.getByText(/new containers go to the engine picked in their dialog/),
      ).toContainText('DOCKER_HOST, the default');

      await test.step('Run a container: on Secure, picked in the form', async () => {
        await page.getByRole('button', { name: 'Run a container' }).click();
        const dialog = page.getByRole('dialog', { name: 'Run a container' });
        const engine = dialog.getByRole('combobox', { name: 'Engine' });
        await expect(engine.locator('option:checked')).toHaveText('DOCKER_HOST (default)');
        await engine.selectOption({ label: 'Secure' });
        await dialog.getByRole('combobox', { name: 'Image' }).fill(BUSYBOX_IMAGE);
        await dialog.getByRole('textbox', { name: 'Container name' }).fill(n);
        await dialog.getByRole('textbox', { name: 'Command' }).fill('sleep 600');
        await page.screenshot({ path: testInfo.outputPath('run-dialog-all-engines.png') });
        await dialog.getByRole('button', { name: 'Run', exact: true }).click();
        await expect(dialog).toHaveCount(0);
        await expect(containers.row(n)).toContainText('Secure');
        expect(cli(lab.tls, ['inspect', '-f', '{{.State.Status}}', n])).toBe('running');
        expect(cli(lab.local, ['ps', '-aq', '--filter', `name=${n}`])).toBe('');
      });

      await test.step('Create volume: the default unless changed; here Secure', async () => {
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Volumes' })
          .click();
        await page.getByRole('button', { name: 'Create volume' }).click();
        const dialog = page.getByRole('dialog', { name: 'Create volume' });
        await dialog.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'Secure' });
        await dialog.getByRole('textbox', { name: 'Name' }).fill(vol);
        await dialog.getByRole('button', { name: 'Create', exact: true }).click();
        await expect(dialog).toHaveCount(0);
        expect(cli(lab.tls, ['volume', 'ls', '-q', '--filter', `name=${vol}`])).toBe(vol);
        expect(cli(lab.local, ['volume', 'ls', '-q', '--filter', `name=${vol}`])).toBe('');
      });

      await test.step('Prune unused volumes: the preview is the picked engine’s', async () => {
        await page.getByRole('button', { name: 'Prune', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Prune unused volumes' });
        const engine = dialog.getByRole('combobox', { name: 'Engine' });
        await expect(engine).toHaveValue('env');
        await engine.selectOption({ label: 'Secure' });
        // The volume just made on Secure is unused there: the engine's own dangling list has it.
        expect(
          cli(lab.tls, ['volume', 'ls', '-q', '--filter', 'dangling=true']).split('\n'),
        ).toContain(vol);
        await expect(dialog.getByRole('list', { name: 'Volumes to remove' })).toContainText(vol);
        await page.screenshot({ path: testInfo.outputPath('prune-volumes-all-engines.png') });
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
        expect(cli(lab.tls, ['volume', 'ls', '-q', '--filter', `name=${vol}`])).toBe(vol);
      });

      await test.step('Create network: left on the default, it goes to DOCKER_HOST', async () => {
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Networks' })
          .click();
        await page.getByRole('button', { name: 'Create network' }).click();
        const dialog = page.getByRole('dialog', { name: 'Create network' });
        await expect(dialog.getByRole('combobox', { name: 'Engine' })).toHaveValue('env');
        await dialog.getByRole('textbox', { name: 'Name' }).fill(net);
        await dialog.getByRole('button', { name: 'Create', exact: true }).click();
        await expect(dialog).toHaveCount(0);
        expect(cli(lab.local, ['network', 'ls', '-q', '--filter', `name=${net}`])).not.toBe('');
        expect(cli(lab.tls, ['network', 'ls', '-q', '--filter', `name=${net}`])).toBe('');
      });
    } finally {
      // Whatever the test got to make: each cleanup on its own, none hiding the test's error.
      for (const [engine, args] of [
        [lab.tls, ['rm', '-f', n]],
        [lab.tls, ['volume', 'rm', '-f', vol]],
        [lab.local, ['network', 'rm', net]],
      ] as const) {
        try {
          cli(engine, [...args]);
        } catch {
          // not made
        }
      }
    }
  });

  test('All engines: Compose lists every engine’s projects with their engine; actions and Up go where asked', async ({
    page,
  }, testInfo) => {
    test.skip(composeMissing(), COMPOSE_MISSING);
    test.setTimeout(240_000);
    const [onLocal, onTls, upped] = [name('cmp-local'), name('cmp-tls'), name('cmp-up')];
    const dir = mkdtempSync(join(tmpdir(), 'porthole-engines-compose-'));
    const yaml = `services:\n  app:\n    image: ${BUSYBOX_IMAGE}\n    command: sleep 600\n`;
    const states = (engine: EngineHandle, project: string) =>
      cli(engine, [
        'ps',
        '-a',
        '--filter',
        `label=com.docker.compose.project=${project}`,
        '--format',
        '{{.State}}',
      ]);
    try {
      writeFileSync(join(dir, 'docker-compose.yml'), yaml);
      cliUp(dir, onLocal, lab.local.host);
      cliUp(dir, onTls, lab.tls.host);
      await openApp(page);
      await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
      const compose = new ComposePage(page);
      await compose.open();
      await expect(compose.table.getByRole('columnheader', { name: 'Engine' })).toBeVisible();
      await expect(compose.row(onLocal)).toContainText('DOCKER_HOST');
      await expect(compose.row(onLocal)).toContainText('1/1 running');
      await expect(compose.row(onTls)).toContainText('Secure');
      await expect(compose.row(onTls)).toContainText('1/1 running');
      await expect(
        page.getByText(/new projects \(Up from file\) go to the engine picked/),
      ).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('compose-all-engines.png') });

      await test.step('Stop on Secure’s project stops it there, and nothing on the default', async () => {
        await compose.action('Stop', onTls).click();
        await expect.poll(() => states(lab.tls, onTls), { timeout: 60_000 }).toBe('exited');
        expect(states(lab.local, onLocal)).toBe('running');
        await expect(compose.row(onTls)).toContainText('0/1 running');
        await expect(compose.row(onLocal)).toContainText('1/1 running');
      });

      await test.step('Up from file on Secure, picked in the dialog', async () => {
        const dialog = await compose.openUp();
        const engine = dialog.getByRole('combobox', { name: 'Engine' });
        await expect(engine.locator('option:checked')).toHaveText('DOCKER_HOST (default)');
        await engine.selectOption({ label: 'Secure' });
        await dialog.getByRole('textbox', { name: 'Compose file' }).fill(yaml);
        await dialog.getByRole('textbox', { name: 'Project name' }).fill(upped);
        await expect(dialog).toContainText('on Secure');
        await page.screenshot({ path: testInfo.outputPath('compose-up-all-engines.png') });
        await dialog.getByRole('button', { name: 'Up', exact: true }).click();
        await compose.ended(dialog, 'done');
        await dialog.getByRole('button', { name: 'Close' }).click();
        expect(states(lab.tls, upped)).toBe('running');
        expect(states(lab.local, upped)).toBe('');
        await expect(compose.row(upped)).toContainText('Secure');
        await compose.expand(upped);
        await expect(page.getByRole('heading', { level: 2, name: upped })).toContainText(
          'on Secure',
        );
      });

      await test.step('Down of that row runs on Secure', async () => {
        await compose.action('Down', upped).click();
        await page
          .getByRole('dialog', { name: `Down ${upped}?` })
          .getByRole('button', { name: 'Down', exact: true })
          .click();
        const run = page.getByRole('dialog', { name: `Down ${upped}` });
        await compose.ended(run, 'done');
        await run.getByRole('button', { name: 'Close' }).click();
        expect(states(lab.tls, upped)).toBe('');
        await expect(compose.row(upped)).toHaveCount(0);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const [engine, project] of [
        [lab.local, onLocal],
        [lab.tls, onTls],
        [lab.tls, upped],
      ] as const) {
        const filter = `label=com.docker.compose.project=${project}`;
        const ids = cli(engine, ['ps', '-aq', '--filter', filter]);
        if (ids) cli(engine, ['rm', '-f', ...ids.split('\n')]);
        const nets = cli(engine, ['network', 'ls', '-q', '--filter', filter]);
        if (nets) cli(engine, ['network', 'rm', ...nets.split('\n')]);
      }
    }
  });

  test('All engines: the Images toolbar goes to the engine picked beside it; a row’s Save to its own', async ({
    page,
  }) => {
    const tag = `${name('img-tls')}:1`;
    try {
      await openApp(page);
      await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'All engines' });
      const images = new ImagesPage(page);
      await images.open();
      const target = page.getByRole('combobox', { name: 'Engine for the toolbar' });
      await expect(target).toHaveValue(/.+/);
      await target.selectOption({ label: 'Secure' });
      await page.screenshot({ path: test.info().outputPath('images-all-engines.png') });
      await images.toolbar('Build').click();
      const dialog = images.dialog('Build an image');
      await dialog
        .getByRole('textbox', { name: 'Dockerfile', exact: true })
        .fill(`FROM ${BUSYBOX_IMAGE}\nRUN echo on-tls > /where\n`);
      await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill(tag);
      await dialog.getByRole('button', { name: 'Build', exact: true }).click();
      await expect(dialog.getByRole('status')).toContainText(`Built ${tag}`, { timeout: 60_000 });
      await dialog.getByRole('button', { name: 'Close' }).click();
      // The CLI oracle: built on the picked engine, not on the default.
      expect(cli(lab.tls, ['run', '--rm', tag, 'cat', '/where'])).toBe('on-tls');
      expect(cli(lab.local, ['images', '-q', tag])).toBe('');
      await expect(images.row(tag)).toContainText('Secure');
    } finally {
      try {
        cli(lab.tls, ['rmi', '-f', tag]);
      } catch {
        /* not built */
      }
    }
  });

  test('rename, default and remove are kept in the data dir across a restart', async ({ page }) => {
    await openApp(page);
    const engines = new EnginesPage(page);
    await engines.open();
    await page.getByRole('button', { name: 'Edit Over SSH', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Over SSH' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Build box');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(engines.state('Build box')).toHaveText('Connected (Build box)');
    await page.getByRole('button', { name: 'Make Secure the default', exact: true }).click();
    await expect(engines.row('Secure')).toContainText('default');
    await page.getByRole('button', { name: 'Remove DOCKER_HOST', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Remove DOCKER_HOST?' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect(engines.row('DOCKER_HOST')).toHaveCount(0);

    const saved = JSON.parse(readFileSync(join(lab.dir, 'app-data', 'engines.json'), 'utf8')) as {
      added: { name: string; address: string }[];
      hidden: string[];
      defaultId: string;
    };
    expect(saved.added.map((e) => [e.name, e.address])).toEqual([
      ['Secure', lab.tls.tcp],
      ['Build box', `ssh://${SSH_ALIAS}`],
    ]);
    expect(saved).toMatchObject({ hidden: ['env'], defaultId: 'secure' });

    await stopApp(lab.app);
    // A new log: startApp reads the first login URL it finds there.
    lab.app = await startApp({ ...lab.appOptions, logFile: join(lab.dir, 'app-restarted.log') });
    await page.context().clearCookies();
    await openApp(page);
    await engines.open();
    await expect(engines.table.getByRole('rowheader')).toHaveText([/^Secure/, /^Build box/]);
    await expect(engines.row('Secure')).toContainText('default');
    // The default engine is the one the screens open with.
    await expect(page.getByRole('combobox', { name: 'Engine' })).toHaveValue('secure');
  });
});
