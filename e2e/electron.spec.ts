import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';

const ROOT = join(__dirname, '..');
// The electron npm package downloads its binary at install time; path.txt exists only if that
// worked. Never require('electron') to find out: in 45.x that starts the download.
const hasElectron = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));
const SKIP_REASON =
  'No Electron binary installed (node_modules/electron/path.txt is absent: the binary cannot be downloaded on this machine). Web mode covers the same router and renderer.';

test.describe('Electron shell', () => {
  test.skip(!hasElectron, SKIP_REASON);

  test('window is hardened and shows the engine’s containers', async ({
    suite,
    docker,
    uniqueName,
  }, testInfo) => {
    const name = uniqueName('electron');
    docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
    const app = await electron.launch({
      args: [join(ROOT, 'dist', 'main', 'electron.cjs')],
      env: {
        ...process.env,
        DOCKER_HOST: suite.engine.host,
        PORTHOLE_DATA_DIR: testInfo.outputPath('data'),
      },
    });
    try {
      const win = await app.firstWindow();
      await expect(
        win.getByRole('table', { name: 'Containers' }).getByRole('row', { name: new RegExp(name) }),
      ).toBeVisible();
      // nodeIntegration off, contextIsolation on: the page sees neither Node nor Electron.
      const nodeGlobals = await win.evaluate(() => {
        const g = globalThis as { require?: unknown; process?: unknown };
        return [typeof g.require, typeof g.process];
      });
      expect(nodeGlobals).toEqual(['undefined', 'undefined']);
      expect(win.url()).toMatch(/^app:\/\/porthole\//);
      expect(await win.evaluate(() => window.open('https://example.com'))).toBeNull();
      expect(
        await win.evaluate(() =>
          Object.keys((window as unknown as { porthole: object }).porthole).sort(),
        ),
      ).toEqual(['call', 'subscribe']);
      // A shell's echo is not held back until the next frame (main/desktop/chromium-switches.ts).
      expect(
        await app.evaluate(({ app: a }) => a.commandLine.getSwitchValue('disable-features')),
      ).toContain('DeferRendererTasksAfterInput');
    } finally {
      await app.close();
    }
  });
});
