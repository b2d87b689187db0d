// bench/logs: (1) a container that printed 1,000,000 lines: time until the log window shows the
// last one (the whole log streamed through main, the router and the view: #/logs/…/all) vs
// `docker logs ID > /dev/null`, and the same with a 1,000,000-line tail (…/1000000) vs `docker
// logs --tail 1000000`, each pair run back to back in every round so both see the same machine;
// the renderer's heap afterwards; the worst input delay while it streamed.
// (2) a container that printed one 32 MB line, then "after": time until the window shows the
// line (cut, marked with its size) and "after" vs `docker logs` of the same container — one long
// line must cost linear time, like the CLI. Same engine, same run. Usage:
//   PORTHOLE_DIST_DIR=dist-x node scripts/build.mjs && node scripts/run-ts.mjs bench/logs.ts [LINES]
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, startApp, stopApp } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
  type EngineHandle,
} from '../e2e/harness/engine';
import { DOCKER_CLI, waitFor } from '../e2e/harness/proc';
import { defaultEngineId, launchChromium, median, record, timeCli } from './common';
import { printProfile, type Profile } from './profile';

const LINES = Number(process.argv[2] ?? 1_000_000);
const RUNS = 3;
/** The long line: 32 MiB of "a", then a short one. The offline image links no `tr` applet. */
const LONG_BYTES = 32 * 1024 * 1024;
const LONG_CMD = `head -c ${LONG_BYTES} /dev/zero | busybox tr "\\0" a; echo; echo after`;
/** Enough "lines" for the whole long line: the engine stores it as 2,048 messages of 16 KiB. */
const LONG_TAIL = 10_000;

interface Probe {
  lag: number;
  longest: number;
}

/** A container that ran `cmd` to the end; its id. */
async function finished(engine: EngineHandle, cmd: string[]): Promise<string> {
  const id = cli(engine, ['run', '-d', BUSYBOX_IMAGE, ...cmd]);
  await waitFor(
    `${cmd.join(' ')} to finish`,
    () => (cli(engine, ['inspect', '-f', '{{.State.Status}}', id]) === 'exited' ? true : undefined),
    120_000,
  );
  return id;
}

/** Wall time of one `docker logs [FLAGS] ID > /dev/null`. */
function cliOnce(engine: EngineHandle, id: string, ...flags: string[]): number {
  return timeCli(DOCKER_CLI, ['-H', engine.host, 'logs', ...flags, id]);
}

/** Median wall time of `docker logs [-t] ID > /dev/null` (after one warm-up run). */
function cliMs(engine: EngineHandle, id: string, ...flags: string[]): number {
  cliOnce(engine, id, ...flags);
  return median(Array.from({ length: RUNS }, () => cliOnce(engine, id, ...flags)));
}

async function resetProbe(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __lag: number; __longest: number };
    w.__lag = 0;
    w.__longest = 0;
  });
}

async function readProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const w = window as unknown as { __lag: number; __longest: number };
    return { lag: w.__lag, longest: w.__longest };
  });
}

/** Opens `url` and waits (polling per frame) until `done(arg)` holds; ms from navigation. */
async function timeView(
  page: Page,
  url: string,
  done: (arg: string) => boolean,
  arg: string,
): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  const navMs = await page.evaluate(() => performance.timeOrigin);
  await page.waitForFunction(() => !!document.querySelector('[role="log"] .log-line'), null, {
    timeout: 120_000,
    polling: 'raf',
  });
  // Input delay counts from the first line on: app start-up is bench/list's business.
  await resetProbe(page);
  await page.waitForFunction(done, arg, { timeout: 300_000, polling: 'raf' });
  const doneAt = await page.evaluate(() => performance.timeOrigin + performance.now());
  return doneAt - navMs;
}

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return heap.usedSize / 1e6;
}

