import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

const state = (docker: (...a: string[]) => string, name: string) =>
  docker('inspect', '-f', '{{.State.Status}}', name);

test('Pause, Unpause and Kill reach the engine; the menu disables what makes no sense', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('pause');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
  await expect(page.row(name)).toContainText('running');

  await test.step('running: Unpause is disabled, Pause works', async () => {
    await expect(await page.menuItem('Unpause', name)).toBeDisabled();
    await (await page.menuItem('Pause', name)).click();
    await expect.poll(() => state(docker, name)).toBe('paused');
    await expect(page.row(name)).toContainText('paused');
  });
  await test.step('paused: Pause, Kill and Start are disabled, Unpause works', async () => {
    await expect(page.action('Start', name)).toBeDisabled();
    await expect(await page.menuItem('Pause', name)).toBeDisabled();
    await expect(await page.menuItem('Kill', name)).toBeDisabled();
    await (await page.menuItem('Unpause', name)).click();
    await expect.poll(() => state(docker, name)).toBe('running');
  });
  await test.step('Kill: exits with SIGKILL (137)', async () => {
    await expect(page.row(name)).toContainText('running');
    await (await page.menuItem('Kill', name)).click();
    await expect.poll(() => state(docker, name)).toBe('exited');
    expect(docker('inspect', '-f', '{{.State.ExitCode}}', name)).toBe('137');
    await expect(page.row(name)).toContainText('exited');
    await expect(await page.menuItem('Kill', name)).toBeDisabled();
    await app.keyboard.press('Escape');
    await expect(app.getByRole('menu')).toHaveCount(0);
    await expect(app.getByRole('button', { name: `More actions for ${name}` })).toBeFocused();
  });
});

test('Rename: the new name reaches the engine; a taken name shows the engine’s words at the field', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('old');
  const other = uniqueName('other');
  const renamed = uniqueName('new');
  docker('create', '--name', name, BUSYBOX_IMAGE, 'true');
  docker('create', '--name', other, BUSYBOX_IMAGE, 'true');
  const id = docker('inspect', '-f', '{{.Id}}', name);

  await (await page.menuItem('Rename', name)).click();
  let dialog = app.getByRole('dialog', { name: `Rename ${name}` });
  const box = dialog.getByRole('textbox', { name: 'New name' });
  await box.fill(other);
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/already in use/);
  expect(docker('inspect', '-f', '{{.Name}}', id)).toBe(`/${name}`);

  await box.fill('bad name!');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(box).toHaveAccessibleDescription(/letters, digits/);

  await box.fill(renamed);
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toHaveCount(0);
  expect(docker('inspect', '-f', '{{.Name}}', id)).toBe(`/${renamed}`);
  await expect(page.row(renamed)).toHaveCount(1);
  await expect(page.row(name)).toHaveCount(0);
  dialog = app.getByRole('dialog');
  await expect(dialog).toHaveCount(0);
});

