import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import {
  COMPOSE_MISSING,
  ComposePage,
  cliUp,
  composeMissing,
  serviceStates as states,
} from './pages/compose';
import { ShellPage } from './pages/shell';

test.beforeAll(() => {
  if (composeMissing()) throw new Error(COMPOSE_MISSING);
});

/** A folder of its own for a test's compose file (or Dockerfile), removed after it. */
function folder(): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-compose-actions-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('Restart, Pause and Unpause a project; a service’s Logs and Shell open on its container', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  test.setTimeout(180_000);
  const compose = new ComposePage(app);
  const project = uniqueName('acts');
  const f = folder();
  try {
    writeFileSync(
      join(f.dir, 'docker-compose.yml'),
      `services:\n  app:\n    image: ${BUSYBOX_IMAGE}\n    command: sh -c 'echo hello from app; sleep 600'\n  worker:\n    image: ${BUSYBOX_IMAGE}\n    command: sleep 600\n`,
    );
    await compose.open();
    cliUp(f.dir, project, suite.engine.host);
    await expect(compose.row(project)).toContainText('2/2 running');
    // When each of the project's containers last started (running or not, mid-restart).
    const startedAt = () =>
      docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)
        .split('\n')
        .filter(Boolean)
        .map((id) => docker('inspect', '-f', '{{.State.StartedAt}}', id))
        .sort();

    await test.step('Restart: both containers start again', async () => {
      const before = startedAt();
      expect(before).toHaveLength(2);
      await compose.action('Restart', project).click();
      await expect
        .poll(
          () => {
            const after = startedAt();
            return after.length === 2 && after.every((t) => !before.includes(t));
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      expect(states(docker, project)).toEqual(['app running', 'worker running']);
      await expect(compose.row(project)).toContainText('2/2 running');
    });

    await test.step('Pause: both paused; Unpause: both running', async () => {
      await compose.action('Pause', project).click();
      await expect.poll(() => states(docker, project)).toEqual(['app paused', 'worker paused']);
      await expect(compose.row(project)).toContainText('2 paused');
      // A paused project offers Unpause in Pause's place.
      await expect(compose.action('Pause', project)).toHaveCount(0);
      await compose.action('Unpause', project).click();
      await expect.poll(() => states(docker, project)).toEqual(['app running', 'worker running']);
      await expect(compose.row(project)).toContainText('2/2 running');
      await expect(compose.action('Pause', project)).toBeEnabled();
    });

    await test.step('a service’s Logs: the window follows its container', async () => {
      await compose.expand(project);
      const [popup] = await Promise.all([
        app.context().waitForEvent('page'),
        compose.service('Logs', 'app').click(),
      ]);
      // The restart logged it twice: the window shows what the engine has.
      const oracle = docker('logs', `${project}_app_1`).split('\n');
      expect(oracle).toEqual(['hello from app', 'hello from app']);
      const log = popup.getByRole('log', { name: `Logs of ${project}_app_1` });
      await expect(log.locator('.log-line .log-text')).toHaveText(oracle);
      await popup.close();
    });

    await test.step('a service’s Shell: a terminal in its container runs a command', async () => {
      const [popup] = await Promise.all([
        app.context().waitForEvent('page'),
        compose.service('Shell', 'worker').click(),
      ]);
      const shell = new ShellPage(popup, `${project}_worker_1`);
      await expect(shell.terminal).toBeVisible();
      await expect(shell.status).toContainText('Connected');
      const host = docker('inspect', '-f', '{{.Config.Hostname}}', `${project}_worker_1`);
      await shell.run('echo "in-$(hostname)-shell"');
      await expect
        .poll(async () => (await shell.screen()).join('\n'))
        .toContain(`in-${host}-shell`);
      await popup.close();
    });
  } finally {
    f.done();
  }
});

