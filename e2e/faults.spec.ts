import { openApp } from './harness/app';
import { BUSYBOX_IMAGE, cli, startDockerd, stopDockerd } from './harness/engine';
import { useOwnEngine } from './harness/own-engine';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';
import { LogsPage } from './pages/logs';
import { ShellPage } from './pages/shell';

/**
 * The engine going away in the middle of things: each view says what happened, offers a way
 * back, and nothing hangs. These stop the engine, so they get one of their own.
 */
test.describe('faults: the engine goes away mid-way', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'faults');

  test('mid-exec: the shell says the connection ended and Reconnect works once it is back', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    cli(own.engine, [
      'run',
      '-d',
      '--restart',
      'always',
      '--name',
      'shelly',
      BUSYBOX_IMAGE,
      'sleep',
      '3600',
    ]);
    await openApp(page, own.app, '#/containers');
    const shell = await ShellPage.openFrom(page, 'shelly');
    await shell.run('echo before-$((6*7))');
    await expect(shell.terminal).toContainText('before-42');

    await stopDockerd(own.engine);
    // The session is over, and the window says so instead of hanging on a dead terminal.
    await expect(shell.status).not.toContainText('Connected', { timeout: 30_000 });
    const reconnect = shell.page.getByRole('button', { name: 'Reconnect' });
    await expect(reconnect).toBeVisible();

    await startDockerd(own.engine);
    await expect(page.getByRole('status')).toContainText('Connected', { timeout: 60_000 });
    await expect(new ContainersPage(page).row('shelly')).toContainText('running', {
      timeout: 30_000,
    });
    await reconnect.click();
    await expect(shell.status).toContainText('Connected');
    await shell.run('echo after-$((6*7))');
    await expect(shell.terminal).toContainText('after-42');
  });

  test('mid-log-follow: the log says the engine is lost, and follows again by itself when it is back', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    cli(own.engine, [
      'run',
      '-d',
      '--restart',
      'always',
      '--name',
      'chatty',
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.2; done',
    ]);
    await openApp(page, own.app, '#/containers');
    const logs = await LogsPage.openFrom(page, 'chatty');
    await expect(logs.log).toContainText('tick 3');
    await stopDockerd(own.engine);
    await expect(logs.status).toContainText('Lost the engine', { timeout: 30_000 });
    await startDockerd(own.engine);
    // The container starts again (restart policy) and prints from "tick 0" once more: the
    // buffer then holds "tick 1" from both runs (searched: the view only renders a window).
    await expect(logs.status).toContainText('Following', { timeout: 60_000 });
    await logs.page.getByRole('checkbox', { name: 'Regex' }).check();
    await logs.search.fill('^tick 1$');
    // The CLI is the oracle: every run's "tick 1", none lost and none twice.
    const cliRuns = () =>
      cli(own.engine, ['logs', 'chatty'])
        .split('\n')
        .filter((l) => l === 'tick 1').length;
    await expect.poll(cliRuns, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await expect(logs.matchCount).toHaveText(`${cliRuns()} of ${cliRuns()}`, { timeout: 30_000 });
  });
});
