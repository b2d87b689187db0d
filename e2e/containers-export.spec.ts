import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

interface Inspect {
  Name: string;
  Config: { Image: string; Cmd: string[]; Env: string[]; Labels: Record<string, string> };
  HostConfig: {
    PortBindings: Record<string, unknown>;
    NetworkMode: string;
    RestartPolicy: { Name: string };
  };
  Mounts: { Type: string; Name?: string; Source: string; Destination: string; RW: boolean }[];
}

/** The fields an export promises to reproduce, from `docker inspect`. */
function exported(docker: (...a: string[]) => string, name: string) {
  const c = (JSON.parse(docker('inspect', name)) as Inspect[])[0]!;
  return {
    name: c.Name,
    image: c.Config.Image,
    command: c.Config.Cmd,
    env: [...c.Config.Env].sort(),
    ports: c.HostConfig.PortBindings,
    network: c.HostConfig.NetworkMode,
    restart: c.HostConfig.RestartPolicy.Name,
    labels: c.Config.Labels,
    mounts: c.Mounts.map((m) => ({
      type: m.Type,
      // An anonymous volume is new by nature: only its being anonymous must match.
      source:
        m.Type === 'bind' ? m.Source : /^[0-9a-f]{64}$/.test(m.Name ?? '') ? 'anonymous' : m.Name,
      target: m.Destination,
      rw: m.RW,
    })).sort((a, b) => a.target.localeCompare(b.target)),
  };
}

