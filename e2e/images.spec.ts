import { readFileSync } from 'node:fs';
import { BUSYBOX_IMAGE } from './harness/engine';
import { cliBytes, tarEntries } from './harness/tar';
import { expect, test } from './fixtures';
import { cliBuild, ImagesPage, trackImages } from './pages/images';

/** An HTTP server image; the label makes its id unique (`ancestor=` filters match by id). */
const httpd = (label: string) =>
  `FROM ${BUSYBOX_IMAGE}\nLABEL test=${label}\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80", "-h", "/bin"]\n`;

const track = trackImages(test);

test('the Images table lists the engine’s images as the CLI sees them', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  await images.open();
  const id = docker('image', 'inspect', '-f', '{{.Id}}', BUSYBOX_IMAGE);
  const row = images.row(BUSYBOX_IMAGE);
  await expect(row).toContainText(id.slice(7, 19));

  await test.step('a CLI tag appears without a reload; the CLI untag removes it', async () => {
    const ref = track(`${uniqueName('listed')}:v1`);
    docker('tag', BUSYBOX_IMAGE, ref);
    await expect(images.row(ref)).toContainText(id.slice(7, 19));
    await images.filter.fill(ref);
    await expect(images.table.getByRole('rowheader')).toHaveText([ref]);
    docker('rmi', ref);
    await expect(images.row(ref)).toHaveCount(0);
    await images.filter.fill('');
  });

  await test.step('“in use by N containers” follows the containers', async () => {
    const name = uniqueName('user');
    const ref = track(`${uniqueName('used')}:v1`);
    cliBuild(docker, ref, `FROM ${BUSYBOX_IMAGE}\nLABEL used=yes\n`);
    await expect(images.row(ref)).toContainText('unused');
    docker('create', '--name', name, ref, 'true');
    await expect(images.row(ref)).toContainText('in use by 1 container');
  });
});

test('a bad reference is a field error and nothing is sent', async ({ app }) => {
  const images = new ImagesPage(app);
  await images.open();
  const sent: string[] = [];
  app.on('websocket', (ws) =>
    ws.on('framesent', (f) => typeof f.payload === 'string' && sent.push(f.payload)),
  );
  for (const [input, message] of [
    ['UPPER/case', /lowercase/],
    ['busy box', /spaces/],
    ['busybox@sha256:1234', /digest/],
  ] as const) {
    await images.reference.fill(input);
    await images.pull.click();
    await expect(images.reference).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await images.reference.getAttribute('aria-describedby');
    await expect(app.locator(`[id="${describedBy}"]`)).toHaveText(message);
  }
  await images.reference.fill('busybox:1.36');
  await expect(images.reference).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent.filter((p) => p.includes('images.pull'))).toEqual([]);
});

test('Run REF opens the run form prefilled: EXPOSEd ports on loopback, a name; Run starts it', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('web')}:1`);
  cliBuild(docker, ref, httpd(ref));
  await images.open();
  await images.action('Run', ref).click();

  const dialog = images.dialog('Run a container');
  await expect(dialog.getByLabel('Image', { exact: true })).toHaveValue(ref);
  const nameField = dialog.getByRole('textbox', { name: /Container name/ });
  // Named after the repository's last part (so the fixture's cleanup finds it too).
  await expect(nameField).toHaveValue(new RegExp(`^${ref.split(':')[0]}-[0-9a-f]{4}$`));
  const name = await nameField.inputValue();
  await expect(dialog.getByRole('textbox', { name: 'Host IP 1' })).toHaveValue('127.0.0.1');
  await expect(dialog.getByRole('textbox', { name: 'Host port 1' })).toHaveValue('');
  await expect(dialog.getByRole('textbox', { name: 'Container port 1' })).toHaveValue('80');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(app.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
  const binding = docker('port', name, '80/tcp').split('\n')[0]!;
  expect(binding).toMatch(/^127\.0\.0\.1:\d+$/);
  const res = await fetch(`http://${binding}/busybox`, { signal: AbortSignal.timeout(10_000) });
  expect(res.status).toBe(200);
});

test('Run now skips the form: defaults, and the container’s own screen', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('now')}:1`);
  cliBuild(docker, ref, httpd(ref));
  await images.open();
  await images.reference.fill(ref);
  await images.runNow.click();

  await expect
    .poll(() => docker('ps', '-q', '--filter', `ancestor=${ref}`), { timeout: 20_000 })
    .not.toBe('');
  const id = docker('ps', '-q', '--filter', `ancestor=${ref}`);
  const name = docker('inspect', '-f', '{{.Name}}', id).replace(/^\//, '');
  expect(name).toMatch(new RegExp(`^${ref.split(':')[0]}-[0-9a-f]{4}$`));
  await expect(app.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
  const binding = docker('port', id, '80/tcp').split('\n')[0]!;
  expect(binding).toMatch(/^127\.0\.0\.1:\d+$/);
  const res = await fetch(`http://${binding}/busybox`, { signal: AbortSignal.timeout(10_000) });
  expect(res.status).toBe(200);
});

test('Tag REF: the CLI sees the new tag; an invalid tag is a field error', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  await images.open();
  await images.action('Tag', BUSYBOX_IMAGE).click();
  const dialog = images.dialog(`Tag ${BUSYBOX_IMAGE}`);
  const field = dialog.getByRole('textbox', { name: /New reference/ });
  await field.fill('Bad/Name');
  await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const target = track(`${uniqueName('tagged')}:v2`);
  await field.fill(target);
  await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(images.row(target)).toBeVisible();
  expect(docker('image', 'inspect', '-f', '{{.Id}}', target)).toBe(
    docker('image', 'inspect', '-f', '{{.Id}}', BUSYBOX_IMAGE),
  );
});

