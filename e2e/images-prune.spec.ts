import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { openApp } from './harness/app';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE, cli } from './harness/engine';
import { expect, test } from './fixtures';
import { useOwnEngine } from './harness/own-engine';
import { ImagesPage } from './pages/images';

// Pruning removes every unused image on an engine, so it gets an engine of its own: on the
// shared one it would take other tests' images (and the busybox every test runs).
test.describe('prune', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'prune');

  const build = (tag: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'porthole-prune-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), `FROM ${BUSYBOX_IMAGE}\n${text}\n`);
      return cli(own.engine, ['build', '-q', '-t', tag, dir]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const ids = () => cli(own.engine, ['images', '-q', '--no-trunc']).split('\n').filter(Boolean);

  test('the preview lists exactly what prune removes, and the bytes reclaimed are shown', async ({
    page,
  }) => {
    // Two dangling images (a tag moved away from each), one tagged unused, one in use.
    const dangling1 = build('moved:1', 'RUN echo one > /one');
    build('moved:1', 'RUN echo two > /two');
    const dangling2 = build('moved2:1', 'RUN echo three > /three');
    build('moved2:1', 'RUN echo four > /four');
    build('unused:1', 'RUN echo five > /five');
    build('kept:1', 'RUN echo six > /six');
    cli(own.engine, ['create', '--name', 'keeper', 'kept:1', 'true']);

    const images = new ImagesPage(page);
    await openApp(page, own.app);
    await images.open();
    await images.showDangling.check();
    await expect(images.table.getByRole('rowheader', { name: /^<none>/ })).toHaveCount(2);

    await images.toolbar('Prune').click();
    const dialog = images.dialog('Prune images');
    await expect(dialog.getByRole('status')).toContainText('2 images will be removed');
    const listed = dialog.getByRole('list', { name: 'Images to remove' }).getByRole('listitem');
    await expect(listed).toHaveCount(2);
    await expect(listed.nth(0)).toContainText('<none>');

    await dialog.getByRole('radio', { name: /All unused images/ }).check();
    // Unused: the two dangling, moved:1, moved2:1 and unused:1. busybox stays: kept:1 is
    // built on it (the engine prunes only images nothing else is built on).
    await expect(dialog.getByRole('status')).toContainText('5 images will be removed');
    await expect(listed).toHaveCount(5);
    await expect(dialog).not.toContainText(BUSYBOX_IMAGE);
    await dialog.getByRole('radio', { name: /Dangling images/ }).check();
    await expect(dialog.getByRole('status')).toContainText('2 images will be removed');

    const before = ids();
    await dialog.getByRole('button', { name: 'Remove 2 images' }).click();
    await expect(dialog.getByRole('status')).toContainText(/Removed 2 images, reclaimed \d/);
    const after = ids();
    expect(before.filter((id) => !after.includes(id)).sort()).toEqual(
      [dangling1, dangling2].sort(),
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(images.table.getByRole('rowheader', { name: /^<none>/ })).toHaveCount(0);
    expect(cli(own.engine, ['image', 'inspect', '-f', '{{.Id}}', 'kept:1'])).toMatch(/^sha256:/);
  });
});
