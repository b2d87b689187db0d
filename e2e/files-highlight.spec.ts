import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_IMAGE } from './harness/engine';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { FilesPage } from './pages/files';
import type { SuiteState } from './harness/state';

// Syntax highlighting in the Files tab's text preview, over files the CLI put in a container.

async function engineIdOf(suite: SuiteState): Promise<string> {
  const client = await connectClient(suite.app);
  try {
    return ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
  } finally {
    client.close();
  }
}

const CONFIG = '{\n  "name": "web",\n  "port": 8080,\n  "debug": true\n}\n';
const SCRIPT = '#!/bin/sh\nset -eu\n# start the app\nexec /app/run --port "$PORT"\n';
const INJECT = '<img src=x onerror=alert(1)>\n<script>alert(2)</script>\n';
/** Just under the highlight limit (256 KiB): the timing the report quotes. */
const jsonOf = (bytes: number) => {
  const row = '  {"id": 12345, "name": "item", "tags": ["a", "b"], "on": false},\n';
  const body = row.repeat(Math.floor((bytes - 4) / row.length));
  return `[\n${body.slice(0, -2)}\n]\n`;
};

test('text preview: highlighted by file name and shebang, the exact text, never markup; large files plain', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('highlight');
  docker(
    'run',
    '-d',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'mkdir -p /etc/app && exec sleep 3600',
  );
  const id = docker('inspect', '-f', '{{.Id}}', name);
  const dir = mkdtempSync(join(tmpdir(), 'porthole-highlight-'));
  const near = jsonOf(250 * 1024);
  try {
    writeFileSync(join(dir, 'config.json'), CONFIG);
    writeFileSync(join(dir, 'start'), SCRIPT);
    writeFileSync(join(dir, 'inject.html'), INJECT);
    writeFileSync(join(dir, 'near.json'), near);
    writeFileSync(join(dir, 'big.json'), jsonOf(300 * 1024));
    docker('cp', join(dir, 'config.json'), `${name}:/etc/app/config.json`);
    docker('cp', join(dir, 'start'), `${name}:/etc/app/start`);
    docker('cp', join(dir, 'inject.html'), `${name}:/etc/app/inject.html`);
    docker('cp', join(dir, 'near.json'), `${name}:/etc/app/near.json`);
    docker('cp', join(dir, 'big.json'), `${name}:/etc/app/big.json`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const dialogs: string[] = [];
  app.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const files = new FilesPage(app, name);
  await files.open(await engineIdOf(suite), id);
  await files.expand('/etc/app');
  const text = (path: string) =>
    app.getByRole('region', { name: `Preview of ${path}` }).locator('pre');

  await test.step('config.json: JSON tokens, the exact text', async () => {
    await files.select('/etc/app/config.json');
    const pre = text('/etc/app/config.json');
    await expect(pre).toHaveAttribute('data-language', 'json');
    await expect(pre.locator('.hljs-attr').first()).toHaveText('"name"');
    await expect(pre.locator('.hljs-string').first()).toHaveText('"web"');
    await expect(pre.locator('.hljs-number')).toHaveText('8080');
    await expect(pre.locator('.hljs-literal')).toHaveText('true');
    expect(await pre.textContent()).toBe(CONFIG);
  });

  await test.step('a script without an extension: bash, from its shebang', async () => {
    await files.select('/etc/app/start');
    const pre = text('/etc/app/start');
    await expect(pre).toHaveAttribute('data-language', 'bash');
    await expect(pre.locator('.hljs-built_in', { hasText: 'set' })).toHaveCount(1);
    await expect(pre.locator('.hljs-comment')).toHaveText('# start the app');
    await expect(pre.locator('.hljs-string')).toHaveText('"$PORT"');
    await expect(pre.locator('.hljs-string .hljs-variable')).toHaveText('$PORT');
    expect(await pre.textContent()).toBe(SCRIPT);
  });

  await test.step('HTML in a file is shown as text: no element, no script runs', async () => {
    await files.select('/etc/app/inject.html');
    const pre = text('/etc/app/inject.html');
    await expect(pre).toHaveAttribute('data-language', 'xml');
    await expect(pre.locator('.hljs-tag').first()).toContainText('<img');
    expect(await pre.textContent()).toBe(INJECT);
    await expect(pre.locator('img, script')).toHaveCount(0);
    expect(await app.locator('img[src="x"]').count()).toBe(0);
  });

  await test.step('250 KiB of JSON is highlighted (timings recorded, not asserted)', async () => {
    await app.evaluate(() => {
      performance.clearMeasures();
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    const started = Date.now();
    await files.select('/etc/app/near.json');
    // Waited for in the page: Playwright's role locators walk every one of the ~100k spans on
    // each poll (a CPU profile showed them, not the app, making the long tasks).
    await app.waitForFunction(
      () => document.querySelector('pre[aria-label="Text of /etc/app/near.json"][data-language]'),
      undefined,
      { polling: 100, timeout: 90_000 },
    );
    const shownMs = Date.now() - started;
    const pre = app.locator('pre[aria-label="Text of /etc/app/near.json"]');
    const m = await app.evaluate(() => ({
      tokenise: performance.getEntriesByName('porthole.highlight.tokenise')[0]?.duration ?? -1,
      render: performance.getEntriesByName('porthole.highlight.render')[0]?.duration ?? -1,
      longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    }));
    expect(await pre.getAttribute('data-language')).toBe('json');
    expect(await pre.textContent()).toBe(near);
    const line = `highlight 250 KiB JSON: worker tokenise ${m.tokenise.toFixed(0)} ms, render ${m.render.toFixed(0)} ms, click → done ${shownMs} ms, long tasks ${JSON.stringify(m.longTasks)} ms`;
    test.info().annotations.push({ type: 'highlight-250KiB', description: line });
    console.log(line);
  });

  await test.step('over the limit: plain text, with the note', async () => {
    await files.select('/etc/app/big.json');
    const region = app.getByRole('region', { name: 'Preview of /etc/app/big.json' });
    await expect(region.getByRole('note')).toHaveText(
      /^Showing the first 262 kB of 30\d kB as plain text: highlighting stops at 262 kB\.$/,
    );
    await expect(region.locator('pre')).not.toHaveAttribute('data-language');
    await expect(region.locator('pre span')).toHaveCount(0);
  });

  await test.step('screenshots, light and dark', async () => {
    await files.select('/etc/app/start');
    await expect(text('/etc/app/start')).toHaveAttribute('data-language', 'bash');
    const region = app.getByRole('region', { name: 'Preview of /etc/app/start' });
    await app.emulateMedia({ colorScheme: 'light' });
    await region.screenshot({ path: test.info().outputPath('highlight-light.png') });
    await files.select('/etc/app/config.json');
    await expect(text('/etc/app/config.json')).toHaveAttribute('data-language', 'json');
    await app.screenshot({ path: test.info().outputPath('highlight-light-page.png') });
    await app.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot({ path: test.info().outputPath('highlight-dark-page.png') });
    await files.select('/etc/app/start');
    await expect(text('/etc/app/start')).toHaveAttribute('data-language', 'bash');
    await region.screenshot({ path: test.info().outputPath('highlight-dark.png') });
  });
  expect(dialogs).toEqual([]);
});
