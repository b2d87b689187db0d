import { createServer, type Server } from 'node:net';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';
import { RunFormPage } from './pages/run-form';

const inspect = (docker: (...a: string[]) => string, name: string, path: string) =>
  JSON.parse(docker('inspect', '-f', `{{json ${path}}}`, name)) as unknown;

test('Run a container: every field reaches the engine as docker inspect reports it', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('run');
  const volume = `${name}-vol`;
  try {
    const dialog = await page.openRunForm();
    const form = new RunFormPage(dialog);
    await form.image.fill(BUSYBOX_IMAGE);
    await dialog.getByRole('textbox', { name: 'Container name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Command' }).fill(`sh -c 'sleep 600'`);
    await dialog.getByRole('button', { name: 'Add port' }).click();
    await dialog.getByRole('textbox', { name: 'Host IP 1' }).fill('127.0.0.1');
    await dialog.getByRole('textbox', { name: 'Container port 1' }).fill('80');
    await dialog.getByRole('button', { name: 'Add port' }).click();
    await dialog.getByRole('textbox', { name: 'Container port 2' }).fill('53');
    await dialog.getByRole('combobox', { name: 'Protocol 2' }).selectOption('udp');
    await dialog.getByRole('textbox', { name: 'Host IP 2' }).fill('127.0.0.1');
    // A pasted .env block: comments, export, quotes.
    await form.pasteEnv('# settings\nFOO=bar\nexport GREETING="hello world" # a comment\n\nEMPTY=');
    await form.addVolume('Anonymous', '', '/data');
    await form.addVolume('Volume', volume, '/vol', { readOnly: true, fresh: true });
    await dialog.getByRole('combobox', { name: 'Restart policy' }).selectOption('unless-stopped');
    await dialog.getByRole('checkbox', { name: 'Keep STDIN open (-i)' }).check();
    await dialog.getByRole('checkbox', { name: 'Allocate a TTY (-t)' }).check();
    await form.addLabel('team', 'blue');
    await form.addLabel('tier', 'web');
    await form.advanced();
    await dialog.getByRole('textbox', { name: 'Working directory' }).fill('/tmp');
    await dialog.getByRole('textbox', { name: 'User' }).fill('1000');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.row(name)).toContainText('running');

    expect(inspect(docker, name, '.Config.Image')).toBe(BUSYBOX_IMAGE);
    expect(inspect(docker, name, '.Config.Cmd')).toEqual(['sh', '-c', 'sleep 600']);
    expect(inspect(docker, name, '.Config.Env')).toEqual(
      expect.arrayContaining(['FOO=bar', 'GREETING=hello world', 'EMPTY=']),
    );
    expect(inspect(docker, name, '.HostConfig.PortBindings')).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
    });
    // "random host port": the engine picked one, and the table shows it.
    const hostPort = docker('port', name, '80/tcp').split(':').pop()!;
    expect(Number(hostPort)).toBeGreaterThan(0);
    await expect(page.row(name)).toContainText(`127.0.0.1:${hostPort}→80/tcp`);
    const mounts = inspect(docker, name, '.Mounts') as {
      Type: string;
      Name: string;
      Destination: string;
      RW: boolean;
    }[];
    expect(mounts.find((m) => m.Destination === '/data')).toMatchObject({
      Type: 'volume',
      RW: true,
    });
    expect(mounts.find((m) => m.Destination === '/vol')).toMatchObject({
      Type: 'volume',
      Name: volume,
      RW: false,
    });
    expect(inspect(docker, name, '.HostConfig.RestartPolicy.Name')).toBe('unless-stopped');
    expect(inspect(docker, name, '.Config.OpenStdin')).toBe(true);
    expect(inspect(docker, name, '.Config.Tty')).toBe(true);
    expect(inspect(docker, name, '.Config.Labels')).toMatchObject({ team: 'blue', tier: 'web' });
    expect(inspect(docker, name, '.Config.WorkingDir')).toBe('/tmp');
    expect(inspect(docker, name, '.Config.User')).toBe('1000');
  } finally {
    docker('rm', '-f', '-v', name);
    docker('volume', 'rm', '-f', volume);
  }
});