test('Export: the copied docker run command recreates the same container (round trip on the engine)', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('export');
  const network = uniqueName('net');
  const volume = uniqueName('vol');
  const udpPort = String(20000 + Math.floor(Math.random() * 20000));
  const colonDir = mkdtempSync(join(tmpdir(), 'pt-a:b-'));
  docker('network', 'create', network);
  try {
    docker(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      network,
      '--restart',
      'unless-stopped',
      '-e',
      'A=1',
      '-e',
      'B=two words',
      '-e',
      "C=it's $HOME",
      '-p',
      '127.0.0.1::80',
      '-p',
      `127.0.0.1:${udpPort}:81/udp`,
      '-v',
      `${volume}:/data`,
      '-v',
      '/tmp:/host:ro',
      '-v',
      '/anon',
      // A host path with ":" in it: only structured mounts can carry it.
      '--mount',
      `type=bind,source=${colonDir},target=/colon`,
      '-e',
      'AWS=${AWS_SECRET_ACCESS_KEY}',
      '--label',
      'x=y',
      '--label',
      'z=with space',
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'sleep 600 # "quoted"',
    );
    const original = exported(docker, name);

    await (await page.menuItem('Inspect', name)).click();
    await app.getByRole('tab', { name: 'Export' }).click();
    const command = await app.getByRole('textbox', { name: 'docker run command' }).inputValue();
    await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.getByRole('button', { name: 'Copy docker run command' }).click();
    expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(command);

    const compose = await app.getByRole('textbox', { name: 'Compose service' }).inputValue();
    expect(compose).toContain(`container_name: "${name}"`);
    expect(compose).toContain(`image: "${BUSYBOX_IMAGE}"`);
    expect(compose).toContain('command: ["sh", "-c", "sleep 600 # \\"quoted\\""]');
    // Compose would interpolate "$": a literal one is written "$$".
    expect(compose).toContain('"C": "it\'s $$HOME"');
    expect(compose).toContain('"AWS": "$${AWS_SECRET_ACCESS_KEY}"');
    expect(compose).toContain(`- "127.0.0.1:${udpPort}:81/udp"`);
    expect(compose).toContain(`source: "${volume}"`);
    expect(compose).toContain(`source: "${colonDir}"`);
    expect(compose).toContain(`networks: ["${network}"]`);
    expect(compose).toContain('restart: "unless-stopped"');
    expect(compose).toContain('"z": "with space"');

    docker('rm', '-f', name);
    // Run it the way a person would paste it: through a shell, with the real CLI on PATH.
    const r = spawnSync('sh', ['-c', command], {
      env: {
        ...process.env,
        PATH: `/usr/bin:${process.env.PATH ?? ''}`,
        DOCKER_HOST: suite.engine.host,
        DOCKER_CONFIG: suite.dockerConfig,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(exported(docker, name)).toEqual(original);
  } finally {
    spawnSync('/usr/bin/docker', ['-H', suite.engine.host, 'rm', '-f', name]);
    docker('network', 'rm', network);
    docker('volume', 'rm', '-f', volume);
    rmSync(colonDir, { recursive: true, force: true });
  }
});

test('Recreate: the form is prefilled; the new container replaces the old under its name', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('recreate');
  docker(
    'run',
    '-d',
    '--name',
    name,
    '-e',
    'MODE=old',
    '-p',
    '127.0.0.1::80',
    BUSYBOX_IMAGE,
    'sleep',
    '600',
  );
  const oldId = docker('inspect', '-f', '{{.Id}}', name);

  await (await page.menuItem('Recreate', name)).click();
  const dialog = app.getByRole('dialog', { name: `Recreate ${name}` });
  await expect(dialog.getByRole('combobox', { name: 'Image' })).toHaveValue(BUSYBOX_IMAGE);
  await expect(dialog.getByRole('textbox', { name: 'Command' })).toHaveValue('sleep 600');
  await expect(dialog.getByRole('textbox', { name: 'Container port 1' })).toHaveValue('80');
  await expect(dialog.getByRole('textbox', { name: 'Key 1', exact: true })).toHaveValue('MODE');
  const env = dialog.getByRole('textbox', { name: 'Value 1', exact: true });
  await expect(env).toHaveValue('old');
  await expect(dialog.getByRole('textbox', { name: 'Key 2', exact: true })).toHaveCount(0);
  await env.fill('new');
  await dialog.getByRole('button', { name: 'Recreate', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await expect.poll(() => docker('inspect', '-f', '{{.Id}}', name)).not.toBe(oldId);
  expect(docker('inspect', '-f', '{{json .Config.Env}}', name)).toContain('MODE=new');
  expect(docker('inspect', '-f', '{{.State.Status}}', name)).toBe('running');
  expect(docker('ps', '-aq', '--filter', `id=${oldId}`)).toBe('');
  expect(docker('ps', '-aq', '--filter', `name=${name}-recreate`)).toBe('');
  await expect(page.row(name)).toContainText('running');
});

test('Recreate that fails leaves the old container as it was', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('keep');
  docker('run', '-d', '--name', name, '-e', 'MODE=old', BUSYBOX_IMAGE, 'sleep', '600');
  const oldId = docker('inspect', '-f', '{{.Id}}', name);
  const startedAt = docker('inspect', '-f', '{{.State.StartedAt}}', name);

  await (await page.menuItem('Recreate', name)).click();
  const dialog = app.getByRole('dialog', { name: `Recreate ${name}` });
  await dialog.getByRole('textbox', { name: 'Command' }).fill('/no/such/program');
  await dialog.getByRole('button', { name: 'Recreate', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('/no/such/program');

  expect(docker('inspect', '-f', '{{.Id}}', name)).toBe(oldId);
  expect(docker('inspect', '-f', '{{.State.Status}}', name)).toBe('running');
  expect(docker('inspect', '-f', '{{.State.StartedAt}}', name)).toBe(startedAt);
  expect(docker('inspect', '-f', '{{json .Config.Env}}', name)).toContain('MODE=old');
  expect(docker('ps', '-aq', '--filter', `name=${name}-recreate`)).toBe('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.row(name)).toContainText('running');
});

test('Recreate on the same fixed host port: the old one steps aside, and comes back if the new one fails', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('fixed');
  const free = createServer();
  await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
  const port = String((free.address() as { port: number }).port);
  await new Promise((r) => free.close(r));
  docker('run', '-d', '--name', name, '-p', `127.0.0.1:${port}:80`, BUSYBOX_IMAGE, 'sleep', '600');
  const oldId = docker('inspect', '-f', '{{.Id}}', name);

  await test.step('a failing start: the old container runs again on its port', async () => {
    await (await page.menuItem('Recreate', name)).click();
    const dialog = app.getByRole('dialog', { name: `Recreate ${name}` });
    await expect(dialog.getByRole('textbox', { name: 'Host port 1' })).toHaveValue(port);
    await dialog.getByRole('textbox', { name: 'Command' }).fill('/no/such/program');
    await dialog.getByRole('button', { name: 'Recreate', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('/no/such/program');
    expect(docker('inspect', '-f', '{{.Id}} {{.State.Status}}', name)).toBe(`${oldId} running`);
    expect(docker('port', name, '80/tcp')).toBe(`127.0.0.1:${port}`);
    expect(docker('ps', '-aq', '--filter', `name=${name}-recreate`)).toBe('');

    await test.step('then a good one takes over the port', async () => {
      await dialog.getByRole('textbox', { name: 'Command' }).fill('sleep 900');
      await dialog.getByRole('button', { name: 'Recreate', exact: true }).click();
      await expect(dialog).toHaveCount(0);
      expect(docker('inspect', '-f', '{{json .Config.Cmd}}', name)).toBe('["sleep","900"]');
      expect(docker('inspect', '-f', '{{.Id}}', name)).not.toBe(oldId);
      expect(docker('port', name, '80/tcp')).toBe(`127.0.0.1:${port}`);
    });
  });
});
