import { BUSYBOX_IMAGE, cli as engineCli } from './harness/engine';
import { openApp } from './harness/app';
import { expect, test } from './fixtures';
import { useOwnEngine } from './harness/own-engine';
import { createNetworkCli, NetworksPage } from './pages/networks';

// Prune removes every unused network on its engine, and Swarm changes the engine for everyone:
// both get an engine of their own.
test.describe('on an engine of its own', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'networks');
  const cli = (...args: string[]) => engineCli(own.engine, args);

  test('Prune lists the unused networks first, then removes exactly those', async ({ page }) => {
    await createNetworkCli(cli, 'idle-a');
    await createNetworkCli(cli, 'idle-b');
    await createNetworkCli(cli, 'busy');
    cli('run', '-d', '--name', 'member', '--network', 'busy', BUSYBOX_IMAGE, 'sleep', '600');
    await openApp(page, own.app);
    const networks = new NetworksPage(page);
    await networks.open();
    await expect(networks.row('busy')).toHaveCount(1);
    await networks.button('Prune').click();
    const dialog = networks.dialog('Prune unused networks');
    const going = dialog.getByRole('list', { name: 'Networks to remove' }).getByRole('listitem');
    await expect(going).toHaveText(['idle-a', 'idle-b']);
    await dialog.getByRole('button', { name: 'Prune' }).click();
    await expect(dialog.getByRole('status')).toContainText('Removed 2 networks.');
    const removed = dialog.getByRole('list', { name: 'Removed networks' }).getByRole('listitem');
    expect((await removed.allInnerTexts()).sort()).toEqual(['idle-a', 'idle-b']);
    expect(cli('network', 'ls', '--format', '{{.Name}}').split('\n').sort()).toEqual([
      'bridge',
      'busy',
      'host',
      'none',
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(networks.row('idle-a')).toHaveCount(0);
  });

  test('overlay is offered only while Swarm is active', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page, own.app);
    const networks = new NetworksPage(page);
    await networks.open();
    let dialog = await networks.fillCreate({});
    await expect(dialog.getByLabel('Driver').getByRole('option')).toHaveText(['bridge']);
    await page.keyboard.press('Escape');

    cli('swarm', 'init', '--advertise-addr', '127.0.0.1');
    try {
      await page.reload();
      await networks.open();
      dialog = await networks.fillCreate({ Name: 'mesh' });
      await expect(dialog.getByLabel('Driver').getByRole('option')).toHaveText([
        'bridge',
        'overlay',
      ]);
      await dialog.getByLabel('Driver').selectOption('overlay');
      await dialog.getByRole('checkbox', { name: /Attachable/ }).check();
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(networks.row('mesh')).toContainText('swarm');
      expect(
        cli('network', 'inspect', '-f', '{{.Driver}} {{.Scope}} {{.Attachable}}', 'mesh'),
      ).toBe('overlay swarm true');
    } finally {
      cli('swarm', 'leave', '--force');
    }
  });
});
