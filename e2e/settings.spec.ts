import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BUSYBOX_IMAGE } from './harness/engine';
import { openApp, startApp, stopApp, type AppHandle } from './harness/app';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';
import { LogsPage } from './pages/logs';
import { ShellPage } from './pages/shell';

// Settings change what every window does (theme, tail size, confirmations): these tests run
// their own app with its own data dir, so the suite's shared app keeps its defaults.
test.describe.configure({ mode: 'serial' });

let own: { app: AppHandle; dataDir: string };
test.beforeAll(async ({ suite }) => {
  const dir = mkdtempSync(join(suite.root, 'settings-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  own = {
    dataDir,
    app: await startApp({ dockerHost: suite.engine.host, dataDir, logFile: join(dir, 'app.log') }),
  };
});
test.afterAll(async () => {
  if (own) await stopApp(own.app);
});

async function openSettings(page: Page) {
  await openApp(page, own.app, '#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}
const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body.parentElement!).backgroundColor);
const onDisk = () =>
  JSON.parse(readFileSync(join(own.dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;

test('theme: Dark changes the page background and color-scheme, and survives a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openSettings(page);
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  const light = await background(page);

  await theme.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Settings saved.');
  await expect.poll(() => background(page)).not.toBe(light);
  const dark = await background(page);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
    'dark',
  );
  expect(onDisk().theme).toBe('dark');

  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }),
  ).toBeChecked();
  expect(await background(page)).toBe(dark);

  // Back to the system's (light here).
  await page.getByRole('radio', { name: 'System' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => background(page)).toBe(light);
});

test('log tail size: a log window asks for that many lines (docker logs --tail); the file has every value', async ({
  page,
  docker,
  uniqueName,
}) => {
  await openSettings(page);
  const tail = page.getByRole('spinbutton', { name: 'Log tail size' });
  await tail.fill('200000');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tail).toHaveAttribute('aria-invalid', 'true');
  await tail.fill('7');
  await page.getByRole('spinbutton', { name: 'Log buffer' }).fill('20000');
  await page.getByRole('textbox', { name: 'Terminal font' }).fill('monospace');
  await page.getByRole('spinbutton', { name: 'Terminal font size' }).fill('16');
  await page.getByRole('checkbox', { name: 'Confirm before removing' }).uncheck();
  await page.getByRole('checkbox', { name: /Show notifications/ }).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Settings saved.');
  expect(onDisk()).toMatchObject({
    logTail: 7,
    logBuffer: 20000,
    terminalFont: 'monospace',
    terminalFontSize: 16,
    confirmRemove: false,
    notifications: false,
  });

  const name = uniqueName('tail');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'seq 1 50; sleep 600');
  const id = docker('inspect', '-f', '{{.Id}}', name);
  await expect.poll(() => docker('logs', name).split('\n').length).toBe(50);
  const expected = docker('logs', '--tail', '7', name).split('\n');
  expect(expected).toEqual(['44', '45', '46', '47', '48', '49', '50']);

  await openApp(page, own.app, `#/logs/env/${id}`);
  const logs = new LogsPage(page, name);
  await expect(logs.lastLine()).toContainText('50');
  await expect.poll(() => logs.texts()).toEqual(expected);

  // Settings back as the first test found them (the next run of this file starts fresh anyway).
  await openSettings(page);
  await page.getByRole('spinbutton', { name: 'Log tail size' }).fill('1000');
  await page.getByRole('checkbox', { name: 'Confirm before removing' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Settings saved.');
  expect(onDisk()).toMatchObject({ logTail: 1000, confirmRemove: true });
});

test('"Confirm before removing" off: Remove and Remove selected run at once, running ones too', async ({
  page,
  docker,
  uniqueName,
}) => {
  const setConfirm = async (on: boolean) => {
    await openSettings(page);
    await page.getByRole('checkbox', { name: 'Confirm before removing' }).setChecked(on);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Settings saved.');
    expect(onDisk().confirmRemove).toBe(on);
  };
  const one = uniqueName('noconfirm-one');
  const idle = uniqueName('noconfirm-idle');
  const up = uniqueName('noconfirm-up');
  docker('create', '--name', one, BUSYBOX_IMAGE, 'sleep', '600');
  docker('create', '--name', idle, BUSYBOX_IMAGE, 'sleep', '600');
  docker('run', '-d', '--name', up, BUSYBOX_IMAGE, 'sleep', '600');
  await setConfirm(false);
  try {
    await openApp(page, own.app, '#/containers');
    const containers = new ContainersPage(page);
    await expect(containers.row(up)).toHaveCount(1);

    await containers.action('Remove', one).click();
    await expect(containers.row(one)).toHaveCount(0);
    expect(docker('ps', '-aq', '--filter', `name=^${one}$`)).toBe('');

    // No question asked; the results still show, and the running one goes too, as with one.
    await containers.select(idle).check();
    await containers.select(up).check();
    await containers.bulk('Remove').click();
    const dialog = page.getByRole('dialog', { name: 'Remove 2 containers?' });
    await expect(dialog.getByRole('checkbox', { name: /Force/ })).toHaveCount(0);
    await expect(dialog).toContainText('Removed all 2.');
    await expect(dialog.getByRole('list', { name: 'Results' })).toContainText(`${idle}: Removed`);
    await expect(dialog.getByRole('list', { name: 'Results' })).toContainText(`${up}: Removed`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(docker('ps', '-aq', '--filter', `name=^${idle}$`)).toBe('');
    expect(docker('ps', '-aq', '--filter', `name=^${up}$`)).toBe('');
  } finally {
    await setConfirm(true);
  }
});

test('blinking cursor: off by default (keys echo a frame sooner), on from Settings', async ({
  page,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('blink');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
  const cursorIn = async (blinks: boolean) => {
    await openApp(page, own.app, '#/containers');
    const shell = await ShellPage.openFrom(page, name);
    await shell.terminal.click();
    await expect(shell.terminal.locator('.xterm-cursor')).not.toHaveCount(0);
    await expect(shell.terminal.locator('.xterm-cursor-blink')).toHaveCount(blinks ? 1 : 0);
    await shell.page.close();
  };
  const setBlink = async (on: boolean) => {
    await openSettings(page);
    const box = page.getByRole('checkbox', { name: /Blinking cursor/ });
    await expect(box).toBeChecked({ checked: !on });
    await box.setChecked(on);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Settings saved.');
    expect(onDisk().terminalCursorBlink).toBe(on);
  };
  await cursorIn(false);
  await setBlink(true);
  await cursorIn(true);
  await setBlink(false);
  await cursorIn(false);
});
