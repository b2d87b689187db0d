// bench/idle: what the app costs while nobody touches it — the Containers screen open with
// COUNT containers (RUNNING of them running, so the stats column streams), for SECONDS. CPU is
// time used ÷ time passed (1 = one whole core), so a busy machine does not inflate it much.
// #19's goals: server ≤ 0.5 % of a core, renderer ≤ 1 %, server RSS ≤ 120 MB, renderer heap
// ≤ 60 MB. Usage: node scripts/build.mjs && node scripts/run-ts.mjs bench/idle.ts [COUNT] [RUNNING] [SECONDS]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { openApp, startApp, stopApp } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { sleep } from '../e2e/harness/proc';
import { createMany, launchChromium, record } from './common';

const COUNT = Number(process.argv[2] ?? 200);
const RUNNING = Number(process.argv[3] ?? 20);
const SECONDS = Number(process.argv[4] ?? 60);
const TICKS_PER_S = 100; // Linux USER_HZ

/** utime + stime of a process, in seconds. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
};
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function printTop(p: CpuProfile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [k, ms] of top) console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

async function main() {
  const engine = newEngine('porthole-bench-idle-');
  const browser = await launchChromium();
  let app;
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    await createMany(docker, COUNT - RUNNING);
    for (let i = 0; i < RUNNING; i++) {
      const c = await docker.createContainer({
        Image: BUSYBOX_IMAGE,
        // Sorted by name, these come first: all of them are in the rendered window (a list of
        // more than VIRTUALIZE_ABOVE rows renders only what is on screen) and stream stats.
        name: `a-running-${String(i).padStart(2, '0')}`,
        Cmd: ['sleep', '3600'],
      });
      await c.start();
    }
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const page = await (await browser.newContext()).newPage();
    await openApp(page, app, '#/containers');
    await page.getByRole('table', { name: 'Containers' }).waitFor();
    // Experiments: STYLE='css' is added to the page (e.g. to see what a rule costs).
    if (process.env.STYLE) await page.addStyleTag({ content: process.env.STYLE });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: m } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      return Object.fromEntries(m.map((x) => [x.name, x.value]));
    };
    const taskSeconds = async () => (await metrics()).TaskDuration ?? 0;
    // Steady state: past its first minute a container's "Up N seconds" stops changing every
    // second (each change re-lays out the table: ~10 % of a core in headless software paint).
    // SETTLE=5 measures that first minute.
    await sleep(Number(process.env.SETTLE ?? 65) * 1000);
    // CPU time of the renderer processes (the browser's own view; not stretched by a busy
    // machine the way task durations are).
    const browserCdp = await browser.newBrowserCDPSession();
    const rendererCpu = async () => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; cpuTime: number }[];
      };
      return processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime, 0);
    };
    const m0 = await metrics();
    const renderer0 = await rendererCpu();
    const server0 = cpuSeconds(app.pid);
    const page0 = await taskSeconds();
    const t0 = performance.now();
    await sleep(SECONDS * 1000);
    const wall = (performance.now() - t0) / 1000;
    const serverPct = ((cpuSeconds(app.pid) - server0) / wall) * 100;
    const pagePct = (((await taskSeconds()) - page0) / wall) * 100;
    const rendererPct = (((await rendererCpu()) - renderer0) / wall) * 100;
    const m1 = await metrics();
    // Per second: how often the page recalculated styles and laid out, and for how long.
    const perSecond = Object.fromEntries(
      [
        'LayoutCount',
        'RecalcStyleCount',
        'LayoutDuration',
        'RecalcStyleDuration',
        'ScriptDuration',
      ].map((k) => [k, +(((m1[k] ?? 0) - (m0[k] ?? 0)) / wall).toFixed(4)]),
    );
    if (process.env.PROFILE) {
      // Where the renderer's idle time goes: self time per function over 10 s.
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      await sleep(10_000);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      printTop(profile);
    }
    // What the page was being sent meanwhile (after the measured window, so that counting costs
    // nothing above): the stats batches must be arriving, or the figures above say nothing.
    let frames = 0;
    let frameBytes = 0;
    cdp.on('Network.webSocketFrameReceived', (e: { response: { payloadData: string } }) => {
      frames++;
      frameBytes += e.response.payloadData.length;
    });
    await cdp.send('Network.enable');
    await sleep(10_000);
    await cdp.send('Network.disable');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const result = {
      containers: COUNT,
      running: RUNNING,
      seconds: SECONDS,
      settle_seconds: Number(process.env.SETTLE ?? 65),
      server_cpu_pct: +serverPct.toFixed(2),
      renderer_cpu_pct: +rendererPct.toFixed(2),
      renderer_main_thread_pct: +pagePct.toFixed(2),
      server_rss_mb: +rssMb(app.pid).toFixed(1),
      renderer_heap_mb: +(usedSize / 1024 / 1024).toFixed(1),
      renderer_per_second: perSecond,
      // Over 10 s after the window: socket frames to the page per second, and their size.
      socket_frames_per_s: frames / 10,
      socket_bytes_per_s: Math.round(frameBytes / 10),
      goals: { server_cpu_pct: 0.5, renderer_pct: 1, server_rss_mb: 120, renderer_heap_mb: 60 },
    };
    console.log(JSON.stringify(result, null, 2));
    record('idle', result);
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
