// bench/stats: 50 running containers with their live stats on screen. Measures the renderer's
// frame time (requestAnimationFrame deltas) and the web-mode main process's CPU, with the stats
// visible and, as a baseline, with the Containers screen closed; and compares main's CPU with the
// docker CLI streaming the same stats (`docker stats`). Usage:
//   node scripts/build.mjs && node scripts/run-ts.mjs bench/stats.ts [COUNT] [SECONDS]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { startApp, stopApp, openApp } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { DOCKER_CLI, sleep } from '../e2e/harness/proc';
import { launchChromium, percentile, record } from './common';

const COUNT = Number(process.argv[2] ?? 50);
const SECONDS = Number(process.argv[3] ?? 15);
const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc/PID/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
}

/** CPU % of each process over `seconds` of wall time (100 % = one core). */
async function cpuPercentOver(pids: number[], seconds: number): Promise<number[]> {
  const c0 = pids.map(cpuSeconds);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const wall = (performance.now() - t0) / 1000;
  return pids.map((pid, i) => +(((cpuSeconds(pid) - c0[i]!) / wall) * 100).toFixed(1));
}

/** Frame deltas in the page while `seconds` pass, plus main's CPU over the same window. */
async function measure(page: Page, appPid: number, dockerdPid: number, seconds: number) {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean };
    w.frames_ = [];
    w.stop_ = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      if (!w.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const [cpu, dockerdCpu] = await cpuPercentOver([appPid, dockerdPid], seconds);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean };
    w.stop_ = true;
    return w.frames_.slice(1);
  });
  return {
    frame_p50_ms: +percentile(frames, 50).toFixed(1),
    frame_p95_ms: +percentile(frames, 95).toFixed(1),
    frame_max_ms: +Math.max(...frames).toFixed(1),
    frames: frames.length,
    main_cpu_pct: cpu!,
    dockerd_cpu_pct: dockerdCpu!,
  };
}

async function main() {
  const engine = newEngine('porthole-bench-stats-');
  let app;
  const browser = await launchChromium();
  try {
    const dockerdPid = await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    const names = Array.from({ length: COUNT }, (_, i) => `stats-${String(i).padStart(3, '0')}`);
    for (let i = 0; i < names.length; i += 10) {
      await Promise.all(
        names.slice(i, i + 10).map(async (name) => {
          const c = await docker.createContainer({
            Image: BUSYBOX_IMAGE,
            name,
            Cmd: ['sleep', '3600'],
          });
          await c.start();
        }),
      );
    }
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const page = await (
      await browser.newContext({ viewport: { width: 1400, height: 900 } })
    ).newPage();
    await openApp(page, app);

    // Baseline: the app open on the Dashboard (no stats streams).
    await page.evaluate(() => (location.hash = '#/dashboard'));
    await sleep(3000);
    const idle = await measure(page, app.pid, dockerdPid, SECONDS);

    // Stats visible: every running row shows its CPU / memory.
    await page.evaluate(() => (location.hash = '#/containers'));
    await page.waitForFunction(
      (n) => document.querySelectorAll('.stats-compact').length >= n,
      Math.min(COUNT, 30),
      { timeout: 60_000 },
    );
    await sleep(2000);
    const visible = await measure(page, app.pid, dockerdPid, SECONDS);
    const statsRows = await page.evaluate(() => document.querySelectorAll('.stats-compact').length);
    mkdirSync('test-results-ctr', { recursive: true });
    await page.screenshot({ path: 'test-results-ctr/bench-stats.png' });

    // The docker CLI streaming the same containers' stats, for the ratio.
    const cliProc = spawn(DOCKER_CLI, ['-H', engine.host, 'stats', ...names], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let cliExit: number | null = null;
    cliProc.on('exit', (code) => (cliExit = code));
    await sleep(3000);
    if (cliExit !== null) throw new Error(`docker stats exited early (${cliExit})`);
    const [cliCpu, cliDockerdCpu] = await cpuPercentOver([cliProc.pid!, dockerdPid], SECONDS);
    cliProc.kill('SIGTERM');

    const result = {
      containers: COUNT,
      engine: version,
      seconds: SECONDS,
      stats_rows_rendered: statsRows,
      idle,
      stats_visible: visible,
      cli_docker_stats_cpu_pct: cliCpu!,
      cli_dockerd_cpu_pct: cliDockerdCpu!,
      main_cpu_ratio_vs_cli: +(visible.main_cpu_pct / cliCpu!).toFixed(2),
    };
    console.log(JSON.stringify(result, null, 2));
    record('stats', result);
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
