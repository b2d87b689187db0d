import { join } from 'node:path';
import Docker from 'dockerode';
import { startApp, stopApp, type AppHandle, openApp } from './harness/app';
import {
  BUSYBOX_IMAGE,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
  type EngineHandle,
} from './harness/engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

const state = (docker: (...a: string[]) => string, name: string) =>
  docker('inspect', '-f', '{{.State.Status}}', name);

test('compose projects group their containers, collapse, and act as one', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const project = uniqueName('shop');
  const web = `${project}-web-1`;
  const db = `${project}-db-1`;
  const loose = uniqueName('loose');
  for (const [name, service] of [
    [web, 'web'],
    [db, 'db'],
  ] as const) {
    docker(
      'run',
      '-d',
      '--name',
      name,
      '--label',
      `com.docker.compose.project=${project}`,
      '--label',
      `com.docker.compose.service=${service}`,
      BUSYBOX_IMAGE,
      'sleep',
      '600',
    );
  }
  docker('run', '-d', '--name', loose, BUSYBOX_IMAGE, 'sleep', '600');
  await page.filter.fill(project);
  await expect(page.row(web)).toHaveCount(1);
  await expect(page.row(db)).toHaveCount(1);

  await test.step('the header names the project and its counts; collapse hides its rows', async () => {
    const collapse = app.getByRole('button', { name: `Collapse project ${project}` });
    await expect(collapse).toHaveAttribute('aria-expanded', 'true');
    await expect(page.table.getByRole('row').filter({ has: collapse })).toContainText(
      '2 containers, 2 running',
    );
    await collapse.click();
    await expect(page.row(web)).toHaveCount(0);
    await expect(page.row(db)).toHaveCount(0);
    const expand = app.getByRole('button', { name: `Expand project ${project}` });
    await expect(expand).toHaveAttribute('aria-expanded', 'false');
    await expand.click();
    await expect(page.row(web)).toHaveCount(1);
  });

  await test.step('Stop project stops every container in it, and only those', async () => {
    await page.filter.fill('');
    await page.project('Stop', project).click();
    const dialog = app.getByRole('dialog', { name: `Stop project ${project}?` });
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(dialog).toContainText('Stopped all 2.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(state(docker, web)).toBe('exited');
    expect(state(docker, db)).toBe('exited');
    expect(state(docker, loose)).toBe('running');
  });

  await test.step('Restart project, then Remove project', async () => {
    await page.project('Restart', project).click();
    let dialog = app.getByRole('dialog', { name: `Restart project ${project}?` });
    await dialog.getByRole('button', { name: 'Restart', exact: true }).click();
    await expect(dialog).toContainText('Restarted all 2.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(state(docker, web)).toBe('running');

    await page.project('Remove', project).click();
    dialog = app.getByRole('dialog', { name: `Remove project ${project}?` });
    await dialog.getByRole('checkbox', { name: /Force/ }).check();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog).toContainText('Removed all 2.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).toBe('');
    await expect(app.getByRole('button', { name: `Collapse project ${project}` })).toHaveCount(0);
    expect(state(docker, loose)).toBe('running');
  });
});

test('sortable columns say how they sort and reorder the rows', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const prefix = uniqueName('sort');
  const tag = `test/${prefix}:1`;
  docker('tag', BUSYBOX_IMAGE, tag);
  try {
    // Created in this order, with states and images that each sort differently from the names.
    // The engine lists creation times in whole seconds: a second apart, so the order is real.
    const nextSecond = () => new Promise((r) => setTimeout(r, 1100));
    docker('create', '--name', `${prefix}-b`, tag, 'true');
    await nextSecond();
    docker('run', '-d', '--name', `${prefix}-c`, BUSYBOX_IMAGE, 'sleep', '600');
    await nextSecond();
    docker('create', '--name', `${prefix}-a`, BUSYBOX_IMAGE, 'true');
    await page.filter.fill(prefix);
    await expect(page.table.getByRole('rowheader')).toHaveCount(3);
    const order = async () => (await page.names()).map((n) => n.slice(-1)).join('');
    const header = (name: string) => page.table.getByRole('columnheader', { name, exact: true });

    await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('Created')).toHaveAttribute('aria-sort', 'none');
    await expect(header('Ports')).not.toHaveAttribute('aria-sort');
    expect(await order()).toBe('abc');

    await header('Name').getByRole('button').click();
    await expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(order).toBe('cba');

    await header('Created').getByRole('button').click();
    await expect(header('Created')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('Name')).toHaveAttribute('aria-sort', 'none');
    await expect.poll(order).toBe('bca');

    await header('State').getByRole('button').click();
    await expect.poll(order).toBe('cab'); // running first, then created by name

    await header('Image').getByRole('button').click();
    // test/busybox:latest < test/pt-…:1
    await expect.poll(order).toBe('acb');
  } finally {
    docker('rm', '-f', `${prefix}-a`, `${prefix}-b`, `${prefix}-c`);
    docker('rmi', tag);
  }
});

