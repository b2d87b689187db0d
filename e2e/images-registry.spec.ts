import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, stopApp, type AppHandle, openApp } from './harness/app';
import { BUSYBOX_IMAGE, cli } from './harness/engine';
import { expect, test } from './fixtures';
import { ImagesPage } from './pages/images';

// Pull, push and "pull and run" against the suite's htpasswd registry. These tests run their own
// app with their own DOCKER_CONFIG: which logins exist is what they test, and the shared app's
// logins belong to the Registries tests running beside them.
test.describe('images and the private registry', () => {
  let configDir: string;
  let app: AppHandle;
  const refs: string[] = [];

  test.beforeEach(async ({ suite }) => {
    configDir = mkdtempSync(join(tmpdir(), 'porthole-img-config-'));
    app = await startApp({
      dockerHost: suite.engine.host,
      dataDir: join(configDir, 'app-data'),
      logFile: join(configDir, 'app.log'),
      env: { DOCKER_CONFIG: join(configDir, 'docker') },
    });
  });

  test.afterEach(async ({ docker }) => {
    for (const ref of refs.splice(0)) {
      try {
        docker('rmi', '-f', ref);
      } catch {
        /* already gone */
      }
    }
    if (app) await stopApp(app);
    rmSync(configDir, { recursive: true, force: true });
  });

  /** Writes a docker config.json holding the registry login, as `docker login` would. */
  const logIn = (registry: string, user: string, password: string) => {
    const dir = join(configDir, 'docker');
    mkdirSync(dir, { recursive: true });
    const auth = Buffer.from(`${user}:${password}`).toString('base64');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [registry]: { auth } } }));
    return { ...process.env, DOCKER_CONFIG: dir };
  };

  test('without a login: “authentication required” and a Log in link; with one: pull, push, pull and run', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    test.setTimeout(180_000);
    const images = new ImagesPage(page);
    const { address, user, password } = suite.registry;
    await openApp(page, app);
    await images.open();

    await test.step('pull without a login → AUTH_REQUIRED, nothing pulled', async () => {
      await images.reference.fill(suite.privateImage);
      await images.pull.click();
      const alert = page
        .getByRole('alert')
        .filter({ hasText: `Could not pull ${suite.privateImage}` });
      await expect(alert).toContainText('authentication required');
      const loginLink = alert.getByRole('link', { name: 'Log in' });
      await expect(loginLink).toHaveAttribute(
        'href',
        `#/registries/login/${encodeURIComponent(address)}`,
      );
      // "Log in" opens the login dialog prefilled with the registry that refused.
      await loginLink.click();
      const dialog = page.getByRole('dialog', { name: 'Log in to registry' });
      await expect(dialog.getByRole('textbox', { name: 'Registry' })).toHaveValue(address);
      await page.keyboard.press('Escape');
      await images.open();
    });

    const cliEnv = logIn(address, user, password);
    const oracle = (...args: string[]) => cli(suite.engine, args, cliEnv);
    const repo = `${address}/${uniqueName('img')}`;

    await test.step('with a login: pull shows progress, the image is listed, the CLI agrees', async () => {
      const ref = `${repo}-pulled:1`;
      refs.push(ref);
      oracle('tag', BUSYBOX_IMAGE, ref);
      oracle('push', ref);
      const id = oracle('image', 'inspect', '-f', '{{.Id}}', ref);
      oracle('rmi', ref);
      await images.reference.fill(ref);
      await images.pull.click();
      await expect(images.progress(`Pulling ${ref}`)).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: `Pulled ${ref}` })).toBeVisible({
        timeout: 60_000,
      });
      await expect(images.progress(`Pulling ${ref}`)).toHaveAttribute('value', '100');
      await expect(images.row(ref)).toContainText(id.slice(7, 19));
      expect(docker('image', 'inspect', '-f', '{{.Id}}', ref)).toBe(id);
    });

    await test.step('Push REF: progress, then the CLI can pull it from the registry', async () => {
      const ref = `${repo}-pushed:2`;
      refs.push(ref);
      docker('tag', BUSYBOX_IMAGE, ref);
      await images.action('Push', ref).click();
      await expect(page.getByRole('status').filter({ hasText: `Pushed ${ref}` })).toBeVisible({
        timeout: 60_000,
      });
      docker('rmi', ref);
      oracle('pull', ref);
      expect(oracle('image', 'inspect', '-f', '{{.Id}}', ref)).toBe(
        docker('image', 'inspect', '-f', '{{.Id}}', BUSYBOX_IMAGE),
      );
    });

    await test.step('Pull and run: the run form, prefilled; Run → its port on loopback answers HTTP', async () => {
      const ref = `${repo}-web:1`;
      refs.push(ref);
      const dir = mkdtempSync(join(tmpdir(), 'porthole-img-web-'));
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM ${BUSYBOX_IMAGE}\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80", "-h", "/bin"]\n`,
      );
      oracle('build', '-q', '-t', ref, dir);
      rmSync(dir, { recursive: true, force: true });
      oracle('push', ref);
      oracle('rmi', ref);

      await images.reference.fill(ref);
      await images.pullAndRun.click();
      const dialog = page.getByRole('dialog', { name: 'Run a container' });
      await expect(dialog.getByLabel('Image', { exact: true })).toHaveValue(ref, {
        timeout: 60_000,
      });
      await expect(dialog.getByRole('textbox', { name: 'Host IP 1' })).toHaveValue('127.0.0.1');
      const name = await dialog.getByRole('textbox', { name: /Container name/ }).inputValue();
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
      const id = docker('ps', '-q', '--filter', `name=^${name}$`);
      expect(id).not.toBe('');
      const binding = docker('port', id, '80/tcp').split('\n')[0]!;
      expect(binding).toMatch(/^127\.0\.0\.1:\d+$/);
      const res = await fetch(`http://${binding}/busybox`, { signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(200);
      docker('rm', '-f', id);
    });
  });

  test('pushing without a login fails with AUTH_REQUIRED in the engine’s words', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    const images = new ImagesPage(page);
    const ref = `${suite.registry.address}/${uniqueName('nologin')}:1`;
    refs.push(ref);
    docker('tag', BUSYBOX_IMAGE, ref);
    await openApp(page, app);
    await images.open();
    await images.action('Push', ref).click();
    const alert = page.getByRole('alert').filter({ hasText: `Could not push ${ref}` });
    await expect(alert).toContainText('authentication required', { timeout: 30_000 });
    await expect(alert.getByRole('link', { name: 'Log in' })).toBeVisible();
  });

  /**
   * A pass-through proxy in front of the engine's socket that notes which connection carried
   * which request: it shows whether the app really hung up on the engine.
   */
  async function engineProxy(engineHost: string, socketPath: string) {
    const conns: { requests: string[]; closed: boolean }[] = [];
    const server = createNetServer((client) => {
      const conn = { requests: [] as string[], closed: false };
      conns.push(conn);
      const upstream = connect(engineHost.slice('unix://'.length));
      client.on('data', (d: Buffer) =>
        conn.requests.push(
          ...(d.toString('latin1').match(/^(?:GET|POST|DELETE|PUT|HEAD) \S+/gm) ?? []),
        ),
      );
      client.pipe(upstream).pipe(client);
      client.on('close', () => ((conn.closed = true), upstream.destroy()));
      upstream.on('close', () => client.destroy());
      client.on('error', () => undefined);
      upstream.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    return {
      host: `unix://${socketPath}`,
      conns,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  /**
   * A pass-through proxy in front of the registry that holds every layer download open: a pull
   * through it stays "downloading" until someone gives up, so cancelling is deterministic.
   */
  async function stallingProxy(target: string) {
    const stalled: { closed: boolean }[] = [];
    const server: Server = createServer((req, res) => {
      if (req.method === 'GET' && /\/blobs\/sha256:/.test(req.url ?? '')) {
        const held = { closed: false };
        stalled.push(held);
        res.on('close', () => (held.closed = true));
        return; // never answered
      }
      const [host, port] = target.split(':');
      const upstream = request(
        { host, port: Number(port), path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      address,
      stalled,
      close: () => {
        server.closeAllConnections();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  test('Cancel during a pull aborts it: the app hangs up on the engine, nothing is pulled', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    const { address, user, password } = suite.registry;
    const proxy = await stallingProxy(address);
    const engine = await engineProxy(suite.engine.host, join(configDir, 'engine.sock'));
    let watched: AppHandle | undefined;
    try {
      const cliEnv = logIn(address, user, password);
      // The image must have a layer the engine lacks, or nothing is downloaded at all.
      const dir = mkdtempSync(join(tmpdir(), 'porthole-img-cancel-'));
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM ${BUSYBOX_IMAGE}\nRUN echo ${uniqueName('x')} > /u\n`,
      );
      const direct = `${address}/${uniqueName('cancel')}:1`;
      cli(suite.engine, ['build', '-q', '-t', direct, dir], cliEnv);
      rmSync(dir, { recursive: true, force: true });
      cli(suite.engine, ['push', direct], cliEnv);
      cli(suite.engine, ['rmi', direct], cliEnv);
      // The same image, through the proxy (its own registry address, so its own login).
      const ref = direct.replace(address, proxy.address);
      refs.push(ref);
      const auth = Buffer.from(`${user}:${password}`).toString('base64');
      writeFileSync(
        join(configDir, 'docker', 'config.json'),
        JSON.stringify({ auths: { [address]: { auth }, [proxy.address]: { auth } } }),
      );
      // An app that reaches the engine through the watching proxy.
      watched = await startApp({
        dockerHost: engine.host,
        dataDir: join(configDir, 'watched-data'),
        logFile: join(configDir, 'watched.log'),
        env: { DOCKER_CONFIG: join(configDir, 'docker') },
      });

      const images = new ImagesPage(page);
      await openApp(page, watched);
      await images.open();
      await images.reference.fill(ref);
      await images.pull.click();
      await expect(images.progress(`Pulling ${ref}`)).toBeVisible();
      await expect.poll(() => proxy.stalled.length, { timeout: 30_000 }).toBeGreaterThan(0);
      const pulls = () =>
        engine.conns.filter((c) => c.requests.some((r) => r.startsWith('POST /images/create')));
      expect(pulls().length).toBe(1);
      expect(pulls()[0]!.closed).toBe(false);

      await page.getByRole('button', { name: `Cancel pull of ${ref}` }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
      await expect(images.progress(`Pulling ${ref}`)).toHaveCount(0);
      // The app hung up on the engine. (dockerd 20.10 itself keeps the registry download going
      // for a while, exactly as after Ctrl-C on `docker pull`.)
      await expect.poll(() => pulls()[0]!.closed, { timeout: 10_000 }).toBe(true);
      expect(() => docker('image', 'inspect', ref)).toThrow(/No such image/);
    } finally {
      if (watched) await stopApp(watched);
      await engine.close();
      await proxy.close();
    }
  });
});