test('Remove: untag vs delete explained; in use → the engine’s conflict plus who uses it', async ({
  app,
  docker,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('rmi')}:1`);
  const alias = track(`${uniqueName('rmi')}:alias`);
  const id = cliBuild(docker, ref, `FROM ${BUSYBOX_IMAGE}\nLABEL rm=1\n`);
  docker('tag', ref, alias);
  const user = uniqueName('holder');
  docker('run', '-d', '--name', user, ref, 'sleep', '600');
  await images.open();

  await test.step('removing one of two tags only untags', async () => {
    await images.action('Remove', alias).click();
    const dialog = images.dialog(`Remove ${alias}?`);
    await expect(dialog).toContainText(`Only the tag ${alias} is removed`);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(images.row(alias)).toHaveCount(0);
    expect(docker('image', 'inspect', '-f', '{{.Id}}', ref)).toBe(id);
  });

  await test.step('the last tag of an image a container uses: refused, nothing removed', async () => {
    await images.action('Remove', ref).click();
    const dialog = images.dialog(`Remove ${ref}?`);
    await expect(dialog).toContainText('1 container was created from it');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    const alert = images.alert(`Could not remove ${ref}`);
    await expect(alert).toContainText('conflict');
    await expect(alert).toContainText(user);
    expect(docker('image', 'inspect', '-f', '{{.Id}}', ref)).toBe(id);
    await expect(images.row(ref)).toBeVisible();
  });

  await test.step('once the container is gone, Remove deletes it', async () => {
    docker('rm', '-f', user);
    await images.action('Remove', ref).click();
    const dialog = images.dialog(`Remove ${ref}?`);
    await expect(dialog).toContainText('layers that no other image uses are deleted');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(images.row(ref)).toHaveCount(0);
    // The row goes at the untag event; the delete follows it.
    await expect.poll(() => docker('images', '-q', '--no-trunc')).not.toContain(id);
  });
});

test('Inspect REF shows config, layers and raw JSON', async ({ app, docker, uniqueName }) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('insp')}:1`);
  cliBuild(
    docker,
    ref,
    `FROM ${BUSYBOX_IMAGE}\nENV GREETING=hello\nLABEL team=porthole\nEXPOSE 8080\nRUN echo layer > /tmp/f\nCMD ["sleep", "5"]\n`,
  );
  await images.open();
  await images.action('Inspect', ref).click();
  const dialog = images.dialog(`Image ${ref}`);
  await expect(dialog).toContainText('GREETING=hello');
  await expect(dialog).toContainText('team=porthole');
  await expect(dialog).toContainText('8080/tcp');
  await expect(dialog).toContainText('sleep 5');
  await expect(dialog).toContainText(
    docker('image', 'inspect', '-f', '{{.Os}}/{{.Architecture}}', ref),
  );
  const layers = dialog.getByRole('table', { name: `Layers of ${ref}` });
  const cliLayers = docker('history', '-q', ref).split('\n').length;
  await expect(layers.getByRole('rowheader')).toHaveCount(cliLayers);
  await expect(layers).toContainText('echo layer > /tmp/f');
  await dialog.getByRole('checkbox', { name: 'Show raw JSON' }).check();
  await expect(dialog.getByLabel(`Raw JSON of ${ref}`)).toContainText('"RepoTags"');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(images.action('Inspect', ref)).toBeFocused();
});

test('Save REF in Chromium: the browser streams the tar to disk; files and layer digests as docker save', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const images = new ImagesPage(app);
  const ref = track(`${uniqueName('saved')}:1`);
  cliBuild(docker, ref, `FROM ${BUSYBOX_IMAGE}\nRUN head -c 3000000 /dev/urandom > /r\n`);
  await images.open();
  const downloading = app.waitForEvent('download');
  await images.action('Save', ref).click();
  const download = await downloading;
  // A navigation download: the browser fetched /download?ticket=… itself (no blob: URL).
  expect(download.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/download\?ticket=[\w-]{43}$/);
  const name = `${ref.replace(/[^A-Za-z0-9_.-]+/g, '_')}.tar`;
  expect(download.suggestedFilename()).toBe(name);
  const file = test.info().outputPath('saved.tar');
  await download.saveAs(file);
  await expect(
    app.getByRole('status').filter({ hasText: `Saving ${ref} as ${name} in the browser` }),
  ).toBeVisible();

  const [got, cli] = [
    await tarEntries(readFileSync(file)),
    await tarEntries(cliBytes(suite, ['save', ref])),
  ];
  expect([...got.keys()].sort()).toEqual([...cli.keys()].sort());
  for (const [k, v] of cli) expect(got.get(k), k).toEqual(v);
  // The layers are the image's own: each layer.tar hashes to the config's diff id.
  const diffIds = JSON.parse(
    docker('image', 'inspect', '-f', '{{json .RootFS.Layers}}', ref),
  ) as string[];
  const layers = [...got.entries()].filter(([k]) => k.endsWith('/layer.tar'));
  expect(layers.map(([, v]) => `sha256:${v.sha}`).sort()).toEqual([...diffIds].sort());
});