async function main() {
  const engine = newEngine('porthole-bench-');
  let app;
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const id = await finished(engine, ['seq', '1', String(LINES)]);
    const longId = await finished(engine, ['sh', '-c', LONG_CMD]);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);
    // A view that shows times asks for them: the engine's own cost of stamping, for reference.
    const linesCliTMs = cliMs(engine, id, '-t');
    const longCliMs = cliMs(engine, longId);

    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: process.env.BENCH_APP_LOG ?? join(engine.dir, 'app.log'),
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await openApp(page, app);
    const engineId = await defaultEngineId(app);

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

    const worst: Probe = { lag: 0, longest: 0 };
    const note = (p: Probe) => {
      worst.lag = Math.max(worst.lag, p.lag);
      worst.longest = Math.max(worst.longest, p.longest);
    };

    let heap = 0;
    const origin = app.origin;
    const lastLineShown = (last: string) => {
      const lines = document.querySelectorAll('[role="log"] .log-line .log-text');
      return lines[lines.length - 1]?.textContent === last;
    };
    const viewMs = async (tail: string) => {
      const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : undefined;
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.start');
      }
      const ms = await timeView(
        page,
        `${origin}/#/logs/${engineId}/${id}/${tail}`,
        lastLineShown,
        String(LINES),
      );
      if (profiler) printProfile((await profiler.send('Profiler.stop')) as unknown as Profile);
      note(await readProbe(page));
      heap = Math.max(heap, await heapMb(context, page));
      return ms;
    };
    const cliAll: number[] = [];
    const appAll: number[] = [];
    const cliTail: number[] = [];
    const appTail: number[] = [];
    cliOnce(engine, id); // warm-up: the log file into the page cache
    for (let i = 0; i < RUNS; i++) {
      cliAll.push(cliOnce(engine, id));
      appAll.push(await viewMs('all'));
      cliTail.push(cliOnce(engine, id, '--tail', String(LINES)));
      appTail.push(await viewMs(String(LINES)));
    }

    const longMs: number[] = [];
    const longProbe: Probe = { lag: 0, longest: 0 };
    for (let i = 0; i < RUNS; i++) {
      longMs.push(
        await timeView(
          page,
          `${app.origin}/#/logs/${engineId}/${longId}/${LONG_TAIL}`,
          (size) => {
            const lines = document.querySelectorAll('[role="log"] .log-line');
            return (
              lines.length === 2 &&
              lines[1]!.textContent === 'after' &&
              !!lines[0]!.querySelector('.log-cut')?.textContent?.includes(size)
            );
          },
          `${(LONG_BYTES / 1e6).toFixed(1)} MB`,
        ),
      );
      const p = await readProbe(page);
      longProbe.lag = Math.max(longProbe.lag, p.lag);
      longProbe.longest = Math.max(longProbe.longest, p.longest);
    }

    const linesCliMs = median(cliAll);
    const ms = median(appAll);
    const tailCliMs = median(cliTail);
    const tailMs = median(appTail);
    const long = median(longMs);
    const result = {
      lines: LINES,
      engine: version,
      cli_docker_logs_ms: Math.round(linesCliMs),
      app_last_line_shown_ms: Math.round(ms),
      app_lines_per_s: Math.round(LINES / (ms / 1000)),
      throughput_vs_cli: +(linesCliMs / ms).toFixed(2),
      cli_docker_logs_tail_ms: Math.round(tailCliMs),
      app_tail_last_line_shown_ms: Math.round(tailMs),
      tail_throughput_vs_cli: +(tailCliMs / tailMs).toFixed(2),
      cli_docker_logs_t_ms: Math.round(linesCliTMs),
      throughput_vs_cli_t: +(linesCliTMs / ms).toFixed(2),
      renderer_heap_after_mb: Math.round(heap),
      worst_timer_lag_ms: Math.round(worst.lag),
      longest_task_ms: Math.round(worst.longest),
      long_line_bytes: LONG_BYTES,
      long_line_cli_docker_logs_ms: Math.round(longCliMs),
      long_line_app_shown_ms: Math.round(long),
      long_line_app_vs_cli: +(longCliMs / long).toFixed(2),
      long_line_worst_timer_lag_ms: Math.round(longProbe.lag),
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
