import { openApp } from './harness/app';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

// A sleeper that stops at once on SIGTERM (busybox sleep as PID 1 ignores it for 10 s).
const SLEEPER = ['sh', '-c', 'trap "exit 0" TERM; sleep 600 & wait'];

const state = (docker: (...a: string[]) => string, name: string) =>
  docker('inspect', '-f', '{{.State.Status}}', name);

test('the command palette runs "Stop NAME"; the toast starts it again', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('pal');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, ...SLEEPER);
  await expect(page.row(name)).toContainText('running');

  const dialog = app.getByRole('dialog', { name: 'Command palette' });
  await test.step('Ctrl+K opens it, fuzzy matched, with the key shortcut', async () => {
    await app.keyboard.press('Control+k');
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole('combobox', { name: 'Command' });
    await expect(box).toBeFocused();
    await box.fill(`stp ${name}`);
    const first = dialog.getByRole('listbox', { name: 'Commands' }).getByRole('option').first();
    await expect(first).toHaveAccessibleName(`Stop ${name}`);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(first).toHaveAttribute('aria-keyshortcuts', 'x');
    await app.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
  });
  await test.step('the engine has it stopped', async () => {
    await expect.poll(() => state(docker, name)).toBe('exited');
    await expect(page.row(name)).toContainText('exited');
  });
  await test.step('undo: "Start again" in the toast', async () => {
    const toast = app.getByRole('status').filter({ hasText: `Stopped ${name}` });
    await toast.getByRole('button', { name: 'Start again' }).click();
    await expect.poll(() => state(docker, name)).toBe('running');
  });
  await test.step('recent first: an empty palette offers the last command first', async () => {
    await app.keyboard.press('Control+k');
    // The container runs again, so the remembered "Stop NAME" is offered once more, first.
    await expect(dialog.getByRole('option').first()).toHaveAccessibleName(`Stop ${name}`);
    await app.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
  await test.step('"Go to Volumes"', async () => {
    await app.keyboard.press('Control+k');
    await dialog.getByRole('combobox', { name: 'Command' }).fill('go vol');
    await expect(dialog.getByRole('option').first()).toHaveAccessibleName('Go to Volumes');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { level: 1, name: 'Volumes' })).toBeVisible();
  });
});

test('keyboard only: j/k to a row, l opens its logs, t its terminal, x stops it', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const a = uniqueName('kb-a');
  const b = uniqueName('kb-b');
  docker('run', '-d', '--name', a, BUSYBOX_IMAGE, ...SLEEPER);
  docker('run', '-d', '--name', b, BUSYBOX_IMAGE, ...SLEEPER);
  await expect(page.row(b)).toContainText('running');

  await test.step('/ focuses the filter; ↓ steps into the table; j/k move', async () => {
    await app.keyboard.press('/');
    await expect(page.filter).toBeFocused();
    await app.keyboard.type(a.replace(/-kb-a$/, '-kb-'));
    await expect(page.table.getByRole('rowheader')).toHaveCount(2);
    await app.keyboard.press('ArrowDown');
    await expect(page.row(a)).toBeFocused();
    await app.keyboard.press('j');
    await expect(page.row(b)).toBeFocused();
    await app.keyboard.press('k');
    await expect(page.row(a)).toBeFocused();
    await app.keyboard.press('j');
    await expect(page.row(b)).toBeFocused();
  });
  await test.step('l opens the logs of the focused row', async () => {
    const [logs] = await Promise.all([app.context().waitForEvent('page'), app.keyboard.press('l')]);
    await expect(logs.getByRole('log', { name: `Logs of ${b}` })).toBeVisible();
    await logs.close();
  });
  await test.step('t opens its terminal', async () => {
    const [shell] = await Promise.all([
      app.context().waitForEvent('page'),
      app.keyboard.press('t'),
    ]);
    await expect(shell.getByRole('region', { name: `Shell in ${b}` })).toBeVisible();
    await shell.close();
  });
  await test.step('x stops it, and only it', async () => {
    await expect(page.row(b)).toBeFocused();
    await app.keyboard.press('x');
    await expect.poll(() => state(docker, b)).toBe('exited');
    expect(state(docker, a)).toBe('running');
  });
  await test.step('Enter opens the container', async () => {
    await page.row(b).focus();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { level: 1, name: b })).toBeVisible();
  });
});

test('? lists the shortcuts (not while typing in a field)', async ({ app }) => {
  const page = new ContainersPage(app);
  await page.filter.focus();
  await app.keyboard.type('?');
  await expect(page.filter).toHaveValue('?');
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await page.filter.fill('');
  await page.filter.blur();
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('table', { name: 'Containers table' })).toContainText('Stop');
  await expect(help.getByRole('table', { name: 'Go to' })).toContainText('Volumes');
  await app.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await test.step('g then a letter goes to a screen', async () => {
    await app.keyboard.press('g');
    await app.keyboard.press('i');
    await expect(app.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  });
});

test('names sort naturally: idle-1, idle-2, idle-10', async ({ app, docker, uniqueName }) => {
  const page = new ContainersPage(app);
  const names = ['idle-10', 'idle-2', 'idle-1'].map((n) => uniqueName(n));
  for (const n of names) docker('create', '--name', n, BUSYBOX_IMAGE, 'true');
  await page.filter.fill(uniqueName('idle-'));
  await expect(page.table.getByRole('rowheader')).toHaveCount(3);
  expect(await page.names()).toEqual([names[2], names[1], names[0]]);
});

