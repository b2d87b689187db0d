import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { startRegistry, stopRegistry } from './harness/registry';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';
import { RunFormPage } from './pages/run-form';

const inspect = (docker: (...a: string[]) => string, name: string, path: string) =>
  JSON.parse(docker('inspect', '-f', `{{json ${path}}}`, name)) as unknown;

test('run form picks a local image and an existing network and the container has them (inspect)', async ({
  app,
  docker,
  uniqueName,
}) => {
  const net = uniqueName('net');
  const volume = uniqueName('vol');
  const name = uniqueName('picked');
  docker('network', 'create', net);
  docker('volume', 'create', volume);
  const hostDir = mkdtempSync(join(tmpdir(), 'porthole-run-bind-'));
  try {
    const page = new ContainersPage(app);
    const form = new RunFormPage(await page.openRunForm());
    const { dialog } = form;
    await test.step('image from the combobox, by keyboard', async () => {
      await form.image.fill(BUSYBOX_IMAGE.slice(0, 9));
      await expect(dialog.getByRole('listbox', { name: 'Local images' })).toBeVisible();
      // Still choosing: no pull is offered for the prefix.
      await expect(dialog.getByRole('button', { name: /^Pull / })).toHaveCount(0);
      await app.screenshot({ path: test.info().outputPath('run-dialog-combobox.png') });
      // Escape closes the list, not the dialog; ArrowDown opens it again with an active option.
      await form.image.press('Escape');
      await expect(dialog.getByRole('listbox', { name: 'Local images' })).toBeHidden();
      await expect(form.image).toHaveAttribute('aria-expanded', 'false');
      await expect(dialog).toBeVisible();
      await form.image.press('ArrowDown');
      await expect(form.image).toHaveAttribute('aria-expanded', 'true');
      await expect(form.image).toHaveAttribute('aria-activedescendant', /.+/);
      await form.pickImage(BUSYBOX_IMAGE.slice(0, 9), BUSYBOX_IMAGE);
      await expect(dialog.getByText('is not on this engine')).toHaveCount(0);
    });
    await form.textbox('Container name').fill(name);
    await form.textbox('Command').fill('sleep 600');
    const network = dialog.getByRole('combobox', { name: 'Network' });
    await expect(network.getByRole('option', { name: net, exact: true })).toBeAttached();
    await network.selectOption(net);
    await test.step('a named volume row and a read-only host-folder row', async () => {
      await form.addVolume('Volume', volume, '/vol');
      await form.addVolume('Host folder', hostDir, '/host', { readOnly: true });
    });
    await test.step('two variables, a pasted .env line, a label', async () => {
      await form.addVariable('FIRST', '1');
      await form.addVariable('SECOND', 'two words');
      await form.pasteEnv('export PASTED="from .env" # a comment');
      await form.addLabel('team', 'blue');
    });
    await test.step('advanced: memory, CPUs, capabilities', async () => {
      await expect(dialog.locator('details.advanced')).not.toHaveAttribute('open');
      await form.advanced();
      await form.textbox('Memory limit').fill('64m');
      await form.textbox('CPUs').fill('0.5');
      await form.textbox('Add capabilities').fill('NET_ADMIN');
      await form.textbox('Drop capabilities').fill('CAP_MKNOD');
    });
    // As a user sees it: folded, from the top; then everything, unfolded, on a tall window.
    await dialog.locator('summary').click();
    await dialog.locator('.run-form').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await app.screenshot({ path: test.info().outputPath('run-dialog-folded.png') });
    await dialog.locator('summary').click();
    await app.setViewportSize({ width: 1280, height: 1500 });
    await app.screenshot({ path: test.info().outputPath('run-dialog.png') });

    await form.run();
    await expect(dialog).toBeHidden();
    await expect(page.row(name)).toContainText('running');

    expect(inspect(docker, name, '.Config.Image')).toBe(BUSYBOX_IMAGE);
    expect(Object.keys(inspect(docker, name, '.NetworkSettings.Networks') as object)).toEqual([
      net,
    ]);
    const mounts = inspect(docker, name, '.Mounts') as {
      Type: string;
      Name?: string;
      Source: string;
      Destination: string;
      RW: boolean;
    }[];
    expect(mounts.find((m) => m.Destination === '/vol')).toMatchObject({
      Type: 'volume',
      Name: volume,
      RW: true,
    });
    expect(mounts.find((m) => m.Destination === '/host')).toMatchObject({
      Type: 'bind',
      Source: hostDir,
      RW: false,
    });
    expect(mounts).toHaveLength(2);
    expect(inspect(docker, name, '.Config.Env')).toEqual(
      expect.arrayContaining(['FIRST=1', 'SECOND=two words', 'PASTED=from .env']),
    );
    expect(inspect(docker, name, '.Config.Labels')).toMatchObject({ team: 'blue' });
    expect(inspect(docker, name, '.HostConfig.Memory')).toBe(64 * 1024 * 1024);
    expect(inspect(docker, name, '.HostConfig.NanoCpus')).toBe(500_000_000);
    expect(inspect(docker, name, '.HostConfig.CapAdd')).toEqual(['NET_ADMIN']);
    expect(inspect(docker, name, '.HostConfig.CapDrop')).toEqual(['MKNOD']);
  } finally {
    docker('rm', '-f', name);
    rmSync(hostDir, { recursive: true, force: true });
  }
});

