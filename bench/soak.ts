// bench/soak: a long, bounded session under load — 20 log windows following busy containers,
// 10 shells running a loop, and the Containers screen with live stats on 50 containers — against
// a private engine. Reports main's RSS and the renderers' JS heaps at the start and at the end
// (growth), and the count of main's open sockets before, during and after (after closing
// everything it must be back to the baseline). Usage:
//   node scripts/build.mjs && node scripts/run-ts.mjs bench/soak.ts [SECONDS=600]
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { openApp, startApp, stopApp } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { sleep } from '../e2e/harness/proc';
import { launchChromium, record } from './common';

const SECONDS = Math.min(3600, Number(process.argv[2] ?? 600));
const LOGS = 20;
const SHELLS = 10;
const CONTAINERS = 50;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** Sockets main holds open: engine connections (HTTP to the socket) and WebSockets. */
const sockets = (pid: number) =>
  readdirSync(`/proc/${pid}/fd`).filter((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;

async function heapMb(pages: Page[]): Promise<number> {
  let total = 0;
  for (const page of pages) {
    const cdp = await page.context().newCDPSession(page);
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    total += usedSize;
  }
  return +(total / 1024 / 1024).toFixed(1);
}

async function main() {
  const engine = newEngine('porthole-bench-soak-');
  let app;
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    const ids: string[] = [];
    for (let i = 0; i < CONTAINERS; i++) {
      // The first LOGS print a line every 20 ms; the rest idle.
      const busy = i < LOGS;
      const c = await docker.createContainer({
        Image: BUSYBOX_IMAGE,
        name: `soak-${String(i).padStart(2, '0')}`,
        Tty: i >= LOGS && i < LOGS + SHELLS,
        OpenStdin: true,
        Cmd: busy
          ? ['sh', '-c', 'i=0; while true; do echo "line $i $(date)"; i=$((i+1)); sleep 0.02; done']
          : ['sleep', '36000'],
      });
      await c.start();
      ids.push(c.id);
    }
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const main = await context.newPage();
    await openApp(main, app, '#/dashboard');
    await sleep(3000);
    const baselineSockets = sockets(app.pid);

    await openApp(main, app, '#/containers');
    const windows: Page[] = [];
    for (let i = 0; i < LOGS; i++) {
      const p = await context.newPage();
      await openApp(p, app, `#/logs/env/${ids[i]}`);
      windows.push(p);
    }
    for (let i = LOGS; i < LOGS + SHELLS; i++) {
      const p = await context.newPage();
      await openApp(p, app, `#/shell/env/${ids[i]}`);
      await p
        .getByRole('status')
        .filter({ hasText: /Connected|connected/ })
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => undefined);
      await p.keyboard.type('while true; do date; sleep 1; done\n');
      windows.push(p);
    }
    await sleep(20_000); // warm up: tails loaded, shells printing
    const start = {
      rss: rssMb(app.pid),
      heap: await heapMb([main, ...windows]),
      sockets: sockets(app.pid),
    };
    const t0 = Date.now();
    const samples: { t: number; rss: number }[] = [];
    while (Date.now() - t0 < SECONDS * 1000) {
      await sleep(Math.min(30_000, SECONDS * 1000 - (Date.now() - t0)));
      samples.push({ t: Math.round((Date.now() - t0) / 1000), rss: +rssMb(app.pid).toFixed(1) });
    }
    const end = {
      rss: rssMb(app.pid),
      heap: await heapMb([main, ...windows]),
      sockets: sockets(app.pid),
    };
    for (const p of windows) await p.close();
    await openApp(main, app, '#/dashboard');
    await sleep(5000);
    const after = sockets(app.pid);
    const result = {
      seconds: SECONDS,
      logs: LOGS,
      shells: SHELLS,
      containers: CONTAINERS,
      main_rss_mb: { start: +start.rss.toFixed(1), end: +end.rss.toFixed(1) },
      main_rss_growth_pct: +(((end.rss - start.rss) / start.rss) * 100).toFixed(1),
      renderer_heap_mb: { start: start.heap, end: end.heap },
      renderer_heap_growth_pct: +(((end.heap - start.heap) / start.heap) * 100).toFixed(1),
      main_sockets: { baseline: baselineSockets, under_load: end.sockets, after_close: after },
      rss_samples: samples,
    };
    console.log(JSON.stringify(result, null, 2));
    record('soak', result);
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