test('the status text ticks on its own, with no reload and no engine event', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('tick');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, ...SLEEPER);
  const status = page
    .row(name)
    .getByRole('cell')
    .filter({ hasText: /^running/ });
  await expect(status).toContainText(/Up (Less than a second|\d+ seconds?)/);
  const first = await status.innerText();
  // The shared one-second timer re-renders the text from its anchor; nothing is fetched.
  await expect(status).not.toHaveText(first);
  await expect(status).toContainText(/Up \d+ seconds?/);
});

test('70 s later (the page’s clock) "Up N seconds" reads "Up About a minute", with no engine event', async ({
  page,
  suite,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('tick70');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, ...SLEEPER);
  // The page's own clock, so that the test does not wait 70 s: time runs, and jumps on demand.
  await page.clock.install();
  await openApp(page, suite.app, '#/containers');
  const status = new ContainersPage(page)
    .row(name)
    .getByRole('cell')
    .filter({ hasText: /^running/ });
  await expect(status).toContainText(/Up (Less than a second|\d+ seconds?)/);
  await page.clock.fastForward(70_000);
  await expect(status).toContainText('Up About a minute');
  // Only the page's clock moved: the engine itself still says seconds.
  expect(docker('ps', '--filter', `name=${name}`, '--format', '{{.Status}}')).toMatch(
    /^Up (Less than a second|\d+ seconds?)$/,
  );
});

test('the name opens the detail; columns hide and stay hidden; widths are remembered; density', async ({
  app,
  docker,
  uniqueName,
}) => {
  const page = new ContainersPage(app);
  const name = uniqueName('tbl');
  docker('create', '--name', name, BUSYBOX_IMAGE, 'true');
  await expect(page.row(name)).toBeVisible();

  await test.step('View: hide Ports (remembered after a reload), then show it', async () => {
    const view = app.getByRole('button', { name: 'View options for Containers' });
    await view.click();
    await app.getByRole('checkbox', { name: 'Ports' }).uncheck();
    await expect(page.table.getByRole('columnheader', { name: 'Ports' })).toHaveCount(0);
    await app.reload();
    await expect(page.row(name)).toBeVisible();
    await expect(page.table.getByRole('columnheader', { name: 'Ports' })).toHaveCount(0);
    await view.click();
    await app.getByRole('checkbox', { name: 'Ports' }).check();
    await expect(page.table.getByRole('columnheader', { name: 'Ports' })).toHaveCount(1);
  });
  await test.step('density: compact by default, comfortable on request', async () => {
    const density = () => app.evaluate(() => document.documentElement.dataset.density);
    await expect.poll(density).toBe('compact');
    await app.getByRole('radio', { name: 'Comfortable' }).check();
    await expect.poll(density).toBe('comfortable');
    await app.getByRole('radio', { name: 'Compact' }).check();
    await expect.poll(density).toBe('compact');
    await app.keyboard.press('Escape');
  });
  await test.step('resize Image with the keyboard (remembered after a reload), then reset', async () => {
    const image = page.table.getByRole('columnheader', { name: 'Image', exact: true });
    const handle = page.table.getByRole('separator', { name: 'Resize column Image' });
    const width = async () => (await image.boundingBox())?.width ?? 0;
    const before = await width();
    const valueBefore = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    for (let i = 0; i < 4; i++) await app.keyboard.press('ArrowRight');
    // Four steps of 16 px: the value says so, and so does the rendered column.
    await expect(handle).toHaveAttribute('aria-valuenow', String(valueBefore + 64));
    await expect.poll(width).toBeCloseTo(before + 64, 0);
    await app.reload();
    await expect(page.row(name)).toBeVisible();
    await expect(handle).toHaveAttribute('aria-valuenow', String(valueBefore + 64));
    await expect.poll(width).toBeCloseTo(before + 64, 0);
    await handle.focus();
    await app.keyboard.press('ArrowLeft');
    await expect.poll(width).toBeCloseTo(before + 48, 0);
    await app.getByRole('button', { name: 'View options for Containers' }).click();
    await app.getByRole('button', { name: 'Reset column widths' }).click();
    await app.keyboard.press('Escape');
    await expect(handle).toHaveAttribute('aria-valuenow', String(valueBefore));
    await expect.poll(width).toBeCloseTo(before, 0);
    await app.reload();
    await expect(page.row(name)).toBeVisible();
    await expect.poll(width).toBeCloseTo(before, 0);
  });
  await test.step('the name is a link to the container', async () => {
    await page.row(name).getByRole('link', { name }).click();
    await expect(app.getByRole('heading', { level: 1, name })).toBeVisible();
  });
});

test('an image’s name opens its details', async ({ app }) => {
  await app.keyboard.press('g');
  await app.keyboard.press('i');
  const table = app.getByRole('table', { name: 'Images' });
  const row = table
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader', { name: BUSYBOX_IMAGE, exact: true }) });
  await row.getByRole('button', { name: BUSYBOX_IMAGE, exact: true }).click();
  const dialog = app.getByRole('dialog', { name: `Image ${BUSYBOX_IMAGE}` });
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
