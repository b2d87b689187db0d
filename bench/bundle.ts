// bench/bundle: the JavaScript the first screen (Containers) loads, gzip-compressed as a server
// would send it, and what later screens fetch on demand. #19's goal: first screen ≤ 250 KB gzip.
// Measured in Chromium from the page's own resource list, not from the build's file list, so a
// chunk pulled in by accident counts. Usage: node scripts/run-ts.mjs bench/bundle.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { openApp, startApp, stopApp } from '../e2e/harness/app';
import { destroyEngine, importBusybox, newEngine, startDockerd } from '../e2e/harness/engine';
import { launchChromium, record } from './common';

const DIST = join(process.cwd(), process.env.PORTHOLE_DIST_DIR ?? 'dist', 'renderer');
const GOAL_KB = 250;

/** The .js files this page has fetched so far, by path under the renderer's folder. */
const scriptsLoaded = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js')),
  );

const gzipKb = (paths: string[]) =>
  paths.reduce((kb, p) => kb + gzipSync(readFileSync(join(DIST, p)), { level: 9 }).length, 0) /
  1024;

async function main() {
  const engine = newEngine('porthole-bench-');
  const browser = await launchChromium();
  let app;
  try {
    await startDockerd(engine);
    importBusybox(engine);
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const page = await (await browser.newContext()).newPage();
    await openApp(page, app, '#/containers');
    await page.getByRole('heading', { level: 1, name: 'Containers' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    const first = await scriptsLoaded(page);
    const later: Record<string, number> = {};
    for (const screen of ['Images', 'Compose', 'Swarm', 'Settings']) {
      const before = new Set(await scriptsLoaded(page));
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: screen })
        .click();
      await page.getByRole('heading', { level: 1, name: screen }).waitFor();
      later[screen] = +gzipKb((await scriptsLoaded(page)).filter((p) => !before.has(p))).toFixed(1);
    }
    const firstKb = +gzipKb(first).toFixed(1);
    const result = {
      first_screen_js_files: first.length,
      first_screen_js_gzip_kb: firstKb,
      goal_kb: GOAL_KB,
      met: firstKb <= GOAL_KB,
      on_demand_gzip_kb: later,
    };
    console.log(JSON.stringify(result, null, 2));
    record('bundle', result);
  } finally {
    await browser.close();
    if (app) await stopApp(app);
    await destroyEngine(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
