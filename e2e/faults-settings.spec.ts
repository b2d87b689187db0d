import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, startApp, stopApp } from './harness/app';
import { expect, test } from './fixtures';
import { EnginesPage } from './pages/engines';

/**
 * The data dir turns read-only under a running app (a full or remounted disk, a locked-down
 * profile). Root ignores file modes, so the folder is made read-only the way a disk is: a
 * read-only bind mount over it.
 */
test('a read-only data dir: a change says it could not be saved and why; the saved settings stay intact', async ({
  page,
  suite,
}) => {
  const dir = mkdtempSync(join(suite.root, 'ro-data-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const app = await startApp({
    dockerHost: suite.engine.host,
    dataDir,
    logFile: join(dir, 'app.log'),
  });
  const mount = (...args: string[]) => spawnSync('mount', args, { encoding: 'utf8' });
  let mounted = false;
  try {
    await openApp(page, app, '#/engines');
    const engines = new EnginesPage(page);
    const add = async (name: string) => {
      const dialog = await engines.openAdd();
      await engines.fill(dialog, { name, address: `unix://${join(dir, `${name}.sock`)}` });
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      return dialog;
    };
    await add('Kept');
    await expect(engines.row('Kept')).toBeVisible();
    const file = join(dataDir, 'engines.json');
    const before = readFileSync(file, 'utf8');
    const filesBefore = readdirSync(dataDir).sort();

    const bind = mount('--bind', dataDir, dataDir);
    test.skip(bind.status !== 0, `cannot bind-mount here (${bind.stderr.trim()})`);
    mounted = true;
    const ro = mount('-o', 'remount,ro,bind', dataDir);
    expect(ro.status, ro.stderr).toBe(0);

    const dialog = await add('Lost');
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(
      `Could not save the engine list in “${dataDir}”: the file system is read-only.`,
    );
    await expect(alert).toContainText('Nothing was changed.');
    await page.screenshot({ path: test.info().outputPath('read-only.png') });
    // The dialog keeps what was typed, for a second try.
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Lost');
    // Settings intact: the same bytes, no temp file left, the list as it was.
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(engines.row('Kept')).toBeVisible();
    await expect(engines.row('Lost')).toHaveCount(0);
    await page.reload();
    await expect(engines.row('Kept')).toBeVisible();
    await expect(engines.row('Lost')).toHaveCount(0);

    // Writable again: the same change now goes through and is on disk.
    expect(mount('-o', 'remount,rw,bind', dataDir).status).toBe(0);
    await add('Lost');
    await expect(engines.row('Lost')).toBeVisible();
    expect(
      JSON.parse(readFileSync(file, 'utf8')).added.map((e: { name: string }) => e.name),
    ).toEqual(['Kept', 'Lost']);
  } finally {
    if (mounted) spawnSync('umount', [dataDir]);
    await stopApp(app);
  }
});
