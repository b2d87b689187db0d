import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BUSYBOX_IMAGE } from './harness/engine';
import { openApp } from './harness/app';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';
import { RegistriesPage } from './pages/registries';
import {
  appLogs,
  filesContaining,
  seedPrivateImage,
  startWorld,
  transfer,
  type LoginWorld,
} from './registries-support';

test.describe('secrets scan', () => {
  let world: LoginWorld | undefined;
  test.afterEach(async () => {
    await world?.dispose();
    world = undefined;
  });

  test('log in, pull, push, run with a secret env, look at it everywhere: the secrets are written nowhere', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    test.setTimeout(180_000);
    const w = (world = await startWorld(suite, { helper: false }));
    const { address, user, password } = suite.registry;
    const ref = `${address}/${uniqueName('scan')}:1`;
    const envSecret = `s3cr3t-${randomBytes(12).toString('hex')}`;
    const name = uniqueName('secret-env');
    seedPrivateImage(suite, ref);
    try {
      await openApp(page, w.app);
      const reg = new RegistriesPage(page);
      await reg.open();
      await reg.login(address, user, password);
      await expect(reg.dialog).toHaveCount(0);
      expect(await transfer(w, 'images.pull', ref)).toBeUndefined();
      expect(await transfer(w, 'images.push', ref)).toBeUndefined();

      const containers = new ContainersPage(page);
      await containers.open();
      const dialog = await containers.openRunForm();
      await dialog.getByRole('combobox', { name: 'Image' }).fill(BUSYBOX_IMAGE);
      await dialog.getByRole('textbox', { name: 'Container name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Command' }).fill('sleep 600');
      await dialog.getByRole('button', { name: 'Add variable' }).click();
      await dialog.getByRole('textbox', { name: 'Key 1', exact: true }).fill('API_TOKEN');
      await dialog.getByRole('textbox', { name: 'Value 1', exact: true }).fill(envSecret);
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(containers.row(name)).toContainText('running');
      // The engine has it, as it must.
      expect(docker('inspect', '--format', '{{json .Config.Env}}', name)).toContain(envSecret);
      // Every screen that shows the container: detail tabs, exports, raw JSON.
      await (await containers.menuItem('Inspect', name)).click();
      for (const tab of ['Overview', 'Export', 'Raw JSON']) {
        await page.getByRole('tab', { name: tab }).click();
        const panel = page.getByRole('tabpanel');
        await expect(panel).not.toContainText(envSecret);
        // Text areas hold their text as a value, not as text: read each one.
        for (const box of await panel.getByRole('textbox').all()) {
          expect(await box.inputValue()).not.toContain(envSecret);
        }
      }
      expect(await page.getByRole('textbox', { name: 'docker inspect' }).inputValue()).toContain(
        'API_TOKEN=',
      );

      for (const secret of [password, envSecret]) {
        expect(filesContaining(w.dataDir, secret), 'data dir').toEqual([]);
        expect(filesContaining(w.dockerConfig, secret), 'docker config dir').toEqual([]);
        const logs = appLogs(w);
        expect(logs.length).toBeGreaterThan(0);
        // The app's whole stdout and stderr went to these files.
        for (const log of logs) expect(readFileSync(log, 'utf8'), log).not.toContain(secret);
      }
    } finally {
      try {
        docker('rmi', '-f', ref);
      } catch {
        /* never pulled */
      }
    }
  });
});
