import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

const inspectState = (docker: (...a: string[]) => string, name: string) =>
  docker('inspect', '-f', '{{.State.Status}}', name);

test('CLI run appears, UI Stop exits it, CLI rm removes the row — no reload', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('live');
  await app.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

  await test.step('docker run → row appears', async () => {
    docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
    await expect(page.row(name)).toContainText('running');
  });
  await test.step('UI Stop → docker inspect says exited', async () => {
    await page.action('Stop', name).click();
    await expect.poll(() => inspectState(docker, name), { timeout: 20_000 }).toBe('exited');
    await expect(page.row(name)).toContainText('exited');
  });
  await test.step('docker rm -f → row disappears', async () => {
    docker('rm', '-f', name);
    await expect(page.row(name)).toHaveCount(0);
  });
  expect(await app.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test('a row shows name, image, state, status, ports, created and compose project', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('cols');
  docker(
    'run',
    '-d',
    '--name',
    name,
    '-p',
    '127.0.0.1::80',
    '--label',
    'com.docker.compose.project=shop',
    '--label',
    'com.docker.compose.service=web',
    BUSYBOX_IMAGE,
    'httpd',
    '-f',
    '-p',
    '80',
    '-h',
    '/bin',
  );
  const hostPort = docker('port', name, '80/tcp').split('\n')[0]!.split(':').pop();
  const row = page.row(name);
  await expect(row).toContainText(BUSYBOX_IMAGE);
  await expect(row).toContainText('running');
  await expect(row).toContainText(/Up (Less than a second|\d+ seconds?)/);
  await expect(row).toContainText(`127.0.0.1:${hostPort}→80/tcp`);
  await expect(row).toContainText(/just now|minute/);
  await expect(row.getByRole('cell', { name: 'shop', exact: true })).toBeVisible();
});

test('UI Start and Restart reach the engine; impossible actions are disabled', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('cycle');
  docker('create', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
  await expect(page.row(name)).toContainText('created');
  await expect(page.action('Stop', name)).toBeDisabled();

  await page.action('Start', name).click();
  await expect.poll(() => inspectState(docker, name)).toBe('running');
  await expect(page.action('Start', name)).toBeDisabled();
  const startedAt = docker('inspect', '-f', '{{.State.StartedAt}}', name);

  await page.action('Restart', name).click();
  await expect
    .poll(() => docker('inspect', '-f', '{{.State.StartedAt}}', name), { timeout: 30_000 })
    .not.toBe(startedAt);
  expect(inspectState(docker, name)).toBe('running');
});

test('Remove confirms in a dialog, says what goes with it, and Escape cancels', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('rm');
  docker('create', '--name', name, '-v', '/data', BUSYBOX_IMAGE, 'sleep', '600');
  const volume = docker('inspect', '-f', '{{range .Mounts}}{{.Name}}{{end}}', name);
  expect(volume).toMatch(/^[0-9a-f]{64}$/);

  await page.action('Remove', name).click();
  let dialog = app.getByRole('dialog', { name: `Remove ${name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 anonymous volume');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(inspectState(docker, name)).toBe('created');
  await expect(page.action('Remove', name)).toBeFocused();

  await page.action('Remove', name).click();
  dialog = app.getByRole('dialog', { name: `Remove ${name}?` });
  await dialog.getByRole('checkbox', { name: /anonymous volume/ }).check();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.row(name)).toHaveCount(0);
  expect(docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
  expect(docker('volume', 'ls', '-q')).not.toContain(volume);
});

test('removing a running container says it will be stopped, then removes it', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('rmrun');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
  await expect(page.row(name)).toContainText('running');
  await page.action('Remove', name).click();
  const dialog = app.getByRole('dialog', { name: `Remove ${name}?` });
  await expect(dialog).toContainText('It is running: it will be stopped first.');
  await expect(dialog).toContainText('no anonymous volumes');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.row(name)).toHaveCount(0);
  expect(docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
});

test('filter matches name and image; Show stopped hides stopped containers', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const up = uniqueName('up');
  const down = uniqueName('down');
  docker('run', '-d', '--name', up, BUSYBOX_IMAGE, 'sleep', '600');
  docker('create', '--name', down, BUSYBOX_IMAGE, 'true');
  await expect(page.row(down)).toHaveCount(1);

  await page.filter.fill(down);
  await expect(page.row(down)).toHaveCount(1);
  await expect(page.row(up)).toHaveCount(0);

  await page.filter.fill(up.slice(0, -3));
  await page.showStopped.uncheck();
  await expect(page.row(up)).toHaveCount(1);
  await expect(page.row(down)).toHaveCount(0);
  await page.showStopped.check();
  await expect(page.row(down)).toHaveCount(1);

  await page.filter.fill('no-such-container-anywhere');
  await expect(page.table.getByRole('rowheader')).toHaveCount(0);
  await expect(app.getByText('No containers match')).toBeVisible();
});

test('an operation the engine refuses shows its words in an alert', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('bad');
  docker('create', '--name', name, BUSYBOX_IMAGE, '/no/such/program');
  await page.action('Start', name).click();
  const alert = app.getByRole('alert').filter({ hasText: `Could not start ${name}` });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('/no/such/program');
  expect(inspectState(docker, name)).not.toBe('running');
  await alert.getByRole('button', { name: /Dismiss/ }).click();
  await expect(alert).toHaveCount(0);
});

test('a row’s menu opens over the rows below it: its items take the click', async ({
  app,
  docker,
  uniqueName,
}) => {
  // The row actions are a sticky column; each sticky cell paints in its own layer, and the
  // menu of one row was under the next row's Shell button (CI: the click never landed).
  const page = new ContainersPage(app);
  const prefix = uniqueName('menu');
  for (const n of ['a', 'b', 'c']) {
    docker('run', '-d', '--name', `${prefix}-${n}`, BUSYBOX_IMAGE, 'sleep', '600');
  }
  await page.filter.fill(prefix);
  await expect(page.table.getByRole('rowheader')).toHaveCount(3);
  const [upper = ''] = await page.names();
  expect(upper).toContain(prefix);
  const inspect = await page.menuItem('Inspect', upper);
  await inspect.click({ timeout: 5_000 });
  await expect(app.getByRole('heading', { level: 1 })).toContainText(upper);
});
