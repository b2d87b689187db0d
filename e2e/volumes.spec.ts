import { inVolume } from './harness/volume-fill';
import { readFileSync } from 'node:fs';
import { BUSYBOX_IMAGE } from './harness/engine';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { recordCalls, VolumesPage } from './pages/volumes';

const helpersOf = (docker: (...a: string[]) => string, volume: string) =>
  docker('ps', '-aq', '--filter', 'label=io.porthole.helper', '--filter', `volume=${volume}`);

test('a CLI volume appears with driver, mountpoint, labels and the containers using it', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  await page.open();
  const vol = uniqueName('cli');
  const user = uniqueName('user');
  docker('volume', 'create', '--label', 'team=web', vol);
  const mountpoint = docker('volume', 'inspect', '-f', '{{.Mountpoint}}', vol);
  await expect(page.row(vol)).toContainText('local');
  await expect(page.row(vol)).toContainText(mountpoint);
  await expect(page.row(vol)).toContainText('team=web');
  await expect(await page.cell(vol, 'Used by')).toHaveText('unused');

  docker('create', '--name', user, '-v', `${vol}:/data`, BUSYBOX_IMAGE, 'true');
  await expect(await page.cell(vol, 'Used by')).toContainText(`${user} (created)`);
  docker('rm', user);
  await expect(await page.cell(vol, 'Used by')).toHaveText('unused');
  docker('volume', 'rm', vol);
  await expect(page.row(vol)).toHaveCount(0);
});

test('Create volume sends name, driver options and labels; docker volume inspect agrees', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  await page.open();
  const vol = uniqueName('made');
  await page.button('Create volume').click();
  const dialog = page.dialog('Create volume');
  await dialog.getByLabel('Name', { exact: true }).fill(vol);
  await dialog.getByLabel('Driver options').fill('type=tmpfs\ndevice=tmpfs\no=size=8m');
  await dialog.getByLabel('Labels').fill('owner=e2e\ntier=cache');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.row(vol)).toContainText('owner=e2e');
  expect(JSON.parse(docker('volume', 'inspect', '-f', '{{json .Labels}}', vol))).toEqual({
    owner: 'e2e',
    tier: 'cache',
  });
  expect(JSON.parse(docker('volume', 'inspect', '-f', '{{json .Options}}', vol))).toEqual({
    type: 'tmpfs',
    device: 'tmpfs',
    o: 'size=8m',
  });
});

test('an invalid volume name or label is shown at its field and nothing is sent', async ({
  app,
  docker,
  uniqueName,
}) => {
  const calls = await recordCalls(app);
  const page = new VolumesPage(app);
  await page.open();
  await page.button('Create volume').click();
  const dialog = page.dialog('Create volume');
  const name = dialog.getByLabel('Name', { exact: true });
  const typed = uniqueName('bad');
  await name.fill(`-${typed}`);
  await dialog.getByLabel('Labels').fill('=nokey');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/starting with a letter or digit/);
  await expect(dialog.getByLabel('Labels')).toHaveAccessibleDescription(/key is missing/);
  // The recorder does see this page's calls; just not a create.
  expect(calls).toContain('volumes.list');
  expect(calls).not.toContain('volumes.create');
  // By this test's own name: an anonymous volume's hex id may well contain "bad".
  expect(docker('volume', 'ls', '-q', '--filter', `name=${typed}`)).toBe('');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('Remove: an unused volume goes; one in use is refused with its containers named', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  await page.open();
  const free = uniqueName('free');
  const held = uniqueName('held');
  const holder = uniqueName('holder');
  docker('volume', 'create', free);
  docker('run', '-d', '--name', holder, '-v', `${held}:/data`, BUSYBOX_IMAGE, 'sleep', '600');

  await page.button(`Remove ${free}`).click();
  let dialog = page.dialog(`Remove ${free}?`);
  await expect(dialog).toContainText('all the data in it will be deleted');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.row(free)).toHaveCount(0);
  expect(docker('volume', 'ls', '-q', '--filter', `name=${free}`)).toBe('');

  await page.button(`Remove ${held}`).click();
  dialog = page.dialog(`Remove ${held}?`);
  await expect(dialog).toContainText(`used by ${holder} (running)`);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  const alert = app.getByRole('alert').filter({ hasText: `Could not remove ${held}` });
  await expect(alert).toContainText('in use');
  await expect(alert).toContainText(`Used by: ${holder} (running)`);
  expect(docker('volume', 'inspect', '-f', '{{.Name}}', held)).toBe(held);
  await expect(page.row(held)).toHaveCount(1);
});

test('sizes come from disk usage only when asked for', async ({ app, docker, uniqueName }) => {
  const calls = await recordCalls(app);
  const page = new VolumesPage(app);
  await page.open();
  const vol = uniqueName('sized');
  inVolume(docker, vol, 'yes | head -c 250000 > /data/blob');
  await expect(await page.cell(vol, 'Size')).toHaveText('—');
  expect(calls).not.toContain('volumes.sizes');

  await page.button('Load sizes').click();
  await expect(await page.cell(vol, 'Size')).toHaveText(/^25\d\.\d kB$|^250 kB$/);
  const df = docker('system', 'df', '-v', '--format', '{{json .Volumes}}');
  const fromCli = (JSON.parse(df) as { Name: string; Size: string }[]).find((v) => v.Name === vol);
  expect(fromCli?.Size).toMatch(/^25\d(\.\d+)?kB$/);
  const sizeCalls = calls.filter((c) => c === 'volumes.sizes').length;
  expect(sizeCalls).toBe(1);
  await app.screenshot({ path: test.info().outputPath('volumes.png') });

  // A list refresh (a new volume appearing) does not call disk usage again.
  const other = uniqueName('other');
  docker('volume', 'create', other);
  await expect(page.row(other)).toHaveCount(1);
  expect(calls.filter((c) => c === 'volumes.sizes').length).toBe(sizeCalls);
});

