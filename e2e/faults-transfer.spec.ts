import { join } from 'node:path';
import { openApp } from './harness/app';
import { BUSYBOX_IMAGE, cli, killDockerd, startDockerd } from './harness/engine';
import { startGate, type Gate } from './harness/gate';
import { useOwnEngine } from './harness/own-engine';
import { DOCKER_CLI, run } from './harness/proc';
import { startRegistry, stopRegistry, type RegistryHandle } from './harness/registry';
import { expect, test } from './fixtures';
import { ImagesPage } from './pages/images';

/**
 * The engine killed mid-pull and mid-build, the registry stopped mid-push. A gate in front of
 * the registry holds the transfer mid-way so the fault lands while bytes are moving; each view
 * then says what happened, offers to try again, and the CLI shows nothing half-done was kept.
 */
test.describe('faults: transfers cut off mid-way', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'faults-xfer');
  let registry: RegistryHandle;
  let target: { host: string; port: number };
  const gates: Gate[] = [];
  const gate = async (watch: 'down' | 'up') => {
    const g = await startGate(target, { watch, openBytes: 3_000_000 });
    gates.push(g);
    return g;
  };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    registry = await startRegistry(join(own.engine.dir, 'registry'), { auth: false });
    const [host, port] = registry.address.split(':');
    target = { host: host!, port: Number(port) };
  });
  test.afterAll(async () => {
    await Promise.all(gates.map((g) => g.close()));
    if (registry) await stopRegistry(registry);
  });

  /** The CLI builds from a Dockerfile on stdin (no context). */
  const build = (tag: string, dockerfile: string) =>
    run(DOCKER_CLI, ['-H', own.engine.host, 'build', '-q', '-t', tag, '-'], { input: dockerfile });

  test('dockerd killed mid-pull: the pull says the engine went away; Retry pulls it once it is back', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const direct = `${registry.address}/faults/big:1`;
    build(direct, `FROM ${BUSYBOX_IMAGE}\nRUN head -c 24000000 /dev/urandom > /big\n`);
    cli(own.engine, ['push', direct]);
    cli(own.engine, ['rmi', direct]);
    const held = await gate('down');
    const ref = `${held.address}/faults/big:1`;

    await openApp(page, own.app, '#/images');
    const images = new ImagesPage(page);
    await images.reference.fill(ref);
    await images.pull.click();
    await held.shut;
    await expect(page.getByRole('list', { name: `Layers of ${ref}` })).toContainText('Downloading');

    await killDockerd(own.engine);
    const alert = images.alert(`Could not pull ${ref}`);
    await expect(alert).toContainText('The engine stopped answering', { timeout: 30_000 });
    const retry = page.getByRole('button', { name: `Retry pull of ${ref}` });
    await expect(retry).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('pull-cut.png') });
    expect(() => cli(own.engine, ['image', 'inspect', ref])).toThrow(); // the engine is down

    await startDockerd(own.engine);
    held.open();
    await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({
      timeout: 60_000,
    });
    await retry.click();
    await expect(page.getByRole('status').filter({ hasText: `Pulled ${ref}` })).toBeVisible({
      timeout: 60_000,
    });
    // The CLI sees the whole image, and what was there before is still there.
    expect(cli(own.engine, ['run', '--rm', ref, 'wc', '-c', '/big'])).toContain('24000000');
    expect(cli(own.engine, ['image', 'inspect', '-f', '{{.Id}}', BUSYBOX_IMAGE])).toMatch(
      /^sha256:/,
    );
  });

  test('dockerd killed mid-build: the build says the engine went away; Build again, with the same form, builds it', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const tag = 'faults-built:1';
    const dockerfile = `FROM ${BUSYBOX_IMAGE}\nRUN sleep 4 && echo slept > /done\n`;
    await openApp(page, own.app, '#/images');
    await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    const images = new ImagesPage(page);
    await images.toolbar('Build').click();
    const dialog = images.dialog('Build an image');
    await dialog.getByRole('textbox', { name: 'Dockerfile', exact: true }).fill(dockerfile);
    await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill(tag);
    await dialog.getByRole('button', { name: 'Build', exact: true }).click();
    await expect(dialog.getByRole('log', { name: 'Build output' })).toContainText(
      'Step 2/2 : RUN sleep 4',
      { timeout: 60_000 },
    );

    await killDockerd(own.engine);
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('The engine stopped answering in the middle of the build', {
      timeout: 30_000,
    });
    await expect(alert).toContainText('retry the build');
    await page.screenshot({ path: test.info().outputPath('build-cut.png') });
    // Nothing typed is lost: the form is as it was, ready to run again.
    await expect(dialog.getByRole('textbox', { name: 'Dockerfile', exact: true })).toHaveValue(
      dockerfile,
    );
    const again = dialog.getByRole('button', { name: 'Build', exact: true });
    await expect(again).toBeEnabled();

    // Each build is a request of its own: once the engine answers the CLI, it can take one.
    await startDockerd(own.engine);
    // The half-done build left no image under that tag.
    expect(() => cli(own.engine, ['image', 'inspect', tag])).toThrow(/No such image/);
    await again.click();
    await expect(dialog.getByRole('status')).toContainText(`Built ${tag}`, { timeout: 60_000 });
    expect(cli(own.engine, ['run', '--rm', tag, 'cat', '/done'])).toBe('slept');
  });

  test('the registry stopped mid-push: a clear error naming the registry; the image is still here', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const held = await gate('up');
    const ref = `${held.address}/faults/pushed:1`;
    build(ref, `FROM ${BUSYBOX_IMAGE}\nRUN head -c 16000000 /dev/urandom > /pushed\n`);
    const id = cli(own.engine, ['image', 'inspect', '-f', '{{.Id}}', ref]);

    await openApp(page, own.app, '#/images');
    const images = new ImagesPage(page);
    await images.action('Push', ref).click();
    await held.shut;
    await stopRegistry(registry);
    await held.close(); // every connection cut, and nothing listens there any more

    const alert = images.alert(`Could not push ${ref}`);
    // The engine retries an upload a few times before it gives up: allow for its back-off.
    await expect(alert).toBeVisible({ timeout: 120_000 });
    await expect(alert).toContainText('connection refused');
    await expect(alert).toContainText(`The engine cannot reach ${held.address}`);
    await expect(page.getByRole('button', { name: `Retry push of ${ref}` })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('push-cut.png') });
    // Nothing lost: the image is as it was.
    expect(cli(own.engine, ['image', 'inspect', '-f', '{{.Id}}', ref])).toBe(id);
  });
});
