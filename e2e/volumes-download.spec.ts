import { inVolume } from './harness/volume-fill';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { VolumesPage } from './pages/volumes';

// Download of a volume file through the UI, byte for byte against the CLI (browsing, listing
// and the router's refusals: volumes.spec.ts).
const helpersOf = (docker: (...a: string[]) => string, volume: string) =>
  docker('ps', '-aq', '--filter', 'label=io.porthole.helper', '--filter', `volume=${volume}`);

test('a downloaded volume file equals `docker cp` output byte for byte', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  const vol = uniqueName('bytes');
  // 12 MB of random bytes: more than one credit window, so acknowledgements must flow.
  inVolume(docker, vol, 'head -c 12000003 /dev/urandom > /data/random.bin');
  const dir = mkdtempSync(join(tmpdir(), 'porthole-cp-'));
  try {
    const reader = uniqueName('reader');
    docker('create', '--name', reader, '-v', `${vol}:/v:ro`, BUSYBOX_IMAGE);
    docker('cp', `${reader}:/v/random.bin`, join(dir, 'cli.bin'));
    await page.open();
    await page.button(`Browse ${vol}`).click();
    const dialog = page.dialog(`Files in ${vol}`);
    await dialog.getByRole('combobox', { name: 'Helper image' }).selectOption(BUSYBOX_IMAGE);
    const file = dialog
      .getByRole('tree', { name: `Files of ${vol}` })
      .getByRole('treeitem', { name: 'random.bin', exact: true });
    await expect(file).toHaveAccessibleDescription(/^12\.0 MB/);
    await file.click();
    const downloading = app.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download /random.bin' }).click();
    const download = await downloading;
    // A navigation download: Chromium fetched /download?ticket=… and wrote it to disk itself.
    expect(download.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/download\?ticket=[\w-]{43}$/);
    expect(download.suggestedFilename()).toBe('random.bin');
    await download.saveAs(join(dir, 'app.bin'));
    await expect(dialog.getByRole('status')).toContainText(
      "Downloading /random.bin in the browser's downloads.",
    );
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const cli = readFileSync(join(dir, 'cli.bin'));
    const got = readFileSync(join(dir, 'app.bin'));
    expect(got.length).toBe(12_000_003);
    expect(sha(got)).toBe(sha(cli));
    await expect.poll(() => helpersOf(docker, vol)).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
