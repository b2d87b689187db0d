import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { cliBuild, ImagesPage, trackImages } from './pages/images';

// Build, save/load and search on the Images screen (list, pull, run, tag, remove: images.spec.ts).
const track = trackImages(test);

test('Build from a pasted Dockerfile: the image appears; a failing RUN names its step', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  await images.open();
  const ref = track(`${uniqueName('built')}:1`);

  await images.toolbar('Build').click();
  let dialog = images.dialog('Build an image');
  await dialog
    .getByRole('textbox', { name: 'Dockerfile', exact: true })
    .fill(`FROM ${BUSYBOX_IMAGE}\nARG WHO\nRUN echo "built by $WHO" > /tmp/who\n`);
  await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill(ref);
  await dialog.getByRole('textbox', { name: /Build arguments/ }).fill('WHO=porthole');
  await dialog.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Built ${ref}`, { timeout: 60_000 });
  await expect(dialog.getByRole('log', { name: 'Build output' })).toContainText('Step 3/3');
  expect(docker('run', '--rm', ref, 'cat', '/tmp/who')).toBe('built by porthole');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(images.row(ref)).toBeVisible();

  await images.toolbar('Build').click();
  dialog = images.dialog('Build an image');
  await dialog
    .getByRole('textbox', { name: 'Dockerfile', exact: true })
    .fill(`FROM ${BUSYBOX_IMAGE}\nRUN echo fine\nRUN echo broken && exit 3\nRUN echo never\n`);
  await dialog.getByRole('button', { name: 'Build', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Step 3/4 : RUN echo broken && exit 3 failed', {
    timeout: 60_000,
  });
  await expect(alert).toContainText('returned a non-zero code: 3');
  await expect(dialog.getByRole('log', { name: 'Build output' })).toContainText('broken');
});

test('Build from a folder on this machine honours its .dockerignore', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('ctx')}:1`);
  const dir = mkdtempSync(join(tmpdir(), 'porthole-ctx-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${BUSYBOX_IMAGE}\nCOPY . /ctx\n`);
    writeFileSync(join(dir, '.dockerignore'), 'secret.txt\nlogs/\n');
    writeFileSync(join(dir, 'app.txt'), 'keep me');
    writeFileSync(join(dir, 'secret.txt'), 'never send me');
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'a.log'), 'noise');
    await images.open();
    await images.toolbar('Build').click();
    const dialog = images.dialog('Build an image');
    await dialog.getByRole('textbox', { name: 'Or a folder on this machine' }).fill(dir);
    await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill(ref);
    await dialog.getByRole('button', { name: 'Build', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(`Built ${ref}`, { timeout: 60_000 });
    const listed = docker('run', '--rm', ref, 'ls', '-a', '/ctx').split('\n').sort();
    expect(listed).toEqual(['.', '..', '.dockerignore', 'Dockerfile', 'app.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Build with uploaded context files: streamed, .dockerignore honoured, bytes intact', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('upload')}:1`);
  // 6 MB: more than the upload window, so the dialog must wait for the engine's answers.
  const big = randomBytes(6_000_001);
  const dir = mkdtempSync(join(tmpdir(), 'porthole-upload-'));
  try {
    await images.open();
    await images.toolbar('Build').click();
    const dialog = images.dialog('Build an image');
    await dialog
      .getByRole('textbox', { name: 'Dockerfile', exact: true })
      .fill(`FROM ${BUSYBOX_IMAGE}\nCOPY . /ctx\n`);
    await dialog.getByLabel('Context files (optional)').setInputFiles([
      { name: 'app.txt', mimeType: 'text/plain', buffer: Buffer.from('keep me') },
      { name: 'secret.txt', mimeType: 'text/plain', buffer: Buffer.from('never send me') },
      { name: 'big.bin', mimeType: 'application/octet-stream', buffer: big },
      { name: '.dockerignore', mimeType: 'text/plain', buffer: Buffer.from('secret.txt\n') },
    ]);
    await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill(ref);
    await dialog.getByRole('button', { name: 'Build', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(`Built ${ref}`, { timeout: 60_000 });
    const listed = docker('run', '--rm', ref, 'ls', '-a', '/ctx').split('\n').sort();
    expect(listed).toEqual(['.', '..', '.dockerignore', 'Dockerfile', 'app.txt', 'big.bin']);
    const copy = uniqueName('copy');
    docker('create', '--name', copy, ref);
    docker('cp', `${copy}:/ctx/big.bin`, join(dir, 'big.bin'));
    expect(readFileSync(join(dir, 'big.bin')).equals(big)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Save, remove, Load: the image comes back with the same id', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('saved')}:1`);
  const id = cliBuild(docker, ref, `FROM ${BUSYBOX_IMAGE}\nRUN echo saved > /tmp/s\n`);
  await images.open();

  const download = app.waitForEvent('download');
  await images.action('Save', ref).click();
  const file = test.info().outputPath('saved.tar');
  await (await download).saveAs(file);
  await expect(app.getByRole('status').filter({ hasText: `Saving ${ref} as` })).toBeVisible();
  // A tar: the engine's manifest.json names the image.
  expect(readFileSync(file).includes(Buffer.from('manifest.json'))).toBe(true);

  docker('rmi', ref);
  await expect(images.row(ref)).toHaveCount(0);

  await app.getByLabel('Load images from a .tar file').setInputFiles(file);
  await expect(app.getByRole('status').filter({ hasText: `Loaded ${ref}` })).toBeVisible();
  await expect(images.row(ref)).toBeVisible();
  expect(docker('image', 'inspect', '-f', '{{.Id}}', ref)).toBe(id);
  rmSync(file, { force: true });
});

test('Search with no internet ends in a clear message, not a hang', async ({ app }) => {
  const images = new ImagesPage(app);
  await images.open();
  await images.toolbar('Search').click();
  const dialog = images.dialog('Search Docker Hub');
  await dialog.getByRole('searchbox', { name: 'Search Docker Hub' }).fill('nginx');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(/Docker Hub/, { timeout: 20_000 });
  await expect(alert).toContainText('Search needs the engine to reach Docker Hub');
});

test('Save several selected images into one .tar; Load brings them all back', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const a = track(`${uniqueName('multi-a')}:1`);
  const b = track(`${uniqueName('multi-b')}:1`);
  const idA = cliBuild(docker, a, `FROM ${BUSYBOX_IMAGE}\nRUN echo a > /a\n`);
  const idB = cliBuild(docker, b, `FROM ${BUSYBOX_IMAGE}\nRUN echo b > /b\n`);
  await images.open();
  await app.getByRole('checkbox', { name: `Select ${a}` }).check();
  await app.getByRole('checkbox', { name: `Select ${b}` }).check();

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save 2 selected' }).click();
  const file = test.info().outputPath('two.tar');
  await (await download).saveAs(file);
  await expect(app.getByRole('status').filter({ hasText: 'Saving 2 images as' })).toBeVisible();

  docker('rmi', a, b);
  await expect(images.row(a)).toHaveCount(0);
  await expect(images.row(b)).toHaveCount(0);
  await expect(app.getByRole('button', { name: /selected$/ })).toHaveCount(0);

  await app.getByLabel('Load images from a .tar file').setInputFiles(file);
  await expect(app.getByRole('status').filter({ hasText: /^Loaded / })).toContainText(a);
  await expect(app.getByRole('status').filter({ hasText: /^Loaded / })).toContainText(b);
  expect(docker('image', 'inspect', '-f', '{{.Id}}', a)).toBe(idA);
  expect(docker('image', 'inspect', '-f', '{{.Id}}', b)).toBe(idB);
  rmSync(file, { force: true });
});
