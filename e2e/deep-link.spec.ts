import type { Page } from '@playwright/test';
import { BUSYBOX_IMAGE } from './harness/engine';
import { openApp } from './harness/app';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

/** What the page asks main to do that would pull, create or run anything. */
const ACTING = /"name":"(containers\.(checkRun|run|create|recreate|start)|images\.pull)"/;

/** Every text frame the page sends on its WebSocket, from before it loads. */
function recordFrames(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => typeof f.payload === 'string' && sent.push(f.payload)),
  );
  return sent;
}

test('#/run?image=… opens “Run a container” prefilled; nothing is created until Run', async ({
  page,
  suite,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('link');
  const sent = recordFrames(page);
  const link = `#/run?image=${encodeURIComponent(BUSYBOX_IMAGE)}&port=${encodeURIComponent('127.0.0.1::80')}`;
  await openApp(page, suite.app, link);
  const dialog = page.getByRole('dialog', { name: 'Run a container' });

  await test.step('the form holds what the link gave, and nothing was sent', async () => {
    await expect(dialog.getByRole('combobox', { name: 'Image' })).toHaveValue(BUSYBOX_IMAGE);
    await expect(dialog.getByRole('textbox', { name: 'Host IP 1' })).toHaveValue('127.0.0.1');
    await expect(dialog.getByRole('textbox', { name: 'Container port 1' })).toHaveValue('80');
    await expect(page.getByRole('table', { name: 'Containers' })).toBeVisible();
    await page.screenshot({ path: '/tmp/h17-deep-link-run.png' });
    await dialog.getByRole('textbox', { name: 'Container name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Command' }).fill('sleep 600');
    expect(docker('ps', '-aq', '--filter', `name=${name}`)).toBe('');
    expect(sent.filter((f) => ACTING.test(f))).toEqual([]);
  });

  await test.step('Run creates it, as the CLI sees', async () => {
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(new ContainersPage(page).row(name)).toContainText('running');
    expect(docker('inspect', '-f', '{{.Config.Image}}', name)).toBe(BUSYBOX_IMAGE);
    expect(JSON.parse(docker('inspect', '-f', '{{json .HostConfig.PortBindings}}', name))).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
    });
    expect(page.url()).toMatch(/#\/containers$/);
  });
});

test('Cancel on a deep-linked form creates nothing', async ({ page, suite }) => {
  const sent = recordFrames(page);
  await openApp(page, suite.app, `#/run?image=${encodeURIComponent(BUSYBOX_IMAGE)}`);
  const dialog = page.getByRole('dialog', { name: 'Run a container' });
  await expect(dialog.getByRole('combobox', { name: 'Image' })).toHaveValue(BUSYBOX_IMAGE);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Containers' })).toBeVisible();
  expect(sent.filter((f) => ACTING.test(f))).toEqual([]);
});

const HOSTILE: [what: string, query: string, message: RegExp][] = [
  ['a “;”', `image=${encodeURIComponent('busybox;rm -rf /')}`, /contains “;”/],
  ['a newline', 'image=busybox%0Aid', /line break/],
  ['a URL', `image=${encodeURIComponent('https://evil.example/x.sh')}`, /is a web address/],
  ['10 KB', `image=${'a'.repeat(10 * 1024)}`, /too long \(10,246 characters/],
  ['an unknown parameter', 'image=busybox&cmd=sh', /does not know: “cmd”/],
  ['a bad port', 'image=busybox&port=80%3Bid', /port “80;id”/],
];

for (const [what, query, message] of HOSTILE) {
  test(`a run link with ${what} says what is wrong and sends nothing`, async ({ page, suite }) => {
    const sent = recordFrames(page);
    await openApp(page, suite.app, `#/run?${query}`);
    const dialog = page.getByRole('dialog', { name: 'Cannot open this link' });
    await expect(dialog.getByRole('alert')).toHaveText(message);
    await expect(dialog).toContainText('Nothing was pulled, created or run.');
    await expect(page.getByRole('dialog', { name: 'Run a container' })).toHaveCount(0);
    if (what === 'a “;”') await page.screenshot({ path: '/tmp/h17-deep-link-hostile.png' });
    // The page is otherwise working (its lists were fetched) and asked for nothing else.
    await expect(page.getByRole('table', { name: 'Containers' })).toBeVisible();
    expect(sent.filter((f) => ACTING.test(f))).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    expect(page.url()).toMatch(/#\/containers$/);
  });
}
