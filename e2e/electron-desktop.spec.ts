import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';

const ROOT = join(__dirname, '..');
// As e2e/electron.spec.ts: path.txt exists only when the binary was downloaded at install.
const hasElectron = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));
const SKIP_REASON =
  'No Electron binary installed (node_modules/electron/path.txt is absent: the binary cannot be downloaded on this machine). The desktop modules are unit-tested with stand-ins (test/unit/main/desktop) and the #/run route in web mode (e2e/deep-link.spec.ts).';

test.describe('Electron desktop shell', () => {
  test.skip(!hasElectron, SKIP_REASON);

  const launch = (suite: { engine: { host: string } }, dataDir: string, args: string[] = []) =>
    electron.launch({
      args: [join(ROOT, 'dist', 'main', 'electron.cjs'), ...args],
      env: { ...process.env, DOCKER_HOST: suite.engine.host, PORTHOLE_DATA_DIR: dataDir },
    });

  test('a porthole:// link at launch opens “Run a container” prefilled', async ({
    suite,
  }, testInfo) => {
    const link = `porthole://run?image=${encodeURIComponent(BUSYBOX_IMAGE)}`;
    const app = await launch(suite, testInfo.outputPath('data'), [link]);
    try {
      const win = await app.firstWindow();
      const dialog = win.getByRole('dialog', { name: 'Run a container' });
      await expect(dialog.getByRole('combobox', { name: 'Image' })).toHaveValue(BUSYBOX_IMAGE);
    } finally {
      await app.close();
    }
  });

  test('a hostile link is refused in the window', async ({ suite }, testInfo) => {
    const app = await launch(suite, testInfo.outputPath('data'), ['porthole://run?image=a%3Bid']);
    try {
      const win = await app.firstWindow();
      await expect(
        win.getByRole('dialog', { name: 'Cannot open this link' }).getByRole('alert'),
      ).toContainText('contains “;”');
    } finally {
      await app.close();
    }
  });

  test('log windows are their own hardened, titled windows', async ({
    suite,
    docker,
    uniqueName,
  }, testInfo) => {
    const name = uniqueName('desk');
    docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
    const app = await launch(suite, testInfo.outputPath('data'));
    try {
      const win = await app.firstWindow();
      await expect(win.getByRole('rowheader', { name, exact: true })).toBeVisible();
      const opened = app.waitForEvent('window');
      await win.evaluate((n) => window.open(`#/logs/env/${n}`), name);
      const logs = await opened;
      await expect(logs).toHaveTitle(`Logs — ${name}`);
      // The same hardened set as the main window: the page sees neither Node nor Electron.
      expect(
        await logs.evaluate(() => {
          const g = globalThis as { require?: unknown; process?: unknown };
          return [typeof g.require, typeof g.process];
        }),
      ).toEqual(['undefined', 'undefined']);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
        2,
      );
    } finally {
      await app.close();
    }
  });

  test('Save on an image row: main asks where, then writes the file docker save writes', async ({
    suite,
    docker,
  }, testInfo) => {
    const chosen = testInfo.outputPath('saved.tar');
    const app = await launch(suite, testInfo.outputPath('data'));
    try {
      // The native dialog cannot be clicked by a test: it answers with the chosen path.
      await app.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (() =>
          Promise.resolve({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      }, chosen);
      const win = await app.firstWindow();
      await win
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Images' })
        .click();
      await win.getByRole('button', { name: `Save ${BUSYBOX_IMAGE}`, exact: true }).click();
      await expect(
        win.getByRole('status').filter({ hasText: `Saved ${BUSYBOX_IMAGE} to ${chosen}.` }),
      ).toBeVisible();
      const cliFile = testInfo.outputPath('cli.tar');
      docker('save', '-o', cliFile, BUSYBOX_IMAGE);
      const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
      expect(sha(chosen)).toBe(sha(cliFile));
    } finally {
      await app.close();
    }
  });
});