test('bulk: one confirmation, per-item results; removing a running container without force fails and says why', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const a = uniqueName('bulk-a');
  const b = uniqueName('bulk-b');
  const c = uniqueName('bulk-c');
  docker('create', '--name', a, BUSYBOX_IMAGE, 'sleep', '600');
  docker('create', '--name', b, BUSYBOX_IMAGE, 'sleep', '600');
  docker('create', '--name', c, BUSYBOX_IMAGE, 'sleep', '600');
  await expect(page.row(c)).toHaveCount(1);

  await test.step('Start selected starts exactly the selection', async () => {
    await page.select(a).check();
    await page.select(b).check();
    await expect(app.getByText('2 selected')).toBeVisible();
    await page.bulk('Start').click();
    const dialog = app.getByRole('dialog', { name: 'Start 2 containers?' });
    await expect(dialog).toContainText(a);
    await expect(dialog).toContainText(b);
    await dialog.getByRole('button', { name: 'Start', exact: true }).click();
    const results = dialog.getByRole('list', { name: 'Results' });
    await expect(results).toContainText(`${a}: Started`);
    await expect(results).toContainText(`${b}: Started`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(state(docker, a)).toBe('running');
    expect(state(docker, b)).toBe('running');
    expect(state(docker, c)).toBe('created');
    await expect(page.select(a)).not.toBeChecked();
  });

  await test.step('Remove selected without force: the running one is refused, the other goes', async () => {
    await page.select(a).check();
    await page.select(c).check();
    await page.bulk('Remove').click();
    const dialog = app.getByRole('dialog', { name: 'Remove 2 containers?' });
    await expect(dialog.getByRole('checkbox', { name: /Force/ })).not.toBeChecked();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    const results = dialog.getByRole('list', { name: 'Results' });
    await expect(results).toContainText(`${c}: Removed`);
    await expect(results.getByRole('listitem').filter({ hasText: a })).toContainText(
      /Failed — .*(running|stop)/i,
    );
    await expect(dialog).toContainText('1 of 2 done; 1 failed.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(state(docker, a)).toBe('running');
    expect(docker('ps', '-aq', '--filter', `name=${c}`)).toBe('');
  });

  await test.step('Select all (filtered) + Stop selected, then Remove with force', async () => {
    await page.filter.fill(a.replace(/-bulk-a$/, '-bulk-'));
    await expect(page.table.getByRole('rowheader')).toHaveCount(2);
    await page.selectAll.check();
    await expect(page.select(a)).toBeChecked();
    await expect(page.select(b)).toBeChecked();
    await page.bulk('Stop').click();
    let dialog = app.getByRole('dialog', { name: 'Stop 2 containers?' });
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(dialog.getByRole('list', { name: 'Results' })).toContainText(`${b}: Stopped`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(state(docker, a)).toBe('exited');
    expect(state(docker, b)).toBe('exited');

    docker('start', a);
    await expect(page.row(a)).toContainText('running');
    await page.selectAll.check();
    await page.bulk('Remove').click();
    dialog = app.getByRole('dialog', { name: 'Remove 2 containers?' });
    await dialog.getByRole('checkbox', { name: /Force/ }).check();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog).toContainText('Removed all 2.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(docker('ps', '-aq', '--filter', `name=${a}`)).toBe('');
    expect(docker('ps', '-aq', '--filter', `name=${b}`)).toBe('');
  });
});

/** What Recreate must bring back, as `docker inspect` tells it. */
const settings = (docker: (...a: string[]) => string, name: string) => {
  const [c] = JSON.parse(docker('inspect', name)) as {
    Name: string;
    Config: { Image: string; Env: string[]; Labels: Record<string, string> };
    HostConfig: { PortBindings: Record<string, unknown> };
    Mounts: { Type: string; Name?: string; Destination: string }[];
  }[];
  return {
    name: c!.Name,
    image: c!.Config.Image,
    env: c!.Config.Env.filter((e) => e.startsWith('GREETING=')),
    label: c!.Config.Labels['org.example.role'],
    ports: c!.HostConfig.PortBindings,
    mounts: c!.Mounts.map((m) => `${m.Type}:${m.Name}:${m.Destination}`),
  };
};
const gone = (docker: (...a: string[]) => string, name: string) =>
  docker('ps', '-aq', '--filter', `name=^${name}$`);

test('Remove of a stopped container offers "Recreate NAME": same name, image, env, label, port, mount', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('undo');
  const volume = uniqueName('undo-data');
  // Never started again: the port is only bound if someone starts it, so no clash with others.
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  docker('volume', 'create', volume);
  docker(
    'run',
    '-d',
    '--name',
    name,
    '-e',
    'GREETING=hello there',
    '-l',
    'org.example.role=undo',
    '-p',
    `127.0.0.1:${port}:80`,
    '-v',
    `${volume}:/data`,
    BUSYBOX_IMAGE,
    'sleep',
    '600',
  );
  docker('stop', '-t', '0', name);
  const before = settings(docker, name);
  await expect(page.row(name)).toContainText('exited');

  await test.step('Remove in the UI: the container is gone', async () => {
    await page.action('Remove', name).click();
    await app
      .getByRole('dialog', { name: `Remove ${name}?` })
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
    await expect.poll(() => gone(docker, name)).toBe('');
    await expect(page.row(name)).toHaveCount(0);
  });

  await test.step('the toast says so, and what Recreate does not bring back', async () => {
    const toast = app.getByRole('status').filter({ hasText: `Removed ${name}` });
    const recreate = toast.getByRole('button', { name: `Recreate ${name}`, exact: true });
    await expect(recreate).toHaveAccessibleDescription(
      /new container from its settings.*its files are not restored/,
    );
    await recreate.click();
    await expect(app.getByRole('status').filter({ hasText: `Recreated ${name}` })).toBeVisible();
  });

  await test.step('docker inspect: the same settings, on the same engine, not started', async () => {
    await expect.poll(() => gone(docker, name)).not.toBe('');
    expect(settings(docker, name)).toEqual(before);
    expect(before.mounts).toEqual([`volume:${volume}:/data`]);
    expect(state(docker, name)).toBe('created');
    await expect(page.row(name)).toContainText('created');
  });
});

test('Remove selected: Recreate for the stopped ones only, one toast that goes after 10 s', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const [a, b, up] = [uniqueName('undo-a'), uniqueName('undo-b'), uniqueName('undo-up')];
  for (const n of [a, b]) docker('create', '--name', n, BUSYBOX_IMAGE, 'sleep', '600');
  docker('run', '-d', '--name', up, BUSYBOX_IMAGE, 'sleep', '600');
  await expect(page.row(up)).toContainText('running');
  for (const n of [a, b, up]) await page.select(n).check();
  await page.bulk('Remove').click();
  const dialog = app.getByRole('dialog', { name: 'Remove 3 containers?' });
  await dialog.getByRole('checkbox', { name: /Force/ }).check();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toContainText('Removed all 3.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  for (const n of [a, b, up]) expect(gone(docker, n)).toBe('');

  const toast = app.getByRole('status').filter({ hasText: 'Removed 3 containers' });
  await expect(toast.getByRole('button', { name: /^Recreate / })).toHaveCount(2);
  for (const n of [a, b])
    await expect(toast.getByRole('button', { name: `Recreate ${n}` })).toBeVisible();
  // The running one's state is lost with it: nothing offers it back.
  await expect(toast.getByRole('button', { name: `Recreate ${up}` })).toHaveCount(0);
  await test.step('one of them recreated: the other stays offered in the same toast', async () => {
    await toast.getByRole('button', { name: `Recreate ${a}` }).click();
    await expect.poll(() => gone(docker, a)).not.toBe('');
    await expect(toast.getByRole('button', { name: `Recreate ${a}` })).toHaveCount(0);
    await expect(toast.getByRole('button', { name: `Recreate ${b}` })).toBeFocused();
  });
  await test.step('left alone (no pointer over it, no focus in it) the toast goes', async () => {
    await app.getByRole('heading', { level: 1, name: 'Containers' }).click();
    await app.mouse.move(0, 0);
    await expect(toast).toHaveCount(0, { timeout: 15_000 });
    expect(gone(docker, b), 'not recreated unless asked').toBe('');
    expect(gone(docker, up)).toBe('');
  });
});
