import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { cliBytes, tarEntries } from './harness/tar';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { FilesPage } from './pages/files';
import type { SuiteState } from './harness/state';

// The container Files tab against the real engine, the docker CLI as the oracle.

async function engineIdOf(suite: SuiteState): Promise<string> {
  const client = await connectClient(suite.app);
  try {
    return ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
  } finally {
    client.close();
  }
}

const SETUP = [
  'mkdir -p "/srv/my files/deep"',
  'echo hello > "/srv/my files/é☃ x.txt"',
  'echo nested > "/srv/my files/deep/n.txt"',
  'rm /bin/yes',
  'exec sleep 3600',
].join(' && ');

test('Files tab: a lazy tree with keyboard, CLI files after Refresh, and changes as docker diff', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('files');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', SETUP);
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const files = new FilesPage(app, name);
  await files.open(await engineIdOf(suite), id);

  await test.step('keyboard: arrows move, Right opens, Left closes', async () => {
    const srv = files.item('/srv');
    await expect(srv).toHaveAttribute('aria-expanded', 'false');
    await files.item('/').focus();
    await app.keyboard.press('ArrowDown'); // the first child of /: folders first, by name
    await expect(files.item('/bin')).toBeFocused();
    await srv.focus();
    await app.keyboard.press('ArrowRight');
    await expect(srv).toHaveAttribute('aria-expanded', 'true');
    await expect(files.item('/srv/my files')).toBeVisible(); // loaded
    await app.keyboard.press('ArrowRight');
    await expect(files.item('/srv/my files')).toBeFocused();
    await app.keyboard.press('ArrowRight');
    await expect(files.item('/srv/my files')).toHaveAttribute('aria-expanded', 'true');
    await expect(files.item('/srv/my files/é☃ x.txt')).toBeVisible();
    await app.keyboard.press('ArrowLeft');
    await expect(files.item('/srv/my files')).toHaveAttribute('aria-expanded', 'false');
    await app.keyboard.press('ArrowLeft');
    await expect(srv).toBeFocused();
    await app.keyboard.press('Enter'); // selects, and opens
    await expect(srv).toHaveAttribute('aria-selected', 'true');
    await expect(srv).toHaveAttribute('aria-expanded', 'true');
    await app.keyboard.press('Enter'); // on the selected folder: closes
    await expect(srv).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('a file the CLI writes appears after Refresh with its size', async () => {
    await files.expand('/srv/my files');
    docker('exec', name, 'sh', '-c', 'head -c 777 /dev/zero > "/srv/my files/new one.bin"');
    await expect(files.item('/srv/my files/new one.bin')).toHaveCount(0);
    await files.button('Refresh').click();
    const added = files.item('/srv/my files/new one.bin');
    await expect(added).toHaveAccessibleDescription(/777 B/);
    await expect(added).toHaveAccessibleDescription(/-rw-r--r--/);
    await expect(added).toHaveAccessibleDescription(/owner 0:0/);
    // The unicode name is read exactly (busybox ls would print "?": the archive is read then).
    await expect(files.item('/srv/my files/é☃ x.txt')).toHaveAccessibleDescription(/6 B/);
  });

  await test.step('"changed since the image" markers match docker diff', async () => {
    await files.expand('/bin');
    await expect(files.item('/bin/yes')).toHaveAccessibleDescription(/^deleted/);
    const diff = docker('diff', name)
      .split('\n')
      .map((l) => ({
        kind: { A: 'added', C: 'modified', D: 'deleted' }[l[0]!]!,
        path: l.slice(2),
      }));
    expect(diff.length).toBeGreaterThan(4);
    const shown = ['/', '/srv', '/srv/my files', '/bin'];
    for (const { kind, path } of diff) {
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      if (!shown.includes(parent)) continue;
      await expect(files.item(path), path).toHaveAccessibleDescription(new RegExp(`^${kind}`));
    }
    // …and nothing unchanged carries a marker.
    await expect(files.item('/bin/sh')).not.toHaveAccessibleDescription(/added|modified|deleted/);
  });
  await app.screenshot({ path: test.info().outputPath('files-tab.png') });
});

test('upload files and a folder, download a file and a folder: bytes as the CLI sees them', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('xfer');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', SETUP);
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const files = new FilesPage(app, name);
  await files.open(await engineIdOf(suite), id);
  const dir = mkdtempSync(join(tmpdir(), 'porthole-files-'));
  try {
    // 9 MB: more than two upload windows, so `written` answers must flow.
    const payload = randomBytes(9_000_001);
    await test.step('upload a file into the selected folder (picker)', async () => {
      await files.expand('/srv/my files');
      const chooser = app.waitForEvent('filechooser');
      await files.button('Upload files').click();
      await (
        await chooser
      ).setFiles([{ name: 'up ☃.bin', mimeType: 'application/octet-stream', buffer: payload }]);
      await expect(files.status()).toContainText('Uploaded up ☃.bin to /srv/my files');
      const got = cliBytes(suite, ['exec', name, 'cat', '/srv/my files/up ☃.bin']);
      expect(got.length).toBe(payload.length);
      expect(got.equals(payload)).toBe(true);
      await expect(files.item('/srv/my files/up ☃.bin')).toHaveAccessibleDescription(/9\.0 MB/);
    });

    await test.step('a folder upload keeps its structure', async () => {
      const local = join(dir, 'pack');
      mkdirSync(join(local, 'a b', 'c'), { recursive: true });
      writeFileSync(join(local, 'top.txt'), 'top\n');
      writeFileSync(join(local, 'a b', 'c', 'ü.txt'), 'deep\n');
      await files.select('/srv');
      const chooser = app.waitForEvent('filechooser');
      await files.button('Upload folder').click();
      await (await chooser).setFiles(local);
      await expect(files.status()).toContainText('Uploaded 2 files to /srv');
      expect(docker('exec', name, 'cat', '/srv/pack/top.txt')).toBe('top');
      expect(docker('exec', name, 'cat', '/srv/pack/a b/c/ü.txt')).toBe('deep');
    });

    await test.step('drop a file onto a folder', async () => {
      await files.expand('/srv/my files/deep');
      const target = files.item('/srv/my files/deep');
      const data = await app.evaluateHandle(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['dropped bytes'], 'dropped.txt'));
        return dt;
      });
      await target.locator('> .file-row').dispatchEvent('dragover', { dataTransfer: data });
      await target.locator('> .file-row').dispatchEvent('drop', { dataTransfer: data });
      await expect(files.status()).toContainText('Uploaded dropped.txt to /srv/my files/deep');
      expect(docker('exec', name, 'cat', '/srv/my files/deep/dropped.txt')).toBe('dropped bytes');
    });

    await test.step('a downloaded file equals docker cp byte for byte', async () => {
      await files.select('/srv/my files/up ☃.bin');
      const downloading = app.waitForEvent('download');
      await files.button('Download /srv/my files/up ☃.bin').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('up ☃.bin');
      // A navigation download: the browser fetched /download?ticket=… itself, no Blob between.
      expect(download.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/download\?ticket=[\w-]{43}$/);
      await download.saveAs(join(dir, 'app.bin'));
      await expect(files.status()).toContainText(
        "Downloading /srv/my files/up ☃.bin as up ☃.bin in the browser's downloads.",
      );
      docker('cp', `${name}:/srv/my files/up ☃.bin`, join(dir, 'cli.bin'));
      expect(readFileSync(join(dir, 'app.bin')).equals(readFileSync(join(dir, 'cli.bin')))).toBe(
        true,
      );
    });

    await test.step('a downloaded folder is the same tar as docker cp … -', async () => {
      await files.select('/srv/my files');
      const downloading = app.waitForEvent('download');
      await files.button('Download /srv/my files').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('my files.tar');
      await download.saveAs(join(dir, 'app.tar'));
      const cli = cliBytes(suite, ['cp', `${name}:/srv/my files`, '-']);
      const app_ = readFileSync(join(dir, 'app.tar'));
      // Entries (names, types, sizes, modes, link targets, contents) — not raw bytes, in case
      // the engine's tar headers (times) differ between two reads.
      const [a, c] = [await tarEntries(app_), await tarEntries(cli)];
      expect([...a.keys()].sort()).toEqual([...c.keys()].sort());
      expect(a.size).toBeGreaterThanOrEqual(5);
      for (const [k, v] of c) expect(a.get(k), k).toEqual(v);
      expect(a.get('my files/up ☃.bin')!.size).toBe(payload.length);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('preview text (cut at 256 KiB) and images inline; new folder and delete through exec', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('preview');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', SETUP);
  const id = docker('inspect', '-f', '{{.Id}}', name);
  // A 1×1 PNG and a 300 kB text file, put in with the CLI.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const dir = mkdtempSync(join(tmpdir(), 'porthole-preview-'));
  try {
    writeFileSync(join(dir, 'dot.png'), png);
    writeFileSync(join(dir, 'big.txt'), 'line of text\n'.repeat(25_000));
    docker('cp', join(dir, 'dot.png'), `${name}:/srv/dot.png`);
    docker('cp', join(dir, 'big.txt'), `${name}:/srv/big.txt`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const files = new FilesPage(app, name);
  await files.open(await engineIdOf(suite), id);
  await files.expand('/srv');

  await files.select('/srv/my files');
  await files.select('/srv/my files/é☃ x.txt');
  await expect(
    app.getByRole('region', { name: 'Preview of /srv/my files/é☃ x.txt' }),
  ).toContainText('hello');

  await files.select('/srv/big.txt');
  const text = app.getByRole('region', { name: 'Preview of /srv/big.txt' });
  await expect(text.getByRole('note')).toHaveText('Showing the first 262 kB of 325 kB.');

  await files.select('/srv/dot.png');
  const img = app.getByRole('img', { name: 'Preview of /srv/dot.png' });
  await expect(img).toBeVisible();
  // Decoded: the blob: URL was allowed by the CSP and the bytes are the PNG.
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1);

  await test.step('New folder', async () => {
    await files.select('/srv');
    await files.button('New folder').click();
    const dialog = app.getByRole('dialog', { name: 'New folder in /srv' });
    await dialog.getByLabel('Folder name').fill('made here ☃');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(files.item('/srv/made here ☃')).toHaveAttribute('aria-expanded', 'false');
    // (busybox ls prints "?" for ☃: the shell's test is the oracle.)
    const isDir = (p: string) =>
      docker('exec', name, 'sh', '-c', 'test -d "$1" && echo dir || echo none', 'sh', p);
    expect(isDir('/srv/made here ☃')).toBe('dir');
  });

  await test.step('Delete asks first, naming the path and that it is lost', async () => {
    await files.select('/srv/my files');
    await files.button('Delete /srv/my files').click();
    const confirm = app.getByRole('dialog', { name: 'Delete /srv/my files?' });
    await expect(confirm).toContainText('/srv/my files and everything in it will be deleted');
    await expect(confirm).toContainText('lost');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(docker('exec', name, 'ls', '/srv')).toContain('my files');
    await files.button('Delete /srv/my files').click();
    await app
      .getByRole('dialog', { name: 'Delete /srv/my files?' })
      .getByRole('button', {
        name: 'Delete',
      })
      .click();
    await expect(files.status()).toContainText('Deleted /srv/my files.');
    await expect(files.item('/srv/my files')).toHaveCount(0);
    expect(docker('exec', name, 'ls', '/srv')).not.toContain('my files');
  });
  await app.screenshot({ path: test.info().outputPath('files-preview.png') });
});

test('a stopped container: listed from its archive with owners; uploads work, exec actions are not offered', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('stopped');
  docker(
    'run',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'mkdir -p /data/sub && echo abc > /data/a.txt && echo x > /data/sub/x && touch "/data/ü n.txt"',
  );
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const files = new FilesPage(app, name);
  await files.open(await engineIdOf(suite), id);
  await files.expand('/data');
  await expect(files.item('/data/a.txt')).toHaveAccessibleDescription(/4 B .*owner 0:0/);
  await expect(files.item('/data/ü n.txt')).toHaveAccessibleDescription(/0 B/);
  await expect(files.item('/data/sub')).toHaveAttribute('aria-expanded', 'false');
  await expect(files.button('New folder')).toHaveCount(0);
  await expect(files.button('Delete /data')).toHaveCount(0);

  const chooser = app.waitForEvent('filechooser');
  await files.select('/data/sub');
  await files.button('Upload files').click();
  await (
    await chooser
  ).setFiles([{ name: 'in.txt', mimeType: 'text/plain', buffer: Buffer.from('put\n') }]);
  await expect(files.status()).toContainText('Uploaded in.txt to /data/sub');
  expect(cliBytes(suite, ['cp', `${name}:/data/sub/in.txt`, '-']).length).toBeGreaterThan(0);
  const tar = await tarEntries(cliBytes(suite, ['cp', `${name}:/data/sub/in.txt`, '-']));
  expect(tar.get('in.txt')).toMatchObject({ type: 'file', size: 4 });
});

test('the router refuses ".." and relative paths with INVALID_INPUT; nothing lands outside', async ({
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('escape');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '3600');
  const client = await connectClient(suite.app);
  try {
    const engineId = ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
    for (const path of ['/tmp/../..', '/..', 'etc', '../etc/passwd']) {
      const r = await client.call('files.list', { engineId, id: name, path });
      expect(r, path).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const rm = await client.call('files.remove', { engineId, id: name, path: '/tmp/../' });
    expect(rm).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    client.send({
      t: 'sub',
      id: 91,
      name: 'files.download',
      input: { engineId, id: name, path: '/etc/../../x' },
    });
    const refused = await client.next((m) => m.id === 91 && m.t === 'end', 30_000);
    expect(refused.error).toMatchObject({ code: 'INVALID_INPUT' });

    // An upload whose file would climb out of /tmp: the control message is refused.
    client.send({
      t: 'sub',
      id: 92,
      name: 'files.upload',
      input: { engineId, id: name, path: '/tmp' },
    });
    client.send({ t: 'ctl', id: 92, msg: { kind: 'file', path: '../evil', size: 1 } });
    const end = await client.next((m) => m.id === 92 && (m.t === 'end' || m.t === 'error'), 30_000);
    expect(end).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(docker('exec', name, 'ls', '/')).not.toContain('evil');
  } finally {
    client.close();
  }
});
