import { WINDOWS } from '../contract/limits';
import { BUSYBOX_IMAGE } from './harness/engine';
import { sleep } from './harness/proc';
import { watchStream, watchYes } from './harness/exec-stream';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { ShellPage } from './pages/shell';

const running = (docker: (...a: string[]) => string, name: string) =>
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');

/** The terminal shows a row whose text is exactly `text` (trailing blanks aside). */
const showsRow = async (shell: ShellPage, text: string) =>
  expect
    .poll(async () => (await shell.screen()).map((r) => r.trimEnd()), { timeout: 15_000 })
    .toContain(text);

test('a busybox shell: /bin/sh is picked, arithmetic echoes 42, files reach the container', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('sh');
  running(docker, name);
  const shell = await ShellPage.openFrom(app, name);
  // No /bin/bash in busybox: the picker fell back to /bin/sh.
  await expect(shell.status).toHaveText('Connected: /bin/sh');

  await test.step('echo $((6*7)) → 42', async () => {
    await shell.run('echo $((6*7))');
    await showsRow(shell, '42');
    await shell.page.screenshot({ path: test.info().outputPath('shell.png') });
  });
  await test.step('touch /tmp/marker → docker exec sees it', async () => {
    const marker = `/tmp/marker-${Date.now()}`;
    await shell.run(`touch ${marker}`);
    await expect
      .poll(() => {
        try {
          return docker('exec', name, 'ls', marker);
        } catch {
          return '';
        }
      })
      .toBe(marker);
  });
});

test('resizing the window resizes the TTY: stty size agrees', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('size');
  running(docker, name);
  const shell = await ShellPage.openFrom(app, name);
  const [cols0, rows0] = await shell.dimensions();
  await shell.run('stty size');
  await showsRow(shell, `${rows0} ${cols0}`);

  await shell.page.setViewportSize({ width: 700, height: 420 });
  await expect.poll(() => shell.dimensions().then(([c]) => c)).toBeLessThan(cols0);
  const [cols, rows] = await shell.dimensions();
  await shell.run('clear; stty size');
  await showsRow(shell, `${rows} ${cols}`);
});

test('exit 3 shows the exit code; Reconnect opens a new session', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('exit');
  running(docker, name);
  const shell = await ShellPage.openFrom(app, name);
  await shell.run('exit 3');
  await expect(shell.status).toHaveText('Process exited with code 3');
  await shell.page.getByRole('button', { name: 'Reconnect' }).click();
  await expect(shell.status).toHaveText('Connected: /bin/sh');
  await shell.run('echo again-$((40+2))');
  await showsRow(shell, 'again-42');
});

test('yes floods the terminal; Ctrl-C stops it and the prompt returns', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('yes');
  running(docker, name);
  const shell = await ShellPage.openFrom(app, name);
  await shell.run('yes');
  await showsRow(shell, 'y');
  await shell.page.keyboard.press('Control+C');
  await shell.run('echo back-$((2+3))');
  await showsRow(shell, 'back-5');
  // `yes` is gone from the container, as the CLI sees it.
  await expect
    .poll(() => docker('exec', name, 'ps', '-o', 'comm').split('\n').includes('yes'))
    .toBe(false);
});

