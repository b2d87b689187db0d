import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { openApp } from './harness/app';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { FilesPage } from './pages/files';
import type { SuiteState } from './harness/state';

// Web mode's upload route (POST /upload) as the Files tab uses it, against the real engine.

async function engineIdOf(suite: SuiteState): Promise<string> {
  const client = await connectClient(suite.app);
  try {
    return ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
  } finally {
    client.close();
  }
}

test('a multi-MB upload goes as one request body and lands byte for byte (sha256sum)', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('upl');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'mkdir -p /in && exec sleep 3600');
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const dir = mkdtempSync(join(tmpdir(), 'porthole-upl-'));
  try {
    // 24 MB + 1: six upload windows, and an odd tail.
    const payload = randomBytes(24 * 1024 * 1024 + 1);
    const local = join(dir, 'big ü.bin');
    writeFileSync(local, payload);
    const files = new FilesPage(app, name);
    await files.open(await engineIdOf(suite), id);
    await files.expand('/in');
    const posts: string[] = [];
    app.on('request', (r) => {
      if (new URL(r.url()).pathname === '/upload') posts.push(r.method());
    });
    const chooser = app.waitForEvent('filechooser');
    await files.button('Upload files').click();
    await (await chooser).setFiles(local);
    await expect(files.status()).toContainText('Uploaded big ü.bin to /in (25.2 MB)');
    // The HTTP route, not chunks over the socket.
    expect(posts).toEqual(['POST']);
    const sum = docker('exec', name, 'busybox', 'sha256sum', '/in/big ü.bin').split(/\s+/)[0];
    expect(sum).toBe(createHash('sha256').update(payload).digest('hex'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cancelling a big upload mid-way aborts the engine request; what it left is named', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('uplc');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'mkdir -p /in && exec sleep 3600');
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const dir = mkdtempSync(join(tmpdir(), 'porthole-uplc-'));
  try {
    // 4 GiB, sparse here: far more than can pass before the click below.
    const local = join(dir, 'huge.bin');
    const fd = openSync(local, 'w');
    ftruncateSync(fd, 4 * 1024 ** 3);
    closeSync(fd);
    const files = new FilesPage(app, name);
    await files.open(await engineIdOf(suite), id);
    await files.expand('/in');
    const chooser = app.waitForEvent('filechooser');
    await files.button('Upload files').click();
    await (await chooser).setFiles(local);
    // Bytes are on their way (the progress says MB, not 0 B), then Cancel.
    await expect(files.status()).toContainText(/Uploading huge\.bin to \/in… [\d.]+ MB of/);
    await files.button('Cancel transfer').click();
    await expect(files.status()).toHaveText(
      'Cancelled uploading huge.bin: nothing of it is left in /in (a stopped container keeps the part that was written).',
    );
    // The engine request was aborted and the part it had written removed: /in is empty again.
    await expect.poll(() => docker('exec', name, 'ls', '-A', '/in')).toBe('');
    // …and stays so (nothing still arriving recreates it), while the container runs on.
    expect(docker('exec', name, 'ls', '-A', '/in')).toBe('');
    expect(docker('inspect', '-f', '{{.State.Running}}', name)).toBe('true');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('closing the tab mid-upload ends the engine side too: nothing is left', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('uplt');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'mkdir -p /in && exec sleep 3600');
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const dir = mkdtempSync(join(tmpdir(), 'porthole-uplt-'));
  // 4 GiB, sparse here: far more than can pass before the tab is closed.
  const local = join(dir, 'tab.bin');
  const fd = openSync(local, 'w');
  ftruncateSync(fd, 4 * 1024 ** 3);
  closeSync(fd);
  const tab = await app.context().newPage();
  await openApp(tab, suite.app);
  const files = new FilesPage(tab, name);
  await files.open(await engineIdOf(suite), id);
  await files.expand('/in');
  const chooser = tab.waitForEvent('filechooser');
  await files.button('Upload files').click();
  await (await chooser).setFiles(local);
  await expect(files.status()).toContainText(/Uploading tab\.bin to \/in… [\d.]+ MB of/);
  // Bytes are on their way; the tab goes (a whole 4 GiB file left would fail the test below).
  await tab.close();
  rmSync(dir, { recursive: true, force: true });
  await expect.poll(() => docker('exec', name, 'ls', '-A', '/in')).toBe('');
  expect(docker('inspect', '-f', '{{.State.Running}}', name)).toBe('true');
});
