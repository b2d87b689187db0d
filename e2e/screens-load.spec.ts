import type { Page } from '@playwright/test';
import { openApp } from './harness/app';
import { expect, test } from './fixtures';

// Screens other than Containers are chunks fetched when first opened. Chromium aborts requests
// in flight when the machine's network changes (a container's veth is enough); a screen must
// not stay blank when its chunk did not arrive.
const SETTINGS_CHUNK = /\/assets\/SettingsScreen-[\w-]+\.js$/;

const openSettings = (app: Page) =>
  app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();

/** Cuts off the first `times` requests for the entry script; returns how many were made. */
async function abortEntryScript(page: Page, times: number): Promise<() => number> {
  let requests = 0;
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) =>
    requests++ < times ? route.abort('internetdisconnected') : route.continue(),
  );
  return () => requests;
}

test('a screen whose chunk was cut off the first time still opens', async ({ app }) => {
  let aborted = 0;
  await app.route(SETTINGS_CHUNK, (route) =>
    aborted++ === 0 ? route.abort('internetdisconnected') : route.continue(),
  );
  await openSettings(app);
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(aborted).toBeGreaterThanOrEqual(2);
});

test('a chunk that never arrives: the screen says so and Reload brings it back', async ({
  app,
}) => {
  await app.route(SETTINGS_CHUNK, (route) => route.abort('internetdisconnected'));
  await openSettings(app);
  const heading = app.getByRole('heading', { level: 1, name: 'This screen could not be shown' });
  // Three tries, one reload of the page, three tries again.
  await expect(heading).toBeVisible({ timeout: 15_000 });
  await expect(app.getByRole('alert')).toContainText('Reload the window to try again');
  // The rest of the app still works.
  await expect(app.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await app.unroute(SETTINGS_CHUNK);
  await app.getByRole('button', { name: 'Reload' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('the stylesheet cut off on the way in is fetched again: the window is styled', async ({
  page,
  suite,
}) => {
  let aborted = 0;
  await page.route(/\/assets\/[\w-]+\.css(\?.*)?$/, (route) =>
    aborted++ === 0 ? route.abort('internetdisconnected') : route.continue(),
  );
  await openApp(page, suite.app, '#/containers');
  await expect(page.getByRole('heading', { level: 1, name: 'Containers' })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--porthole-styles').trim(),
      ),
    )
    .toBe('1');
  expect(aborted).toBe(2);
});

test('the entry script cut off on the way in: the page loads again by itself, not left blank', async ({
  page,
  suite,
}) => {
  // Before, one aborted entry script left a blank window for good (CI saw it twice).
  const requests = await abortEntryScript(page, 1);
  await openApp(page, suite.app, '#/containers');
  await expect(page.getByRole('heading', { level: 1, name: 'Containers' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Connected');
  expect(requests()).toBe(2);
});

test('the entry script cut off three times running (a network change that lasts): it still loads', async ({
  page,
  suite,
}) => {
  // One reload was not enough in CI: the second load was cut off too, and the window gave up.
  const requests = await abortEntryScript(page, 3);
  await openApp(page, suite.app, '#/containers');
  await expect(page.getByRole('heading', { level: 1, name: 'Containers' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Connected');
  expect(requests()).toBe(4);
});

test('an entry script that never arrives: the window says what to do', async ({ page, suite }) => {
  await abortEntryScript(page, Infinity);
  await openApp(page, suite.app, '#/containers');
  await expect(page.getByRole('alert')).toHaveText(
    'Porthole could not load its scripts. Reload the window to try again.',
  );
});
