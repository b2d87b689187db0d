import { BUSYBOX_IMAGE } from './harness/engine';
import { openApp } from './harness/app';
import { expect, test } from './fixtures';

// Log and shell windows are routes; their page names them "Logs — NAME" / "Shell — NAME" (the
// browser tab here, the BrowserWindow's title in Electron, which accepts only that form).
test('log and shell windows are titled after their container', async ({
  page,
  suite,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('titled');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
  await openApp(page, suite.app, `#/logs/env/${name}`);
  await expect(page).toHaveTitle(`Logs — ${name}`);
  await openApp(page, suite.app, `#/shell/env/${name}`);
  await expect(page).toHaveTitle(`Shell — ${name}`);
});
