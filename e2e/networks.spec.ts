import { BUSYBOX_IMAGE } from './harness/engine';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { createNetworkCli, NetworksPage, randomSubnet } from './pages/networks';
import { recordCalls } from './pages/volumes';

/** A /24 no network on this engine uses yet. */
function freeSubnet(docker: (...a: string[]) => string): string {
  const ids = docker('network', 'ls', '-q').split('\n');
  const used = docker(
    'network',
    'inspect',
    '-f',
    '{{range .IPAM.Config}}{{.Subnet}} {{end}}',
    ...ids,
  );
  for (let i = 0; i < 200; i++) {
    const candidate = randomSubnet();
    if (!used.includes(candidate)) return candidate;
  }
  throw new Error('no free subnet');
}

test('built-in networks are marked and cannot be removed; a CLI network shows its settings', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new NetworksPage(app);
  await page.open();
  for (const builtIn of ['bridge', 'host', 'none']) {
    await expect(page.row(builtIn).getByRole('rowheader')).toContainText('built-in');
    await expect(page.button(`Remove ${builtIn}`)).toBeDisabled();
  }
  const net = uniqueName('cli');
  const subnet = freeSubnet(docker);
  const gateway = subnet.replace(/0\/24$/, '1');
  await createNetworkCli(
    docker,
    '--subnet',
    subnet,
    '--gateway',
    gateway,
    '--internal',
    '--attachable',
    net,
  );
  const row = page.row(net);
  await expect(row).toContainText(`${subnet} via ${gateway}`);
  await expect(row.getByRole('rowheader')).toHaveText(net);
  await expect(row.getByRole('cell')).toHaveText([
    'bridge',
    'local',
    `${subnet} via ${gateway}`,
    'yes',
    'yes',
    '0',
    /Details/,
  ]);
  await expect(page.button(`Remove ${net}`)).toBeEnabled();
  docker('network', 'rm', net);
  await expect(page.row(net)).toHaveCount(0);
});

test('Create network sends subnet, gateway, IP range and labels; docker network inspect agrees', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new NetworksPage(app);
  await page.open();
  const net = uniqueName('made');
  const subnet = freeSubnet(docker);
  const base = subnet.replace(/\.0\/24$/, '');
  const dialog = await page.fillCreate({
    Name: net,
    Subnet: subnet,
    Gateway: `${base}.254`,
    'IP range': `${base}.128/25`,
    Labels: 'env=test',
  });
  await expect(dialog.getByLabel('Driver')).toHaveAccessibleDescription(/Overlay needs Swarm/);
  await expect(dialog.getByLabel('Driver').getByRole('option')).toHaveText(['bridge']);
  await dialog.getByRole('checkbox', { name: /Internal/ }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.row(net)).toContainText(`${subnet} via ${base}.254`);
  const ipam = JSON.parse(docker('network', 'inspect', '-f', '{{json .IPAM.Config}}', net));
  expect(ipam).toEqual([{ Subnet: subnet, Gateway: `${base}.254`, IPRange: `${base}.128/25` }]);
  expect(docker('network', 'inspect', '-f', '{{.Internal}} {{.Attachable}} {{.Driver}}', net)).toBe(
    'true false bridge',
  );
  expect(docker('network', 'inspect', '-f', '{{json .Labels}}', net)).toBe('{"env":"test"}');
});

