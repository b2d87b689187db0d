import { inVolume } from './harness/volume-fill';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { cliBytes } from './harness/tar';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { VolumesPage } from './pages/volumes';

// Writing into a volume from its browser, only once "Allow changes" is ticked: each change goes
// through a short-lived read-write helper. The docker CLI is the oracle.

const helpersOf = (docker: (...a: string[]) => string, volume: string) =>
  docker('ps', '-aq', '--filter', 'label=io.porthole.helper', '--filter', `volume=${volume}`);

test('Allow changes: upload, new folder and delete in a volume; read-only offers none; no helper left', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  await page.open();
  const vol = uniqueName('write');
  inVolume(docker, vol, 'mkdir /data/logs && echo old > /data/logs/old.txt');
  const vcat = (path: string) =>
    cliBytes(suite, ['run', '--rm', '-v', `${vol}:/v`, BUSYBOX_IMAGE, 'cat', `/v/${path}`]);
  const exists = (path: string) =>
    docker(
      'run',
      '--rm',
      '-v',
      `${vol}:/v`,
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'if [ -d "$1" ]; then echo dir; elif [ -e "$1" ]; then echo file; else echo none; fi',
      'sh',
      `/v/${path}`,
    );

  await page.button(`Browse ${vol}`).click();
  const dialog = page.dialog(`Files in ${vol}`);
  await dialog.getByRole('combobox', { name: 'Helper image' }).selectOption(BUSYBOX_IMAGE);
  const tree = dialog.getByRole('tree', { name: `Files of ${vol}` });
  const root = tree.getByRole('treeitem', { name: '/', exact: true });
  const child = (name: string) =>
    root.getByRole('group').first().getByRole('treeitem', { name, exact: true });
  await expect(child('logs')).toBeVisible();
  const allow = dialog.getByRole('checkbox', { name: 'Allow changes' });

  await test.step('read-only by default: no write actions', async () => {
    await expect(allow).not.toBeChecked();
    await expect(allow).toHaveAccessibleDescription(/Read-only/);
    await expect(dialog.getByRole('button', { name: /Upload|New folder|Delete/ })).toHaveCount(0);
    await child('logs').locator('> .file-row').click();
    await expect(dialog.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  });

  await allow.check();
  await expect(allow).toHaveAccessibleDescription(
    `Upload files, New folder and Delete each run a short-lived helper container from ${BUSYBOX_IMAGE} with ${vol} mounted read-write; it is removed right after. The image needs a shell and its tools (mkdir, rm).`,
  );

  const payload = Buffer.concat([Buffer.from('exact bytes ☃\n\0\xff'), randomBytes(300_000)]);
  await test.step('upload a file into the selected folder', async () => {
    // /logs is selected (and open) from the step before: uploads go there.
    await expect(child('logs')).toHaveAttribute('aria-selected', 'true');
    await expect(dialog).toContainText('Uploads and new folders go to /logs.');
    const chooser = app.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Upload files', exact: true }).click();
    await (
      await chooser
    ).setFiles([{ name: 'up ☃.bin', mimeType: 'application/octet-stream', buffer: payload }]);
    await expect(dialog.getByRole('status')).toContainText('Uploaded up ☃.bin to /logs');
    const got = vcat('logs/up ☃.bin');
    expect(got.length).toBe(payload.length);
    expect(got.equals(payload)).toBe(true);
    await expect(child('logs')).toHaveAttribute('aria-expanded', 'true');
    await expect(
      child('logs').getByRole('treeitem', { name: 'up ☃.bin', exact: true }),
    ).toHaveAccessibleDescription(/300 kB/);
  });

  await test.step('New folder', async () => {
    await dialog.getByRole('button', { name: 'New folder', exact: true }).click();
    const made = app.getByRole('dialog', { name: 'New folder in /logs' });
    await made.getByLabel('Folder name').fill('made here');
    await made.getByRole('button', { name: 'Create' }).click();
    await expect(made).toHaveCount(0);
    await expect(dialog.getByRole('status')).toContainText('Created /logs/made here.');
    expect(exists('logs/made here')).toBe('dir');
    await expect(
      child('logs').getByRole('treeitem', { name: 'made here', exact: true }),
    ).toBeVisible();
  });

  await test.step('Delete asks first, naming the path; Cancel keeps it', async () => {
    await child('logs').locator('> .file-row').click(); // toggles closed, stays selected
    await dialog.getByRole('button', { name: 'Delete /logs', exact: true }).click();
    const confirm = app.getByRole('dialog', { name: 'Delete /logs?' });
    await expect(confirm).toContainText(
      `/logs and everything in it will be deleted from the volume ${vol}`,
    );
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    expect(exists('logs')).toBe('dir');
    await dialog.getByRole('button', { name: 'Delete /logs', exact: true }).click();
    await app
      .getByRole('dialog', { name: 'Delete /logs?' })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await expect(dialog.getByRole('status')).toContainText('Deleted /logs.');
    await expect(child('logs')).toHaveCount(0);
    expect(exists('logs')).toBe('none');
  });

  await app.screenshot({ path: test.info().outputPath('volume-write.png') });

  await test.step('unticked again: read-only, no write actions', async () => {
    await allow.uncheck();
    await expect(dialog.getByRole('button', { name: /Upload|New folder|Delete/ })).toHaveCount(0);
  });
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => helpersOf(docker, vol)).toBe('');
});

