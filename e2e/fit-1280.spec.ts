import type { Locator } from '@playwright/test';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { freePort } from './harness/registry';
import { ComposePage } from './pages/compose';
import { ContainersPage } from './pages/containers';

// A 1280×720 window, the smallest a desktop app is commonly given: every column header of the
// Containers and Compose tables is on screen, and none is under the sticky actions column.
test.use({ viewport: { width: 1280, height: 720 } });

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
};

/**
 * Every column header inside the window and left of the last one (the sticky actions), and the
 * table no wider than its screen: nothing to scroll sideways for.
 */
async function expectHeadersFit(table: Locator) {
  const overflow = await table
    .page()
    .getByRole('main')
    .evaluate((m) => m.scrollWidth - m.clientWidth);
  expect(overflow, 'the screen scrolls sideways').toBeLessThanOrEqual(0);
  const headers = await table.getByRole('columnheader').all();
  expect(headers.length).toBeGreaterThan(2);
  const actions = await box(headers[headers.length - 1]!);
  expect(actions.x + actions.width).toBeLessThanOrEqual(1280);
  for (const h of headers.slice(0, -1)) {
    const b = await box(h);
    const name = (await h.innerText()).trim();
    expect(b.x, name).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${name} ends before the actions column`).toBeLessThanOrEqual(
      actions.x + 1,
    );
  }
}

test('at 1280 px every Containers column is visible, none under the actions', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  // Long content everywhere it can be: a long name, a long image reference, two ports.
  const name = uniqueName('a-container-with-a-rather-long-name');
  // Its own tag: the shared engine's image list stays as other tests expect it.
  const image = `registry.example.com/team/${uniqueName('a-long-image-name')}:1.2.3-alpine`;
  docker('tag', BUSYBOX_IMAGE, image);
  const [p1, p2] = [await freePort(), await freePort()];
  docker(
    'run',
    '-d',
    '--name',
    name,
    '-p',
    `127.0.0.1:${p1}:80`,
    '-p',
    `127.0.0.1:${p2}:8080`,
    image,
    'sleep',
    '600',
  );
  try {
    await expect(page.row(name)).toContainText('running');
    // Live CPU and memory are in (the widest the stats cell gets).
    await expect(page.row(name)).toContainText(/\d%/);
    await expectHeadersFit(page.table);
    // The row's own buttons are on screen too.
    const remove = await box(page.action('Remove', name));
    expect(remove.x + remove.width).toBeLessThanOrEqual(1280);
  } finally {
    docker('rm', '-f', name);
    docker('rmi', image);
  }
});

test('at 1280 px the Compose header, toolbar and columns are in the window', async ({
  app,
  docker,
  uniqueName,
}) => {
  const compose = new ComposePage(app);
  // A project is its labels: no compose CLI needed to list one.
  const project = uniqueName('fit');
  const dir = `/srv/projects/${project}/a/rather/deep/working/directory`;
  const name = uniqueName('fit-web');
  docker(
    'run',
    '-d',
    '--name',
    name,
    '-l',
    `com.docker.compose.project=${project}`,
    '-l',
    'com.docker.compose.service=web',
    '-l',
    `com.docker.compose.project.working_dir=${dir}`,
    '-l',
    `com.docker.compose.project.config_files=${dir}/docker-compose.production.yml`,
    BUSYBOX_IMAGE,
    'sleep',
    '600',
  );
  try {
    await compose.open();
    await expect(compose.row(project)).toContainText('1/1 running');
    const main = app.getByRole('main');
    for (const l of [
      main.getByRole('heading', { level: 1, name: 'Compose' }),
      main.getByRole('textbox', { name: 'Filter projects' }),
      main.getByRole('button', { name: 'Up from file' }),
    ]) {
      const b = await box(l);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(1280);
    }
    await expectHeadersFit(compose.table);
    const down = await box(compose.row(project).getByRole('button').last());
    expect(down.x + down.width).toBeLessThanOrEqual(1280);
  } finally {
    docker('rm', '-f', name);
  }
});
