import { BUSYBOX_IMAGE, cli as engineCli, importBusybox } from './harness/engine';
import { expect, test } from './fixtures';
import { useOwnEngine } from './harness/own-engine';
import { VolumesPage } from './pages/volumes';

// Prune removes every unused volume on its engine, and "no helper image" needs an engine without
// images: both get an engine of their own so tests on the shared one stay valid.
test.describe('on an engine of its own', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'volumes', { withImage: false });
  const cli = (...args: string[]) => engineCli(own.engine, args);

  test('with no local image, Browse says plainly that no helper can read the volume', async ({
    page,
  }) => {
    cli('volume', 'create', 'lonely');
    await page.goto(own.app.url);
    const volumes = new VolumesPage(page);
    await volumes.open();
    await volumes.button('Browse lonely').click();
    const dialog = volumes.dialog('Files in lonely');
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('No local image can serve as a helper');
    await expect(alert).toContainText('Pull a small image with a shell');
    expect(cli('ps', '-aq')).toBe('');
  });

  test('Prune lists the unused volumes first, then removes exactly those', async ({ page }) => {
    importBusybox(own.engine);
    cli('volume', 'create', 'spare-1');
    cli('run', '--rm', '-v', 'spare-2:/d', BUSYBOX_IMAGE, 'sh', '-c', 'yes | head -c 5000 > /d/f');
    cli('create', '--name', 'keeper', '-v', 'kept:/d', BUSYBOX_IMAGE, 'true');
    const unused = ['lonely', 'spare-1', 'spare-2'];
    await page.goto(own.app.url);
    const volumes = new VolumesPage(page);
    await volumes.open();
    await expect(volumes.row('kept')).toHaveCount(1);

    await volumes.button('Prune').click();
    const dialog = volumes.dialog('Prune unused volumes');
    const going = dialog.getByRole('list', { name: 'Volumes to remove' }).getByRole('listitem');
    await expect(going).toHaveCount(3);
    expect((await going.allInnerTexts()).map((t) => t.split(' — ')[0])).toEqual(unused);
    await expect(dialog).toContainText('5.0 kB');
    await expect(dialog).not.toContainText('kept');

    await dialog.getByRole('button', { name: 'Prune' }).click();
    const report = dialog.getByRole('status');
    await expect(report).toContainText('Removed 3 volumes, reclaimed 5.0 kB');
    const removed = dialog.getByRole('list', { name: 'Removed volumes' }).getByRole('listitem');
    expect((await removed.allInnerTexts()).sort()).toEqual(unused);
    expect(cli('volume', 'ls', '-q')).toBe('kept');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(volumes.table.getByRole('rowheader')).toHaveText(['kept']);
  });
});
