import { BUSYBOX_IMAGE, cli as engineCli, importBusybox } from './harness/engine';
import { openApp } from './harness/app';
import { expect, test } from './fixtures';
import { useOwnEngine } from './harness/own-engine';
import { VolumesPage } from './pages/volumes';

// Prune removes every unused volume on its engine, and "no helper image" needs an engine without
// images: both get an engine of their own so tests on the shared one stay valid.
test.describe('on an engine of its own', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'volumes', { withImage: false });
  const cli = (...args: string[]) => engineCli(own.engine, args);

  test('with no local image, Browse offers no helper and asks for one; nothing is created', async ({
    page,
  }) => {
    cli('volume', 'create', 'lonely');
    await openApp(page, own.app);
    const volumes = new VolumesPage(page);
    await volumes.open();
    await volumes.button('Browse lonely').click();
    const dialog = volumes.dialog('Files in lonely');
    const helper = dialog.getByRole('combobox', { name: 'Helper image' });
    await expect(helper.getByRole('option')).toHaveText(['Choose an image…']);
    await expect(dialog).toContainText('Choose a helper image to read this volume.');
    await expect(dialog.getByRole('tree')).toHaveCount(0);
    expect(cli('ps', '-aq')).toBe('');
    await page.keyboard.press('Escape');
  });

  test('the chosen helper and its anonymous volumes are removed after browsing', async ({
    page,
  }) => {
    importBusybox(own.engine);
    // A helper image that declares a VOLUME: each helper container gets an anonymous volume.
    cli('create', '--name', 'to-commit', BUSYBOX_IMAGE, 'true');
    cli('commit', '--change', 'VOLUME ["/cache"]', 'to-commit', 'helper/with-volume:1');
    cli('rm', 'to-commit');
    cli('run', '--rm', '-v', 'browsed:/d', BUSYBOX_IMAGE, 'sh', '-c', 'echo hi > /d/f.txt');
    const before = cli('volume', 'ls', '-q').split('\n').sort();
    await openApp(page, own.app);
    const volumes = new VolumesPage(page);
    await volumes.open();
    await volumes.button('Browse browsed').click();
    const dialog = volumes.dialog('Files in browsed');
    await dialog
      .getByRole('combobox', { name: 'Helper image' })
      .selectOption('helper/with-volume:1');
    const file = dialog.getByRole('treeitem', { name: 'f.txt', exact: true });
    await expect(file).toHaveAccessibleDescription(/^3 B/);
    await file.click();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download /f.txt' }).click();
    await downloading;
    await expect(dialog.getByRole('status')).toContainText(
      "Downloading /f.txt in the browser's downloads.",
    );
    // `docker ps -a`: no helper left; `docker volume ls`: no anonymous volume left either.
    await expect.poll(() => cli('ps', '-aq')).toBe('');
    expect(cli('volume', 'ls', '-q').split('\n').sort()).toEqual(before);
    await page.keyboard.press('Escape');
  });

  test('Prune lists the unused volumes first, then removes exactly those', async ({ page }) => {
    importBusybox(own.engine);
    cli('volume', 'create', 'spare-1');
    cli('run', '--rm', '-v', 'spare-2:/d', BUSYBOX_IMAGE, 'sh', '-c', 'yes | head -c 5000 > /d/f');
    cli('create', '--name', 'keeper', '-v', 'kept:/d', BUSYBOX_IMAGE, 'true');
    const unused = ['browsed', 'lonely', 'spare-1', 'spare-2'];
    await openApp(page, own.app);
    const volumes = new VolumesPage(page);
    await volumes.open();
    await expect(volumes.row('kept')).toHaveCount(1);

    await volumes.button('Prune').click();
    const dialog = volumes.dialog('Prune unused volumes');
    const going = dialog.getByRole('list', { name: 'Volumes to remove' }).getByRole('listitem');
    await expect(going).toHaveCount(4);
    expect((await going.allInnerTexts()).map((t) => t.split(' — ')[0])).toEqual(unused);
    await expect(dialog).toContainText('5.0 kB');
    await expect(dialog).not.toContainText('kept');

    await dialog.getByRole('button', { name: 'Prune' }).click();
    const report = dialog.getByRole('status');
    await expect(report).toContainText('Removed 4 volumes, reclaimed 5.0 kB');
    const removed = dialog.getByRole('list', { name: 'Removed volumes' }).getByRole('listitem');
    expect((await removed.allInnerTexts()).sort()).toEqual(unused);
    expect(cli('volume', 'ls', '-q')).toBe('kept');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(volumes.table.getByRole('rowheader')).toHaveText(['kept']);
  });
});
