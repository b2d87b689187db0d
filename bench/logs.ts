// bench/logs: a container that printed 1,000,000 lines; time until the log window shows the last
// one (the whole log streamed through main, the router and the view) vs `docker logs ID >
// /dev/null`; the renderer's heap afterwards; the worst input delay while it streamed. Usage:
//   PORTHOLE_DIST_DIR=dist-x node scripts/build.mjs && node scripts/run-ts.mjs bench/logs.ts [LINES]
import { join } from 'node:path';
import { startApp, stopApp } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { DOCKER_CLI, waitFor } from '../e2e/harness/proc';
import { launchChromium, median, record, timeCli } from './common';
import { printProfile, type Profile } from './profile';

const LINES = Number(process.argv[2] ?? 1_000_000);
const RUNS = 3;

async function main() {
  const engine = newEngine('porthole-bench-');
  let app;
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const id = cli(engine, ['run', '-d', BUSYBOX_IMAGE, 'seq', '1', String(LINES)]);
    await waitFor(
      'seq to finish',
      () =>
        cli(engine, ['inspect', '-f', '{{.State.Status}}', id]) === 'exited' ? true : undefined,
      120_000,
    );
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);

    timeCli(DOCKER_CLI, ['-H', engine.host, 'logs', id]);
    const cliMs = median(
      Array.from({ length: RUNS }, () => timeCli(DOCKER_CLI, ['-H', engine.host, 'logs', id])),
    );

    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: process.env.BENCH_APP_LOG ?? join(engine.dir, 'app.log'),
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForFunction(() => !!localStorage.getItem('porthole.engine'), null, {
      timeout: 30_000,
    });
    const engineId = await page.evaluate(() => localStorage.getItem('porthole.engine')!);

    // Input delay probe: a timer that should fire every 10 ms; how late it fires is how long a
    // keystroke would wait. Plus the longest task the browser reports.
    await page.addInitScript(() => {
      const w = window as unknown as { __lag: number; __longest: number };
      w.__lag = 0;
      w.__longest = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__lag = Math.max(w.__lag, now - last - 10);
        last = now;
      }, 10);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });

    const appMs: number[] = [];
    let lag = 0;
    let longest = 0;
    let heapMb = 0;
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank');
      const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : undefined;
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.start');
      }
      await page.goto(`${app.origin}/#/logs/${engineId}/${id}/${LINES}`);
      const navMs = await page.evaluate(() => performance.timeOrigin);
      // Input delay counts from the first line on: app start-up is bench/list's business.
      await page.waitForFunction(() => !!document.querySelector('[role="log"] .log-line'), null, {
        timeout: 60_000,
        polling: 'raf',
      });
      await page.evaluate(() => {
        const w = window as unknown as { __lag: number; __longest: number };
        w.__lag = 0;
        w.__longest = 0;
      });
      await page.waitForFunction(
        (last) => {
          const lines = document.querySelectorAll('[role="log"] .log-line .log-text');
          return lines[lines.length - 1]?.textContent === last;
        },
        String(LINES),
        { timeout: 300_000, polling: 'raf' },
      );
      const doneAt = await page.evaluate(() => performance.timeOrigin + performance.now());
      if (profiler) printProfile((await profiler.send('Profiler.stop')) as unknown as Profile);
      appMs.push(doneAt - navMs);
      const probe = await page.evaluate(() => {
        const w = window as unknown as { __lag: number; __longest: number };
        return { lag: w.__lag, longest: w.__longest };
      });
      lag = Math.max(lag, probe.lag);
      longest = Math.max(longest, probe.longest);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heapMb = Math.max(heapMb, heap.usedSize / 1e6);
      await cdp.detach();
    }
    const ms = median(appMs);
    const result = {
      lines: LINES,
      engine: version,
      cli_docker_logs_ms: Math.round(cliMs),
      app_last_line_shown_ms: Math.round(ms),
      app_lines_per_s: Math.round(LINES / (ms / 1000)),
      throughput_vs_cli: +(cliMs / ms).toFixed(2),
      renderer_heap_after_mb: Math.round(heapMb),
      worst_timer_lag_ms: Math.round(lag),
      longest_task_ms: Math.round(longest),
    };
    console.log(JSON.stringify(result, null, 2));
    record('logs', result);
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