test('shells of one container are tabs of one window; closing a tab ends that exec session only', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('two');
  running(docker, name);
  const shell = await ShellPage.openFrom(app, name);
  const pages = app.context().pages().length;
  // "Shell NAME" again: the same window gets a second tab, a session of its own.
  await app.getByRole('button', { name: `Shell ${name}`, exact: true }).click();
  const tabs = shell.page.getByRole('tablist', { name: `Shells of ${name}` });
  await expect(tabs.getByRole('tab', { name: 'Shell 2' })).toHaveAttribute('aria-selected', 'true');
  expect(app.context().pages()).toHaveLength(pages);
  await expect(shell.status).toContainText('Connected');
  await shell.run('echo second-$((1+1))');
  await showsRow(shell, 'second-2');
  await shell.page.screenshot({ path: test.info().outputPath('shell-tabs.png') });

  // Back to the first tab: its session went on meanwhile.
  await tabs.getByRole('tab', { name: 'Shell 1' }).click();
  await shell.run('sleep 4321');
  const sleeping = () => docker('exec', name, 'ps', '-o', 'args').includes('sleep 4321');
  await expect.poll(sleeping).toBe(true);
  // Two exec sessions in that container: two shells (the tab's `sleep` runs in one of them).
  const shells = () =>
    docker('exec', name, 'ps', '-o', 'args')
      .split('\n')
      .filter((l) => l.trim() === '/bin/sh').length;
  expect(shells()).toBe(2);

  await shell.page.getByRole('button', { name: 'Close Shell 1' }).click();
  await expect(tabs.getByRole('tab')).toHaveCount(1);
  await expect.poll(sleeping).toBe(false);
  await expect(tabs.getByRole('tab', { name: 'Shell 2' })).toHaveAttribute('aria-selected', 'true');
  await shell.run('echo still-$((1+1))');
  await showsRow(shell, 'still-2');

  // "New shell tab" in the window itself.
  await shell.page.getByRole('button', { name: 'New shell tab' }).click();
  await expect(tabs.getByRole('tab', { name: 'Shell 3' })).toHaveAttribute('aria-selected', 'true');
  await expect(shell.status).toContainText('Connected');
  await shell.run('echo third-$((1+2))');
  await showsRow(shell, 'third-3');

  // Closing the window ends its sessions: none of its shells is left running.
  await shell.page.close();
  await expect.poll(shells).toBe(0);
});

test('a stopped container: the shell offers to start it first', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('stopped');
  docker('create', '--name', name, BUSYBOX_IMAGE, 'sleep', '600');
  const [popup] = await Promise.all([
    app.context().waitForEvent('page'),
    app.getByRole('button', { name: `Shell ${name}`, exact: true }).click(),
  ]);
  const shell = new ShellPage(popup, name);
  await expect(shell.status).toHaveText(`${name} is not running.`);
  await popup.getByRole('button', { name: `Start ${name}` }).click();
  await expect(shell.status).toHaveText('Connected: /bin/sh');
  expect(docker('inspect', '-f', '{{.State.Status}}', name)).toBe('running');
  await shell.run('echo up-$((3*3))');
  await showsRow(shell, 'up-9');
});

test('attach to an -it container’s main process; closing detaches without ending it', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('attach');
  docker('run', '-dit', '--name', name, BUSYBOX_IMAGE, 'sh');
  const shell = await ShellPage.openFrom(app, name);
  const attach = async () => {
    const [popup] = await Promise.all([
      shell.page.context().waitForEvent('page'),
      shell.page.getByRole('button', { name: 'Attach to main process' }).click(),
    ]);
    const attached = new ShellPage(popup, name);
    await expect(attached.status).toHaveText('Connected: sh');
    return attached;
  };
  const first = await attach();
  await first.run('echo main-$((5*5))');
  await showsRow(first, 'main-25');
  // The main process is PID 1: what we typed ran there, not in a new exec.
  await first.run('echo pid-$$');
  await showsRow(first, 'pid-1');
  await first.page.close();
  // Detached, not killed: attaching again reaches the same, still running, process.
  const second = await attach();
  await second.run('echo again-$((5*5))');
  await showsRow(second, 'again-25');
  expect(docker('inspect', '-f', '{{.State.Status}}', name)).toBe('running');
});