test('an image the engine does not have is offered for a pull; a failed pull is shown in the engine’s words and nothing is created', async ({
  app,
  docker,
  uniqueName,
}) => {
  const ref = 'localhost:1/nope:1';
  const name = uniqueName('notlocal');
  const page = new ContainersPage(app);
  const form = new RunFormPage(await page.openRunForm());
  const { dialog } = form;
  await form.image.fill(ref);
  await form.textbox('Container name').fill(name);
  await expect(form.image).toHaveAccessibleDescription(
    /“localhost:1\/nope:1” is not on this engine/,
  );
  await dialog.getByRole('button', { name: `Pull ${ref}`, exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`Could not pull ${ref}`, { timeout: 30_000 });
  // The engine's own words: it could not reach that registry.
  await expect(alert).toContainText(/localhost:1/);
  await expect(alert).toContainText(/connect|refused|dial/);
  await app.screenshot({ path: test.info().outputPath('run-dialog-pull-failed.png') });
  // Run still asks the engine first, which says the image is missing.
  await form.run();
  await expect(form.image).toHaveAttribute('aria-invalid', 'true');
  await expect(form.image).toHaveAccessibleDescription(
    /no image “localhost:1\/nope:1” on this engine/,
  );
  expect(docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
  expect(docker('images', '-q', ref)).toBe('');
});

test('a pull from the form: progress, then the image is local and Run uses it', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  // A registry of this test's own, without a login: what is tested is the form, not the auth.
  const dir = join(suite.root, `registry-${uniqueName('reg')}`);
  const registry = await startRegistry(dir, { auth: false });
  const ref = `${registry.address}/run-form/pulled:1`;
  const name = uniqueName('pulled');
  try {
    docker('tag', BUSYBOX_IMAGE, ref);
    docker('push', ref);
    docker('rmi', ref);
    const page = new ContainersPage(app);
    const form = new RunFormPage(await page.openRunForm());
    const { dialog } = form;
    await form.image.fill(ref);
    await form.textbox('Container name').fill(name);
    await form.textbox('Command').fill('sleep 600');
    await dialog.getByRole('button', { name: `Pull ${ref}`, exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: `Pulled ${ref}.` })).toBeVisible({
      timeout: 60_000,
    });
    // The pull's own progress bar, named as everywhere ("Pulling REF"), ends full.
    await expect(dialog.getByRole('progressbar', { name: `Pulling ${ref}` })).toHaveAttribute(
      'value',
      '100',
    );
    expect(docker('images', '-q', ref)).not.toBe('');
    await expect(dialog.getByText('is not on this engine')).toHaveCount(0);
    await form.run();
    await expect(dialog).toBeHidden();
    await expect(page.row(name)).toContainText('running');
    expect(inspect(docker, name, '.Config.Image')).toBe(ref);
  } finally {
    docker('rm', '-f', name);
    try {
      docker('rmi', ref);
    } catch {
      // not pulled
    }
    await stopRegistry(registry);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GPUs: all, on an engine without any, is refused in the engine’s words; nothing is left behind', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('gpus');
  const page = new ContainersPage(app);
  const form = new RunFormPage(await page.openRunForm());
  await form.image.fill(BUSYBOX_IMAGE);
  await form.textbox('Container name').fill(name);
  await form.textbox('Command').fill('sleep 600');
  const dialog = await form.advanced();
  await dialog.getByRole('combobox', { name: 'GPUs' }).selectOption('All');
  await form.run();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The engine refused');
  await expect(alert).toContainText(/could not select device driver/);
  await expect(dialog).toBeVisible();
  // By name: other tests create containers on this engine meanwhile.
  expect(docker('ps', '-aq', '--filter', `name=^${name}$`)).toBe('');
});

test('Recreate keeps memory, CPUs and capabilities (docker inspect after recreate)', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('keeps');
  docker(
    'run',
    '-d',
    '--name',
    name,
    '--memory',
    '64m',
    '--cpus',
    '0.5',
    '--cap-add',
    'NET_ADMIN',
    '--cap-drop',
    'MKNOD',
    '-e',
    'MODE=old',
    BUSYBOX_IMAGE,
    'sleep',
    '600',
  );
  const oldId = docker('inspect', '-f', '{{.Id}}', name);
  const page = new ContainersPage(app);
  await (await page.menuItem('Recreate', name)).click();
  const form = new RunFormPage(app.getByRole('dialog', { name: `Recreate ${name}` }));
  await form.advanced();
  await expect(form.textbox('Memory limit')).toHaveValue('64m');
  await expect(form.textbox('CPUs')).toHaveValue('0.5');
  await expect(form.textbox('Add capabilities')).toHaveValue('NET_ADMIN');
  await expect(form.textbox('Drop capabilities')).toHaveValue('MKNOD');
  await expect(form.textbox('Key 1')).toHaveValue('MODE');
  await form.textbox('Value 1').fill('new');
  await form.run('Recreate');
  await expect(form.dialog).toHaveCount(0);

  await expect.poll(() => docker('inspect', '-f', '{{.Id}}', name)).not.toBe(oldId);
  expect(inspect(docker, name, '.Config.Env')).toContain('MODE=new');
  expect(inspect(docker, name, '.HostConfig.Memory')).toBe(64 * 1024 * 1024);
  expect(inspect(docker, name, '.HostConfig.NanoCpus')).toBe(500_000_000);
  expect(inspect(docker, name, '.HostConfig.CapAdd')).toEqual(['NET_ADMIN']);
  expect(inspect(docker, name, '.HostConfig.CapDrop')).toEqual(['MKNOD']);
});
