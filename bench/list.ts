// bench/list: with 1,000 containers on a private engine, time from request to the rendered
// Containers table vs `docker ps -a` on the same engine, in the same run. Usage:
//   npm run bench:list [-- COUNT]
import { join } from 'node:path';
import Docker from 'dockerode';
import { startApp, stopApp, openApp } from '../e2e/harness/app';
import { cli, destroyEngine, importBusybox, newEngine, startDockerd } from '../e2e/harness/engine';
import { DOCKER_CLI } from '../e2e/harness/proc';
import { createMany, launchChromium, median, record, timeCli } from './common';
import { watchRowsPainted } from './rows-painted';

const COUNT = Number(process.argv[2] ?? 1000);
const RUNS = 7;

async function main() {
  const engine = newEngine('porthole-bench-');
  let app;
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    const t0 = performance.now();
    await createMany(docker, COUNT);
    console.log(`created ${COUNT} containers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);

    // CLI: warm up once, then the median of RUNS.
    timeCli(DOCKER_CLI, ['-H', engine.host, 'ps', '-a']);
    const cliMs = median(
      Array.from({ length: RUNS }, () => timeCli(DOCKER_CLI, ['-H', engine.host, 'ps', '-a'])),
    );

    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await openApp(page, app); // token → cookie
    // Long lists render a window of rows; the table announces the full count in aria-rowcount.
    const painted = await watchRowsPainted(page, COUNT);

    // Cold: a fresh page load (app boot + WebSocket + list + render), measured from navigation start.
    const cold: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await page.goto('about:blank');
      const paintedAt = painted.next();
      await page.goto(`${app.origin}/#/containers`);
      // The first load warms the HTTP cache, as a second launch would.
      const ms = await paintedAt;
      if (i > 0) cold.push(ms);
    }

    // Warm: the app already open, the list re-requested (what an engine event triggers).
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() =>
        document
          .querySelector('table[aria-label="Containers"] tbody')!
          .setAttribute('data-bench', 'stale'),
      );
      const t = performance.now();
      // Renaming one container makes the engine emit an event; the table re-renders from a fresh list.
      cli(engine, ['rename', `bench-0000${i % 2 ? '-b' : ''}`, `bench-0000${i % 2 ? '' : '-b'}`]);
      const name = `bench-0000${i % 2 ? '' : '-b'}`;
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('table[aria-label="Containers"] tbody th')].some(
            (th) => th.textContent === n,
          ),
        name,
        { timeout: 60_000, polling: 'raf' },
      );
      warm.push(performance.now() - t);
    }
    const renameMs = median(
      Array.from({ length: 3 }, (_, i) =>
        timeCli(DOCKER_CLI, [
          '-H',
          engine.host,
          'rename',
          `bench-0001${i % 2 ? '-c' : ''}`,
          `bench-0001${i % 2 ? '' : '-c'}`,
        ]),
      ),
    );

    const coldMs = median(cold);
    const warmMs = median(warm) - renameMs;
    const result = {
      containers: COUNT,
      engine: version,
      cli_ps_a_ms: Math.round(cliMs),
      app_cold_ms: Math.round(coldMs),
      app_cold_ratio: +(coldMs / cliMs).toFixed(2),
      app_event_refresh_ms: Math.round(warmMs),
      app_event_refresh_ratio: +(warmMs / cliMs).toFixed(2),
    };
    console.log(JSON.stringify(result, null, 2));
    record('list', result);
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