test('Open file… fills the editor and the preview; a picked profile’s service is started', async ({
  app,
  docker,
  uniqueName,
}) => {
  test.setTimeout(150_000);
  const compose = new ComposePage(app);
  const project = uniqueName('prof');
  const f = folder();
  try {
    const file = join(f.dir, 'compose.yaml');
    const yaml = `services:\n  app:\n    image: ${BUSYBOX_IMAGE}\n    command: sleep 600\n  extra:\n    image: ${BUSYBOX_IMAGE}\n    command: sleep 600\n    profiles: [extra]\n  other:\n    image: ${BUSYBOX_IMAGE}\n    profiles: [other]\n`;
    writeFileSync(file, yaml);
    await compose.open();
    const dialog = await compose.openUp();
    await dialog.getByLabel('Open file', { exact: true }).setInputFiles(file);
    await expect(dialog.getByRole('textbox', { name: 'Compose file' })).toHaveValue(yaml);
    const preview = dialog.getByRole('table', { name: 'Services in the file' });
    const row = (service: string) =>
      preview.getByRole('row').filter({ has: app.getByRole('rowheader', { name: service }) });
    await expect(row('extra')).toContainText('not started');
    await dialog.getByRole('textbox', { name: 'Project name' }).fill(project);
    await dialog.getByRole('textbox', { name: 'Profiles' }).fill('extra');
    await expect(row('extra')).not.toContainText('not started');
    await expect(row('other')).toContainText('not started');
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    await compose.ended(dialog, 'done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The profile reached compose: its service runs; the other profile's does not exist.
    expect(states(docker, project)).toEqual(['app running', 'extra running']);
    await expect(compose.row(project)).toContainText('2/2 running');
  } finally {
    f.done();
  }
});

test('Down removing images: the image its service used is gone, shared ones stay', async ({
  app,
  docker,
  uniqueName,
}) => {
  test.setTimeout(150_000);
  const compose = new ComposePage(app);
  const project = uniqueName('rmi');
  // An image of this test's own (built here, offline), so no shared test image is removed.
  const image = `${uniqueName('rmi-img')}:1`;
  const f = folder();
  try {
    writeFileSync(
      join(f.dir, 'Dockerfile'),
      `FROM ${BUSYBOX_IMAGE}\nLABEL porthole.test=${project}\n`,
    );
    docker('build', '-q', '-t', image, f.dir);
    expect(docker('image', 'ls', '-q', image)).not.toBe('');
    await compose.open();
    const dialog = await compose.fillUp(
      `services:\n  app:\n    image: ${image}\n    command: sleep 600\n`,
      project,
    );
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    await compose.ended(dialog, 'done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(compose.row(project)).toContainText('1/1 running');

    await compose.action('Down', project).click();
    const confirm = app.getByRole('dialog', { name: `Down ${project}?` });
    await confirm.getByRole('combobox', { name: 'Remove images' }).selectOption({
      label: 'All its services use',
    });
    await expect(confirm).toContainText(`1 image its services use: ${image}`);
    await confirm.getByRole('button', { name: 'Down', exact: true }).click();
    const run = app.getByRole('dialog', { name: `Down ${project}` });
    await compose.ended(run, 'done');
    await run.getByRole('button', { name: 'Close' }).click();
    expect(states(docker, project)).toEqual([]);
    expect(docker('image', 'ls', '-q', image)).toBe('');
    expect(docker('image', 'ls', '-q', BUSYBOX_IMAGE)).not.toBe('');
    await expect(compose.row(project)).toHaveCount(0);
  } finally {
    f.done();
    // Down removed it unless the test failed first.
    if (docker('image', 'ls', '-q', image)) docker('image', 'rm', '-f', image);
  }
});

test('Logs of a project with more containers than a log window merges says which are left out', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  test.setTimeout(180_000);
  const compose = new ComposePage(app);
  const project = uniqueName('many');
  const f = folder();
  try {
    writeFileSync(
      join(f.dir, 'docker-compose.yml'),
      `services:\n  app:\n    image: ${BUSYBOX_IMAGE}\n    command: sleep 600\n`,
    );
    await compose.open();
    cliUp(f.dir, project, suite.engine.host, ['--scale', 'app=13']);
    expect(states(docker, project)).toHaveLength(13);
    await expect(compose.row(project)).toContainText('13/13 running');
    // All running, in natural order: the 13th is the one the window has no room for.
    const note = `the merged log shows 12 of 13 containers (running first, at most 12); left out: ${project}_app_13.`;
    // The project's detail says it before Logs is pressed…
    await compose.expand(project);
    await expect(app.getByText(`Logs of ${project}: ${note}`)).toBeVisible();
    const [popup] = await Promise.all([
      app.context().waitForEvent('page'),
      compose.action('Logs', project).click(),
    ]);
    // …and pressing it says it again, as the window opens.
    await expect(app.getByRole('status').filter({ hasText: note })).toBeVisible();
    await expect(popup.getByRole('log', { name: /^Logs of / })).toBeVisible();
    await popup.close();
  } finally {
    f.done();
  }
});
