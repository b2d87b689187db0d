import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import {
  COMPOSE_MISSING,
  ComposePage,
  composeCommand,
  composeMissing,
  freePort,
  projectNetworks as networks,
  projectVolumes as volumes,
  serviceStates as states,
  twoServices,
  webIds,
} from './pages/compose';

test.beforeAll(() => {
  if (composeMissing()) throw new Error(COMPOSE_MISSING);
});

test('up from pasted YAML, stop, start, scale, recreate, down keeping the volume, down removing it', async ({
  app,
  docker,
  uniqueName,
}) => {
  test.setTimeout(240_000);
  const compose = new ComposePage(app);
  const project = uniqueName('shop');
  const port = await freePort();
  await compose.open();

  await test.step('the preview lists both services, then Up starts them, grouped', async () => {
    const dialog = await compose.fillUp(twoServices, project, { envFile: `WEB_PORT=${port}\n` });
    const preview = dialog.getByRole('table', { name: 'Services in the file' });
    await expect(preview.getByRole('row')).toHaveCount(4);
    await expect(preview).toContainText(`127.0.0.1:${port}:80`);
    await expect(preview.getByRole('row').filter({ hasText: 'debug' })).toContainText(
      'not started',
    );
    await expect(dialog).toContainText('Volumes: data');
    await app.screenshot({ path: test.info().outputPath('compose-up-preview.png') });
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    await compose.ended(dialog, 'done');
    await expect(dialog.getByRole('progressbar', { name: 'Service web' })).toHaveAttribute(
      'aria-valuetext',
      /created|started|up-to-date/,
    );
    // The output folds away once all went well; it is one click away.
    await dialog.getByText('Output', { exact: true }).click();
    await expect(dialog.getByRole('log', { name: `Output of Up ${project}` })).toContainText(
      `Creating ${project}_db_1`,
    );
    // The env file reached compose as a file, not as words on its command line.
    const command = dialog.getByText(/^\$ docker/);
    await expect(command).toContainText('--env-file');
    await expect(command).not.toContainText('WEB_PORT');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(states(docker, project)).toEqual(['db running', 'web running']);
    await expect(compose.row(project)).toContainText('2/2 running');
    const services = await compose.expand(project);
    await expect(services.getByRole('rowheader')).toHaveText(['db', 'web']);
    await expect(services.getByRole('row').filter({ hasText: 'web' })).toContainText(
      `127.0.0.1:${port}→80`,
    );
  });

  await test.step('the published port answers', async () => {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined))?.status, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
  });

  await test.step('Stop stops both; Start starts both', async () => {
    await compose.action('Stop', project).click();
    await expect
      .poll(() => states(docker, project), { timeout: 60_000 })
      .toEqual(['db exited', 'web exited']);
    await expect(compose.row(project)).toContainText('0/2 running');
    await compose.action('Start', project).click();
    await expect.poll(() => states(docker, project)).toEqual(['db running', 'web running']);
    await expect(compose.row(project)).toContainText('2/2 running');
  });

  await test.step('Scale db to 2 makes a second db container', async () => {
    await compose.expand(project);
    await compose.service('Scale', 'db').click();
    const dialog = app.getByRole('dialog', { name: 'Scale db' });
    await dialog.getByRole('textbox', { name: 'Containers' }).fill('2');
    await dialog.getByRole('button', { name: 'Scale', exact: true }).click();
    await compose.ended(dialog, 'done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(states(docker, project)).toEqual(['db running', 'db running', 'web running']);
    await expect(compose.row(project)).toContainText('db 2/2');
  });

  await test.step('Recreate web replaces its container', async () => {
    const before = webIds(docker, project);
    await compose.expand(project);
    await compose.service('Recreate', 'web').click();
    const confirm = app.getByRole('dialog', { name: 'Recreate web?' });
    await expect(confirm).toContainText(`${project}_web_1`);
    await confirm.getByRole('button', { name: 'Recreate', exact: true }).click();
    const dialog = app.getByRole('dialog', { name: 'Recreate web' });
    await compose.ended(dialog, 'done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const after = webIds(docker, project);
    expect(after).not.toBe('');
    expect(after).not.toBe(before);
    expect(states(docker, project)).toEqual(['db running', 'db running', 'web running']);
  });

  await test.step('Down without volumes: the containers go, the named volume stays', async () => {
    await compose.action('Down', project).click();
    const confirm = app.getByRole('dialog', { name: `Down ${project}?` });
    await expect(confirm).toContainText('3 containers');
    await expect(confirm).toContainText(`Kept: ${project}_data`);
    await confirm.getByRole('button', { name: 'Down', exact: true }).click();
    const dialog = app.getByRole('dialog', { name: `Down ${project}` });
    await compose.ended(dialog, 'done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(states(docker, project)).toEqual([]);
    expect(volumes(docker, project)).toEqual([`${project}_data`]);
    await expect(compose.row(project)).toHaveCount(0);
  });

  await test.step('Up again, then Down with volumes: the volume goes too', async () => {
    const dialog = await compose.fillUp(twoServices, project, { envFile: `WEB_PORT=${port}\n` });
    await expect(dialog.getByRole('table', { name: 'Services in the file' })).toContainText(
      `127.0.0.1:${port}:80`,
    );
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    await compose.ended(dialog, 'done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(compose.row(project)).toContainText('2/2 running');
    await compose.action('Down', project).click();
    const confirm = app.getByRole('dialog', { name: `Down ${project}?` });
    await confirm.getByRole('checkbox', { name: 'Remove volumes' }).check();
    await expect(confirm).toContainText(`named volume and all the data in them: ${project}_data`);
    await confirm.getByRole('button', { name: 'Down', exact: true }).click();
    const run = app.getByRole('dialog', { name: `Down ${project}` });
    await compose.ended(run, 'done');
    await run.getByRole('button', { name: 'Close' }).click();
    expect(states(docker, project)).toEqual([]);
    expect(volumes(docker, project)).toEqual([]);
  });
});

test('a YAML error is shown with its line, and nothing is created', async ({
  app,
  docker,
  uniqueName,
}) => {
  const compose = new ComposePage(app);
  const project = uniqueName('bad');
  await compose.open();
  const dialog = await compose.fillUp(
    `services:\n  web:\n    image: ${BUSYBOX_IMAGE}\n    prots:\n      - "80:80"\n`,
    project,
  );
  const file = dialog.getByRole('textbox', { name: 'Compose file' });
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toHaveAccessibleDescription(
    'Line 4, column 5: unknown key "prots" in services.web',
  );
  await expect(dialog.getByRole('button', { name: 'Up', exact: true })).toBeDisabled();
  await app.screenshot({ path: test.info().outputPath('compose-up-error.png') });

  // A syntax error, from the YAML parser itself.
  await file.fill(`services:\n  web:\n    image: [${BUSYBOX_IMAGE}\n  db:\n    image: x\n`);
  await expect(dialog).toContainText('Line 4, column 3:');
  await expect(dialog.getByRole('button', { name: 'Up', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(states(docker, project)).toEqual([]);
  expect(networks(docker, project)).toEqual([]);
});

test('an unknown image: the engine’s error is shown and what was left is named and removable', async ({
  app,
  docker,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const compose = new ComposePage(app);
  const project = uniqueName('noimg');
  // A registry on a closed loopback port: the pull fails at once, offline, in the engine's words.
  const image = '127.0.0.1:9/porthole-test/none:1';
  await compose.open();
  const dialog = await compose.fillUp(`services:\n  web:\n    image: ${image}\n`, project);
  await expect(dialog.getByRole('table', { name: 'Services in the file' })).toContainText(image);
  await dialog.getByRole('button', { name: 'Up', exact: true }).click();
  await compose.ended(dialog, 'failed');
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('127.0.0.1:9');
  await expect(alert).toContainText('connection refused');
  await expect(alert).toContainText(`Left on the engine: networks ${project}_default.`);
  await expect(dialog.getByRole('progressbar', { name: 'Service web' })).toHaveAttribute(
    'aria-valuetext',
    'pulling',
  );
  expect(states(docker, project)).toEqual([]);
  // The half-made project is on the screen too, not hidden.
  await expect(compose.row(project)).toContainText('no containers');
  await dialog.getByRole('button', { name: 'Remove what was made' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Removed' })).toContainText(
    `${project}_default`,
  );
  expect(networks(docker, project)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(compose.row(project)).toHaveCount(0);
});

test('a project the CLI starts from a folder appears without reload; with its files gone only label actions remain', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  test.setTimeout(180_000);
  const compose = new ComposePage(app);
  const project = uniqueName('cli');
  const dir = mkdtempSync(join(tmpdir(), 'porthole-compose-e2e-'));
  try {
    writeFileSync(
      join(dir, 'docker-compose.yml'),
      `services:\n  app:\n    image: ${BUSYBOX_IMAGE}\n    command: sh -c 'echo hello from app; sleep 600'\n  worker:\n    image: ${BUSYBOX_IMAGE}\n    command: sh -c 'echo hello from worker; sleep 600'\n`,
    );
    await compose.open();
    await expect(compose.row(project)).toHaveCount(0);
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      DOCKER_HOST: suite.engine.host,
    };
    const [file, ...args] = composeCommand();
    const up = spawnSync(file!, [...args, '-p', project, 'up', '-d'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(up.status, up.stderr).toBe(0);
    await expect(compose.row(project)).toContainText('2/2 running');
    await expect(compose.row(project)).toContainText(dir);

    await test.step('Config shows what compose resolves', async () => {
      await compose.action('Config', project).click();
      const dialog = app.getByRole('dialog', { name: `Config of ${project}` });
      await expect(dialog.getByLabel(`Resolved config of ${project}`)).toContainText('worker:');
      await dialog.getByRole('button', { name: 'Close' }).click();
    });

    await test.step('Logs opens the merged timeline of its containers', async () => {
      const [popup] = await Promise.all([
        app.context().waitForEvent('page'),
        compose.action('Logs', project).click(),
      ]);
      const log = popup.getByRole('log', { name: /^Logs of / });
      await expect(log).toContainText('hello from app');
      await expect(log).toContainText('hello from worker');
      await popup.close();
    });

    await test.step('files gone: it says so, and offers start, stop and remove from labels', async () => {
      rmSync(dir, { recursive: true, force: true });
      await compose.action('Stop', project).click();
      await expect
        .poll(() => states(docker, project), { timeout: 60_000 })
        .toEqual(['app exited', 'worker exited']);
      await expect(compose.row(project)).toContainText('files gone from this machine');
      await expect(compose.action('Down', project)).toHaveCount(0);
      await expect(compose.action('Config', project)).toHaveCount(0);
      await compose.action('Start', project).click();
      await expect.poll(() => states(docker, project)).toEqual(['app running', 'worker running']);
      await compose.action('Remove', project).click();
      const confirm = app.getByRole('dialog', { name: `Remove ${project}?` });
      await expect(confirm).toContainText('compose cannot take it down');
      await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
      await expect(confirm).toHaveCount(0);
      expect(states(docker, project)).toEqual([]);
      expect(networks(docker, project)).toEqual([]);
      await expect(compose.row(project)).toHaveCount(0);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