test('invalid CIDRs are shown at their fields and nothing is sent', async ({
  app,
  docker,
  uniqueName,
}) => {
  const calls = await recordCalls(app);
  const page = new NetworksPage(app);
  await page.open();
  const net = uniqueName('badcidr');
  const dialog = await page.fillCreate({
    Name: net,
    Subnet: '10.240.0.300/24',
    Gateway: '10.240.0.1',
  });
  await dialog.getByRole('button', { name: 'Create' }).click();
  const subnet = dialog.getByLabel('Subnet');
  await expect(subnet).toHaveAttribute('aria-invalid', 'true');
  await expect(subnet).toHaveAccessibleDescription(/not a valid CIDR/);

  await subnet.fill('10.240.0.0/24');
  await dialog.getByLabel('Gateway').fill('10.241.0.1');
  await dialog.getByLabel('IP range').fill('10.240.1.0/25');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(subnet).toHaveAttribute('aria-invalid', 'false');
  await expect(dialog.getByLabel('Gateway')).toHaveAccessibleDescription(
    /outside the subnet 10.240.0.0\/24/,
  );
  await expect(dialog.getByLabel('IP range')).toHaveAccessibleDescription(/not inside the subnet/);
  await app.screenshot({ path: test.info().outputPath('network-create-errors.png') });

  await subnet.fill('10.240.0.1/24');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(subnet).toHaveAccessibleDescription(/host bits set: did you mean 10.240.0.0\/24\?/);

  expect(calls).toContain('networks.list');
  expect(calls).not.toContain('networks.create');
  expect(docker('network', 'ls', '-q', '--filter', `name=${net}`)).toBe('');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('Connect and Disconnect are seen by docker network inspect; details show IPs and aliases', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new NetworksPage(app);
  await page.open();
  const net = uniqueName('conn');
  const web = uniqueName('web');
  const subnet = freeSubnet(docker);
  const ip = subnet.replace(/0\/24$/, '42');
  await createNetworkCli(docker, '--subnet', subnet, net);
  docker('run', '-d', '--name', web, BUSYBOX_IMAGE, 'sleep', '600');
  const members = () =>
    docker(
      'network',
      'inspect',
      '-f',
      '{{range .Containers}}{{.Name}} {{.IPv4Address}};{{end}}',
      net,
    );

  await page.button(`Inspect ${net}`).click();
  const dialog = page.dialog(`Network ${net}`);
  await expect(dialog).toContainText('No containers are connected.');
  await dialog.getByLabel('Container', { exact: true }).selectOption({ label: web });
  await dialog.getByLabel('Aliases').fill('api backend');
  await dialog.getByLabel('IP address').fill(ip);
  await dialog.getByRole('button', { name: 'Connect' }).click();

  await expect.poll(members).toBe(`${web} ${ip}/24;`);
  const aliases = docker(
    'inspect',
    '-f',
    `{{json (index .NetworkSettings.Networks "${net}").Aliases}}`,
    web,
  );
  expect(JSON.parse(aliases)).toEqual(expect.arrayContaining(['api', 'backend']));
  const table = dialog.getByRole('table', { name: `Containers on ${net}` });
  const row = table.getByRole('row').filter({ has: app.getByRole('rowheader', { name: web }) });
  await expect(row).toContainText(`${ip}/24`);
  await expect(row).toContainText('api, backend');
  await app.screenshot({ path: test.info().outputPath('network-detail.png') });
  await expect(page.row(net).getByRole('cell').nth(5)).toHaveText('1');

  await dialog.getByRole('button', { name: `Disconnect ${web}` }).click();
  await expect.poll(members).toBe('');
  await expect(dialog).toContainText('No containers are connected.');
  await expect(page.row(net).getByRole('cell').nth(5)).toHaveText('0');
});

test('a bad IP for Connect is shown at its field and nothing is sent', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new NetworksPage(app);
  await page.open();
  const net = uniqueName('badip');
  const box = uniqueName('box');
  await createNetworkCli(docker, net);
  docker('create', '--name', box, BUSYBOX_IMAGE, 'true');
  await page.button(`Inspect ${net}`).click();
  const dialog = page.dialog(`Network ${net}`);
  await dialog.getByLabel('Container', { exact: true }).selectOption({ label: box });
  await dialog.getByLabel('IP address').fill('10.1.2');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByLabel('IP address')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('IP address')).toHaveAccessibleDescription(/not an IP address/);
  expect(docker('network', 'inspect', '-f', '{{len .Containers}}', net)).toBe('0');
  expect(docker('inspect', '-f', '{{len .NetworkSettings.Networks}}', box)).toBe('1');
});

test('Remove: an unused network goes; one in use is refused with its containers named', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new NetworksPage(app);
  await page.open();
  const free = uniqueName('free');
  const busy = uniqueName('busy');
  const holder = uniqueName('holder');
  await createNetworkCli(docker, free);
  await createNetworkCli(docker, busy);
  docker('run', '-d', '--name', holder, '--network', busy, BUSYBOX_IMAGE, 'sleep', '600');

  await page.button(`Remove ${free}`).click();
  let dialog = page.dialog(`Remove ${free}?`);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.row(free)).toHaveCount(0);
  expect(docker('network', 'ls', '-q', '--filter', `name=${free}`)).toBe('');

  await expect(page.row(busy).getByRole('cell').nth(5)).toHaveText('1');
  await page.button(`Remove ${busy}`).click();
  dialog = page.dialog(`Remove ${busy}?`);
  await expect(dialog).toContainText('1 container is attached');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  const alert = app.getByRole('alert').filter({ hasText: `Could not remove ${busy}` });
  await expect(alert).toContainText('active endpoints');
  await expect(alert).toContainText(`Connected: ${holder}.`);
  expect(docker('network', 'inspect', '-f', '{{.Name}}', busy)).toBe(busy);
});

test('the router itself protects built-in networks and rejects bad CIDRs', async ({
  suite,
  docker,
  uniqueName,
}) => {
  const client = await connectClient(suite.app);
  try {
    const engineId = ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
    const removed = await client.call('networks.remove', { engineId, id: 'bridge' });
    expect(removed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(docker('network', 'inspect', '-f', '{{.Name}}', 'bridge')).toBe('bridge');

    const name = uniqueName('routercidr');
    const created = await client.call('networks.create', {
      engineId,
      name,
      driver: 'bridge',
      subnet: '10.242.0.0/24',
      gateway: '10.243.0.1',
      internal: false,
      attachable: false,
      labels: {},
    });
    expect(created).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((created.error as { message: string }).message).toContain('gateway: The gateway');
    expect(docker('network', 'ls', '-q', '--filter', `name=${name}`)).toBe('');
  } finally {
    client.close();
  }
});