test('flow control: unacknowledged, main stops at the high watermark; acks resume it', async ({
  suite,
  docker,
  uniqueName,
}) => {
  const HIGH_WATER = WINDOWS.terminal.high;
  const ONE_MESSAGE = 32 * 1024; // what main may have gathered when it pauses
  const name = uniqueName('flow');
  running(docker, name);
  const client = await connectClient(suite.app);
  try {
    const seen = watchYes(client, 1, name);
    await expect.poll(() => seen.cost).toBeGreaterThan(HIGH_WATER);
    // `yes` writes far more than this in the window below when nothing holds it back.
    await sleep(1500);
    const held = seen.cost;
    expect(held).toBeLessThanOrEqual(HIGH_WATER + 2 * ONE_MESSAGE);
    expect(seen.binary && seen.costIsLength).toBe(true);
    expect(seen.text).toContain('y\r\ny\r\n');

    client.send({ t: 'ack', id: 1, n: held });
    await expect.poll(() => seen.cost).toBeGreaterThan(held + HIGH_WATER / 2);

    // Ctrl-C travels on the stream itself; acknowledging everything lets the rest drain.
    client.onFrame((m) => {
      if (m.t === 'event' && m.id === 1 && typeof m.n === 'number') {
        client.send({ t: 'ack', id: 1, n: m.n });
      }
    });
    client.send({ t: 'ack', id: 1, n: seen.cost - held });
    client.send({ t: 'ctl', id: 1, msg: { kind: 'input', data: '\x03' } });
    await client.next((m) => m.t === 'end' && m.id === 1, 30_000);
    // Killed by SIGINT: 128 + 2, as `docker exec` reports it.
    expect(seen.exit).toBe(130);
    await expect
      .poll(() => docker('exec', name, 'ps', '-o', 'comm').split('\n').includes('yes'))
      .toBe(false);
  } finally {
    client.close();
  }
});

test('closing the stream hangs up: a raw client’s unsub ends `yes`', async ({
  suite,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('unsub');
  running(docker, name);
  const client = await connectClient(suite.app);
  try {
    const seen = watchYes(client, 1, name);
    // Unacknowledged: main has paused the engine's stream by now.
    await expect.poll(() => seen.cost).toBeGreaterThan(WINDOWS.terminal.high);
    const yesRuns = () => docker('exec', name, 'ps', '-o', 'comm').split('\n').includes('yes');
    expect(yesRuns()).toBe(true);
    client.send({ t: 'unsub', id: 1 });
    await expect.poll(yesRuns).toBe(false);
  } finally {
    client.close();
  }
});

test('input sent before the process starts is kept; another connection cannot type into it', async ({
  suite,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('own');
  running(docker, name);
  const owner = await connectClient(suite.app);
  const other = await connectClient(suite.app);
  const exists = (path: string) => {
    try {
      return docker('exec', name, 'ls', path) === path;
    } catch {
      return false;
    }
  };
  try {
    const seen = watchStream(owner, 1);
    await test.step('typed right after subscribing, before the session event', async () => {
      owner.send({
        t: 'sub',
        id: 1,
        name: 'exec.session',
        input: { engineId: 'env', id: name, cols: 80, rows: 24 },
      });
      owner.send({ t: 'ctl', id: 1, msg: { kind: 'input', data: 'echo early-$((6*7))\r' } });
      await owner.next((m) => m.t === 'event' && m.id === 1);
      await expect.poll(() => seen.text).toContain('early-42');
    });

    await test.step('a control frame for a stream the connection does not own is refused', async () => {
      other.send({ t: 'ctl', id: 1, msg: { kind: 'input', data: 'touch /tmp/intruder\r' } });
      const refused = await other.next((m) => m.t === 'error');
      expect((refused.error as { code: string }).code).toBe('INVALID_INPUT');
      // The owner's own input still works, and arrives after the refused frame was handled:
      // had that frame reached the shell, its file would be there by now.
      owner.send({ t: 'ctl', id: 1, msg: { kind: 'input', data: 'touch /tmp/owner\r' } });
      await expect.poll(() => exists('/tmp/owner')).toBe(true);
      expect(exists('/tmp/intruder')).toBe(false);
      expect(seen.text).not.toContain('intruder');
    });
  } finally {
    owner.close();
    other.close();
  }
});
