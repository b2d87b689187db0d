import { BUSYBOX_IMAGE } from './harness/engine';
import { sleep } from './harness/proc';
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

test('closing a shell window ends that exec session only', async ({ app, docker, uniqueName }) => {
  const name = uniqueName('two');
  running(docker, name);
  const first = await ShellPage.openFrom(app, name);
  const second = await ShellPage.openFrom(app, name);
  await first.run('sleep 4321');
  const sleeping = () => docker('exec', name, 'ps', '-o', 'args').includes('sleep 4321');
  await expect.poll(sleeping).toBe(true);
  await first.page.close();
  await expect.poll(sleeping).toBe(false);
  await second.run('echo still-$((1+1))');
  await showsRow(second, 'still-2');
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
  const HIGH_WATER = 100 * 1024;
  const ONE_MESSAGE = 32 * 1024; // what main may have gathered when it pauses
  const name = uniqueName('flow');
  running(docker, name);
  const client = await connectClient(suite.app);
  try {
    let received = 0;
    let sessionId = '';
    client.ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as {
        t: string;
        id: number;
        event?: { kind: string; sessionId?: string; bytes?: number };
      };
      if (m.t !== 'event' || m.id !== 1 || !m.event) return;
      if (m.event.kind === 'session') sessionId = m.event.sessionId!;
      if (m.event.kind === 'data') received += m.event.bytes!;
    });
    client.send({
      t: 'sub',
      id: 1,
      name: 'exec.session',
      input: { engineId: 'env', id: name, cmd: ['yes'], cols: 80, rows: 24 },
    });
    await expect.poll(() => received).toBeGreaterThan(HIGH_WATER);
    // `yes` writes far more than this in the window below when nothing holds it back.
    await sleep(1500);
    const held = received;
    expect(held).toBeLessThanOrEqual(HIGH_WATER + 2 * ONE_MESSAGE);

    const ack = await client.call('exec.ack', { engineId: 'env', sessionId, bytes: held });
    expect(ack.ok).toBe(true);
    await expect.poll(() => received).toBeGreaterThan(held + HIGH_WATER / 2);

    client.send({ t: 'unsub', id: 1 });
    await expect
      .poll(() => docker('exec', name, 'ps', '-o', 'comm').split('\n').includes('yes'))
      .toBe(false);
  } finally {
    client.close();
  }
});