test('writes: the root cannot be removed, and an image without the tools is refused and says so', async ({
  suite,
  docker,
  uniqueName,
}) => {
  const vol = uniqueName('write-router');
  docker('volume', 'create', vol);
  // An image with no shell and no tools: one data file, imported from a tar.
  const bare = uniqueName('bare').toLowerCase();
  const dir = mkdtempSync(join(tmpdir(), 'porthole-bare-'));
  writeFileSync(join(dir, 'data.txt'), 'not a program\n');
  execFileSync('tar', ['-C', dir, '-cf', join(dir, 'bare.tar'), 'data.txt']);
  docker('import', join(dir, 'bare.tar'), `${bare}:1`);
  rmSync(dir, { recursive: true, force: true });
  const client = await connectClient(suite.app);
  try {
    const engineId = ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
    const input = { engineId, name: vol, helperImage: BUSYBOX_IMAGE };
    for (const path of ['', '.', './', 'a/..']) {
      const r = await client.call('volumes.removePath', { ...input, path });
      expect(r, path).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // An image with no mkdir: the change is refused, naming what is missing.
    const refused = await client.call('volumes.mkdir', {
      ...input,
      helperImage: `${bare}:1`,
      path: 'x',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `${bare}:1 has no mkdir: changes need a shell and its tools.`,
      },
    });
    await expect.poll(() => helpersOf(docker, vol)).toBe('');
  } finally {
    client.close();
    docker('rmi', '-f', `${bare}:1`);
  }
});

test('cancelling a volume upload mid-way: nothing of the file is left in the volume, and no helper', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  await page.open();
  const vol = uniqueName('write-cancel');
  docker('run', '--rm', '-v', `${vol}:/data`, BUSYBOX_IMAGE, 'mkdir', '/data/in');
  const dir = mkdtempSync(join(tmpdir(), 'porthole-vcancel-'));
  try {
    // 4 GiB, sparse here: far more than can pass before the click below.
    const local = join(dir, 'huge.bin');
    const fd = openSync(local, 'w');
    ftruncateSync(fd, 4 * 1024 ** 3);
    closeSync(fd);
    await page.button(`Browse ${vol}`).click();
    const dialog = page.dialog(`Files in ${vol}`);
    await dialog.getByRole('combobox', { name: 'Helper image' }).selectOption(BUSYBOX_IMAGE);
    await dialog.getByRole('checkbox', { name: 'Allow changes' }).check();
    const root = dialog.getByRole('tree').getByRole('treeitem', { name: '/', exact: true });
    await root.getByRole('treeitem', { name: 'in', exact: true }).locator('> .file-row').click();
    const chooser = app.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Upload files', exact: true }).click();
    await (await chooser).setFiles(local);
    await expect(dialog.getByRole('status')).toContainText(
      /Uploading huge\.bin to \/in… [\d.]+ MB of/,
    );
    await dialog.getByRole('button', { name: 'Cancel upload' }).click();
    await expect(dialog.getByRole('status')).toContainText('Upload cancelled');
    const ls = () => docker('run', '--rm', '-v', `${vol}:/v`, BUSYBOX_IMAGE, 'ls', '-A', '/v/in');
    await expect.poll(ls, { timeout: 30_000 }).toBe('');
    await app.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => helpersOf(docker, vol), { timeout: 30_000 }).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
