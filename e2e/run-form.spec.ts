import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

test('the run form offers the engine’s networks; the container runs on the one picked, with a volume (docker inspect)', async ({
  app,
  docker,
  uniqueName,
}) => {
  const net = uniqueName('net');
  const volume = uniqueName('vol');
  const name = uniqueName('picked');
  docker('network', 'create', net);
  docker('volume', 'create', volume);

  const page = new ContainersPage(app);
  const dialog = await page.openRunForm();
  await dialog.getByRole('textbox', { name: 'Image' }).fill(BUSYBOX_IMAGE);
  await dialog.getByRole('textbox', { name: 'Container name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Command' }).fill('sleep 600');
  const network = dialog.getByRole('combobox', { name: 'Network' });
  await expect(network.getByRole('option', { name: net, exact: true })).toBeAttached();
  await network.selectOption(net);
  await dialog.getByRole('textbox', { name: 'Volumes' }).fill(`${volume}:/vol`);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog).toBeHidden();

  expect(docker('inspect', '-f', '{{.Config.Image}}', name)).toBe(BUSYBOX_IMAGE);
  expect(
    docker(
      'inspect',
      '-f',
      '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}',
      name,
    ).trim(),
  ).toBe(net);
  expect(
    docker('inspect', '-f', '{{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}', name).trim(),
  ).toBe(`${volume}:/vol`);
});