// Hundreds of containers would crowd the shared engine: this one gets its own.
test.describe('grouping in a long, virtualized list', () => {
  let engine: EngineHandle;
  let app: AppHandle;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    engine = newEngine('porthole-e2e-groups-');
    await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    // 240 containers: 3 compose projects of 60, and 60 on their own.
    const specs = Array.from({ length: 240 }, (_, i) => {
      const project = i < 180 ? `proj${Math.floor(i / 60)}` : null;
      return {
        name: `${project ?? 'solo'}-${String(i).padStart(3, '0')}`,
        labels: (project ? { 'com.docker.compose.project': project } : {}) as Record<
          string,
          string
        >,
      };
    });
    for (let i = 0; i < specs.length; i += 20) {
      await Promise.all(
        specs.slice(i, i + 20).map((s) =>
          docker.createContainer({
            Image: BUSYBOX_IMAGE,
            name: s.name,
            Labels: s.labels,
            Cmd: ['true'],
          }),
        ),
      );
    }
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
  });

  test.afterAll(async () => {
    if (app) await stopApp(app);
    if (engine) await destroyEngine(engine);
  });

  test('project headers count in the window, collapsing shrinks it, filter still finds any row', async ({
    page,
  }) => {
    await openApp(page, app);
    const containers = new ContainersPage(page);
    await containers.open();
    // 240 container rows + 3 project headers + the header row.
    await expect(containers.table).toHaveAttribute('aria-rowcount', String(240 + 3 + 1));
    const rendered = await containers.table.getByRole('rowheader').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(240);

    await page.getByRole('button', { name: 'Collapse project proj0' }).click();
    // Its 60 rows leave the count; the header stays.
    await expect(containers.table).toHaveAttribute('aria-rowcount', String(180 + 3 + 1));
    await expect(containers.row('proj0-000')).toHaveCount(0);
    await page.getByRole('button', { name: 'Collapse project proj1' }).click();
    await page.getByRole('button', { name: 'Collapse project proj2' }).click();
    // 60 rows + 3 headers: at or below the threshold, every row is in the DOM.
    await expect(containers.table).not.toHaveAttribute('aria-rowcount');
    await expect(containers.table.getByRole('rowheader')).toHaveCount(60);

    // Last first: each expanded project pushes the headers below it out of the rendered window.
    for (const p of ['proj2', 'proj1', 'proj0']) {
      await page.getByRole('button', { name: `Expand project ${p}` }).click();
    }
    await containers.filter.fill('proj0-059');
    await expect(containers.table.getByRole('rowheader')).toHaveCount(1);
    await expect(containers.row('proj0-059')).toBeVisible();
    await containers.filter.fill('');
    await page.getByRole('main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(containers.row('solo-239')).toBeVisible();
  });
});