test('Browse files: a file the CLI wrote is listed and downloads with the same bytes', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  await page.open();
  const vol = uniqueName('files');
  const content = `hello from ${vol}\n`;
  inVolume(
    docker,
    vol,
    `mkdir /data/logs && echo top > /data/top.txt && printf '${content.replace(/\n/, '\\n')}' > /data/logs/hello.txt`,
  );
  await page.button(`Browse ${vol}`).click();
  const dialog = page.dialog(`Files in ${vol}`);
  // The helper image is the user's choice, never picked for them; main remembers it per engine
  // (so another test may have chosen one already: volumes-own-engine.spec checks the asking).
  const helperSelect = dialog.getByRole('combobox', { name: 'Helper image' });
  const tree = dialog.getByRole('tree', { name: `Files of ${vol}` });
  await helperSelect.selectOption(BUSYBOX_IMAGE);
  const root = tree.getByRole('treeitem', { name: '/', exact: true });
  const children = root.getByRole('group').first().getByRole('treeitem');
  await expect(children).toHaveText([/logs/, /top\.txt/]);
  await expect(dialog.getByRole('status')).toContainText(
    `Read-only, through a short-lived helper container from ${BUSYBOX_IMAGE}.`,
  );

  const logs = root.getByRole('treeitem', { name: 'logs', exact: true });
  await logs.locator('> .file-row').click();
  await expect(logs).toHaveAttribute('aria-expanded', 'true');
  const hello = logs.getByRole('treeitem', { name: 'hello.txt', exact: true });
  await expect(hello).toHaveAccessibleDescription(new RegExp(`^${content.length} B -rw-r--r--`));
  await hello.locator('> .file-row').click();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download /logs/hello.txt' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hello.txt');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(content);
  await expect(dialog.getByRole('status')).toContainText(
    "Downloading /logs/hello.txt in the browser's downloads.",
  );
  await app.screenshot({ path: test.info().outputPath('volume-files.png') });

  // Read-only: no upload, new folder or delete in the volume browser.
  await expect(dialog.getByRole('button', { name: /Upload|New folder|Delete/ })).toHaveCount(0);
  // Tidy: the volume is unchanged and no helper container is left behind.
  expect(docker('run', '--rm', '-v', `${vol}:/data`, BUSYBOX_IMAGE, 'ls', '/data')).toBe(
    'logs\ntop.txt',
  );
  await expect.poll(() => helpersOf(docker, vol)).toBe('');

  // Reopened, the dialog remembers the helper chosen on this engine.
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.button(`Browse ${vol}`).click();
  await expect(helperSelect).toHaveValue(BUSYBOX_IMAGE);
  await expect(children).toHaveText([/logs/, /top\.txt/]);
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => helpersOf(docker, vol)).toBe('');
});

test('Run a container with this volume mounts it where asked', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new VolumesPage(app);
  await page.open();
  const vol = uniqueName('runvol');
  const name = uniqueName('runner');
  docker('volume', 'create', vol);
  await page.button(`Run with ${vol}`).click();
  const dialog = page.dialog(`Run a container with ${vol}`);
  await dialog.getByLabel('Image').fill(BUSYBOX_IMAGE);
  await dialog.getByLabel('Mount path').fill('/srv/data');
  await dialog.getByLabel('Container name').fill(name);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Started ${name}`);
  await expect.poll(() => docker('inspect', '-f', '{{.State.Status}}', name)).toBe('running');
  expect(docker('inspect', '-f', '{{range .Mounts}}{{.Name}} {{.Destination}}{{end}}', name)).toBe(
    `${vol} /srv/data`,
  );
  await expect(await page.cell(vol, 'Used by')).toContainText(`${name} (running)`);
});

test('the router refuses paths outside the volume and a folder as a download', async ({
  suite,
  docker,
  uniqueName,
}) => {
  const vol = uniqueName('router');
  docker('run', '--rm', '-v', `${vol}:/data`, BUSYBOX_IMAGE, 'mkdir', '/data/sub');
  const client = await connectClient(suite.app);
  try {
    const engineId = ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
    const helperImage = BUSYBOX_IMAGE;
    const escaped = await client.call('volumes.browse', {
      engineId,
      name: vol,
      path: '../..',
      helperImage,
    });
    expect(escaped).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    client.send({
      t: 'sub',
      id: 77,
      name: 'volumes.download',
      input: { engineId, name: vol, path: 'sub', helperImage },
    });
    const end = await client.next((m) => m.id === 77 && m.t === 'end', 30_000);
    expect(end.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '“/sub” is a folder: open it and download its files one by one.',
    });
    const missing = await client.call('volumes.browse', {
      engineId,
      name: vol,
      path: 'nope',
      helperImage,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect.poll(() => helpersOf(docker, vol)).toBe('');
  } finally {
    client.close();
  }
});