test('Run a container: bad input is flagged at its field before anything is sent', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('bad');
  const dialog = await page.openRunForm();
  const form = new RunFormPage(dialog);
  await form.image.fill(BUSYBOX_IMAGE);
  await dialog.getByRole('textbox', { name: 'Container name' }).fill(name);
  await dialog.getByRole('button', { name: 'Add port' }).click();
  await dialog.getByRole('textbox', { name: 'Host port 1' }).fill('70000');
  await dialog.getByRole('textbox', { name: 'Container port 1' }).fill('80');
  await form.pasteEnv('GOOD=1\n1BAD=x');
  await form.addVariable('2ALSO', 'bad');
  await form.addVolume('Host folder', 'relative/dir', '/x');
  await form.addLabel('has space', 'v');
  // Folded options with an error unfold by themselves.
  await dialog.locator('summary').click();
  await dialog.getByRole('textbox', { name: 'Memory limit' }).fill('lots');
  await dialog.locator('summary').click();
  await expect(dialog.locator('details.advanced')).not.toHaveAttribute('open');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();

  const hostPort = dialog.getByRole('textbox', { name: 'Host port 1' });
  await expect(hostPort).toHaveAttribute('aria-invalid', 'true');
  await expect(hostPort).toHaveAccessibleDescription(/number from 1 to 65535/);
  const env = dialog.getByRole('textbox', { name: 'Paste .env' });
  await expect(env).toHaveAttribute('aria-invalid', 'true');
  await expect(env).toHaveAccessibleDescription(/Line 2: “1BAD” is not a valid variable name/);
  const key = dialog.getByRole('textbox', { name: 'Key 1', exact: true });
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAccessibleDescription(/“2ALSO” is not a valid variable name/);
  await expect(dialog.getByRole('textbox', { name: 'Host path 1' })).toHaveAccessibleDescription(
    /host folder is an absolute path/,
  );
  await expect(
    dialog.getByRole('textbox', { name: 'Label key 1', exact: true }),
  ).toHaveAccessibleDescription('A key has no spaces.');
  await expect(dialog.locator('details.advanced')).toHaveAttribute('open', '');
  const memory = dialog.getByRole('textbox', { name: 'Memory limit' });
  await expect(memory).toHaveAttribute('aria-invalid', 'true');
  await expect(memory).toHaveAccessibleDescription(/A size such as 512m/);
  await expect(dialog).toBeVisible();
  expect(docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
});

test('Run a container: unknown image, name taken and ports in use are caught by the engine check', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const holder = uniqueName('holder');
  docker('run', '-d', '--name', holder, '-p', '127.0.0.1::80', BUSYBOX_IMAGE, 'sleep', '600');
  const taken = docker('port', holder, '80/tcp').split(':').pop()!;
  // A port held by a program outside any container: the app tries to bind it.
  const outside: Server = createServer();
  await new Promise<void>((r) => outside.listen(0, '127.0.0.1', r));
  const busy = (outside.address() as { port: number }).port;
  try {
    const dialog = await page.openRunForm();
    await dialog.getByRole('combobox', { name: 'Image' }).fill('test/no-such-image:1');
    await dialog.getByRole('textbox', { name: 'Container name' }).fill(holder);
    await dialog.getByRole('button', { name: 'Add port' }).click();
    await dialog.getByRole('textbox', { name: 'Host port 1' }).fill(taken);
    await dialog.getByRole('textbox', { name: 'Container port 1' }).fill('80');
    await dialog.getByRole('button', { name: 'Add port' }).click();
    await dialog.getByRole('textbox', { name: 'Host port 2' }).fill(String(busy));
    await dialog.getByRole('textbox', { name: 'Container port 2' }).fill('81');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();

    const image = dialog.getByRole('combobox', { name: 'Image' });
    await expect(image).toHaveAttribute('aria-invalid', 'true');
    await expect(image).toHaveAccessibleDescription(
      /no image “test\/no-such-image:1” on this engine/,
    );
    const nameBox = dialog.getByRole('textbox', { name: 'Container name' });
    await expect(nameBox).toHaveAccessibleDescription(
      new RegExp(`named “${holder}” already exists`),
    );
    await expect(dialog.getByRole('textbox', { name: 'Host port 1' })).toHaveAccessibleDescription(
      new RegExp(`Host port ${taken} is already published by “${holder}”`),
    );
    await expect(dialog.getByRole('textbox', { name: 'Host port 2' })).toHaveAccessibleDescription(
      new RegExp(`Host port ${busy} is in use on this machine`),
    );
    // Nothing was created: the only container with that name is still the holder.
    expect(docker('ps', '-aq', '--filter', `name=${holder}`).split('\n')).toHaveLength(1);
  } finally {
    outside.close();
  }
});

test('Run a container: when the engine refuses, its words show and nothing is left behind', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('refused');
  const dialog = await page.openRunForm();
  await dialog.getByRole('combobox', { name: 'Image' }).fill(BUSYBOX_IMAGE);
  await dialog.getByRole('textbox', { name: 'Container name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Command' }).fill('/no/such/program');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The engine refused');
  await expect(alert).toContainText('/no/such/program');
  expect(docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Run a container' })).toBeFocused();
});
