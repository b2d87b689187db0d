import { readFileSync, existsSync } from 'node:fs';
import { openApp } from './harness/app';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { DOCKER_CLI, run } from './harness/proc';
import { expect, test } from './fixtures';
import { RegistriesPage } from './pages/registries';
import {
  appLogs,
  filesContaining,
  helperList,
  HELPER,
  registryTags,
  seedPrivateImage,
  startWorld,
  transfer,
  type LoginWorld,
} from './registries-support';

test.describe('registry logins', () => {
  let world: LoginWorld | undefined;
  const images: string[] = [];

  test.afterEach(async ({ docker }) => {
    for (const ref of images.splice(0)) {
      try {
        docker('rmi', '-f', ref);
      } catch {
        /* never pulled */
      }
    }
    await world?.dispose();
    world = undefined;
  });

  /** Nothing holding the password in the app's data dir, its log, or the docker config dir. */
  const expectNoPasswordWritten = (w: LoginWorld, password: string) => {
    expect(filesContaining(w.dataDir, password)).toEqual([]);
    expect(filesContaining(w.dockerConfig, password)).toEqual([]);
    const logs = appLogs(w);
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) expect(readFileSync(log, 'utf8'), log).not.toContain(password);
  };

  test('with a credential helper: wrong password refused, right one shared with the CLI and used for pull and push; log out → AUTH_REQUIRED', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    test.setTimeout(180_000);
    const w = (world = await startWorld(suite, { helper: true }));
    const { address, user, password } = suite.registry;
    const privateRef = `${address}/${uniqueName('private')}:1`;
    images.push(privateRef);
    seedPrivateImage(suite, privateRef);
    const configBefore = readFileSync(join(w.dockerConfig, 'config.json'), 'utf8');

    await openApp(page, w.app);
    const reg = new RegistriesPage(page);
    await reg.open();
    await expect(page.getByText(`docker-credential-${HELPER}`)).toBeVisible();

    await test.step('wrong password → "incorrect username or password" at the field, nothing stored', async () => {
      await reg.login(address, user, `${password}-wrong`);
      await expect(reg.password).toHaveAttribute('aria-invalid', 'true');
      await expect(reg.dialog).toContainText('incorrect username or password');
      await expect(reg.password).toHaveAccessibleDescription(/incorrect username or password/);
      await page.screenshot({ path: test.info().outputPath('login-wrong-password.png') });
      expect(existsSync(w.credStore), 'the helper was never asked to store').toBe(false);
      expect(readFileSync(join(w.dockerConfig, 'config.json'), 'utf8')).toBe(configBefore);
      await page.keyboard.press('Escape');
      await expect(reg.dialog).toBeHidden();
      await expect(reg.logIn).toBeFocused();
      await expect(reg.row(address)).toHaveCount(0);
    });

    await test.step("right password → listed as the helper's, and the docker CLI sees the same login", async () => {
      await reg.login(address, user, password);
      await expect(reg.dialog).toBeHidden();
      await expect(reg.row(address)).toContainText(user);
      await expect(reg.row(address)).toContainText(`credential helper ${HELPER}`);
      await page.screenshot({ path: test.info().outputPath('listed-helper.png') });
      expect(helperList(w)).toEqual({ [address]: user });
      // The CLI, configured with the same credsStore, pulls the private image with it.
      w.cli('pull', privateRef);
      w.cli('rmi', privateRef);
    });

    await test.step('the app pulls the private image and pushes a new one with the login', async () => {
      expect(await transfer(w, 'images.pull', privateRef)).toBeUndefined();
      expect(docker('image', 'inspect', '-f', '{{.Id}}', privateRef)).toBe(
        docker('image', 'inspect', '-f', '{{.Id}}', BUSYBOX_IMAGE),
      );
      const repo = uniqueName('pushed');
      const pushRef = `${address}/${repo}:2`;
      images.push(pushRef);
      docker('tag', BUSYBOX_IMAGE, pushRef);
      expect(await registryTags(suite, repo)).toEqual([]);
      expect(await transfer(w, 'images.push', pushRef)).toBeUndefined();
      expect(await registryTags(suite, repo)).toEqual(['2']);
    });

    await test.step('the password is in no file the app or the CLI config wrote, nor in the log', () => {
      expectNoPasswordWritten(w, password);
    });

    await test.step('log out → gone from the helper; the CLI and the app get AUTH_REQUIRED', async () => {
      docker('rmi', privateRef);
      await reg.logOut(address).click();
      const dialog = reg.logoutDialog(address);
      await expect(dialog).toContainText(`credential helper ${HELPER}`);
      await dialog.getByRole('button', { name: 'Log out' }).click();
      await expect(reg.row(address)).toHaveCount(0);
      expect(helperList(w)).toEqual({});
      expect(() => w.cli('pull', privateRef)).toThrow(/no basic auth credentials|unauthorized/);
      const error = await transfer(w, 'images.pull', privateRef);
      expect(error?.code).toBe('AUTH_REQUIRED');
    });

    await test.step("a `docker login` stored by the same helper is listed as the helper's", async () => {
      run(DOCKER_CLI, ['-H', suite.engine.host, 'login', '-u', user, '--password-stdin', address], {
        env: w.env,
        input: password,
      });
      expect(helperList(w)).toEqual({ [address]: user });
      await page.reload();
      await expect(reg.row(address)).toContainText(`credential helper ${HELPER}`);
      expectNoPasswordWritten(w, password);
    });
  });

  test('a login made with `docker login` is listed and used; log out offers to remove it from config.json', async ({
    page,
    suite,
    docker,
    uniqueName,
  }) => {
    test.setTimeout(180_000);
    const w = (world = await startWorld(suite, { helper: false }));
    const { address, user, password } = suite.registry;
    const privateRef = `${address}/${uniqueName('cli')}:1`;
    images.push(privateRef);
    seedPrivateImage(suite, privateRef);
    run(DOCKER_CLI, ['-H', suite.engine.host, 'login', '-u', user, '--password-stdin', address], {
      env: w.env,
      input: password,
    });

    await openApp(page, w.app);
    const reg = new RegistriesPage(page);
    await reg.open();
    await expect(reg.row(address)).toContainText(user);
    await expect(reg.row(address)).toContainText('docker config.json');

    expect(await transfer(w, 'images.pull', privateRef)).toBeUndefined();
    docker('rmi', privateRef);
    expectNoPasswordWritten(w, password);

    await reg.logOut(address).click();
    const dialog = reg.logoutDialog(address);
    const alsoConfig = dialog.getByRole('checkbox', {
      name: /Also remove the login the docker CLI wrote/,
    });
    await expect(alsoConfig).toBeChecked();
    await page.screenshot({ path: test.info().outputPath('logout-config.png') });
    await dialog.getByRole('button', { name: 'Log out' }).click();
    await expect(reg.row(address)).toHaveCount(0);
    const config = JSON.parse(readFileSync(join(w.dockerConfig, 'config.json'), 'utf8')) as {
      auths?: Record<string, unknown>;
    };
    expect(Object.keys(config.auths ?? {})).not.toContain(address);
    expect(() => w.cli('pull', privateRef)).toThrow(/no basic auth credentials|unauthorized/);
    expect((await transfer(w, 'images.pull', privateRef))?.code).toBe('AUTH_REQUIRED');
  });

  test('web mode without a helper: the login is kept in memory for this run only, says so, and is never written', async ({
    page,
    suite,
    uniqueName,
  }) => {
    test.setTimeout(180_000);
    const w = (world = await startWorld(suite, { helper: false }));
    const { address, user, password } = suite.registry;
    const privateRef = `${address}/${uniqueName('mem')}:1`;
    images.push(privateRef);
    seedPrivateImage(suite, privateRef);

    // A pull that needed a login links here with the registry: the dialog opens prefilled.
    await openApp(page, w.app);
    const reg = new RegistriesPage(page);
    await reg.open();
    await page.evaluate(
      (a) => (location.hash = `#/registries/login/${encodeURIComponent(a)}`),
      address,
    );
    await expect(reg.dialog).toBeVisible();
    await expect(reg.registry).toHaveValue(address);
    await expect(reg.dialog).toContainText('kept in memory for this run only');

    await reg.registry.fill('not a registry!');
    await reg.username.fill(user);
    await reg.password.fill(password);
    await reg.dialog.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(reg.registry).toHaveAccessibleDescription(/is not a registry address/);

    await reg.registry.fill(address);
    await reg.password.fill(`${password}-wrong`);
    await reg.dialog.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(reg.password).toHaveAccessibleDescription(/incorrect username or password/);
    await page.screenshot({ path: test.info().outputPath('login-memory.png') });
    await reg.password.fill(password);
    await reg.dialog.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(reg.dialog).toBeHidden();
    await expect(page.getByRole('main')).toContainText('kept in memory for this run only');
    await expect(reg.row(address)).toContainText('Porthole (this run only)');
    await expect(reg.table.getByRole('row')).toHaveCount(2); // the header and this login
    await page.screenshot({ path: test.info().outputPath('listed-memory.png') });

    expect(await transfer(w, 'images.pull', privateRef)).toBeUndefined();

    // Several registries at once: the same registry under a second name is a second login.
    const port = address.split(':')[1]!;
    const second = `localhost:${port}`;
    await reg.login(second, user, password);
    await expect(reg.dialog).toBeHidden();
    await expect(reg.table.getByRole('row')).toHaveCount(3);
    await expect(reg.row(second)).toContainText('Porthole (this run only)');
    const viaSecond = privateRef.replace(address, second);
    images.push(viaSecond);
    expect(await transfer(w, 'images.pull', viaSecond)).toBeUndefined();

    expectNoPasswordWritten(w, password);
    expect(existsSync(join(w.dataDir, 'registry-logins.json'))).toBe(false);

    await w.restart();
    await openApp(page, w.app);
    await reg.open();
    await expect(reg.row(address)).toHaveCount(0);
    await expect(page.getByText('Not logged in to any registry.')).toBeVisible();
  });
});
