// bench/logs-follow: live-followed output. A container waits, then prints LINES lines as fast as
// it can; the log window, open before it starts, follows it to the last line — vs `docker logs
// -f` reading the same kind of container in the same run. Both are timed from the first line
// to the last, so neither counts the wait; the engine's own writing of the log bounds both.
// Alternating rounds on one engine. Usage:
//   PORTHOLE_DIST_DIR=dist-x node scripts/build.mjs && node scripts/run-ts.mjs bench/logs-follow.ts [LINES] [ROUNDS]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
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
import { DOCKER_CLI } from '../e2e/harness/proc';
import { defaultEngineId, launchChromium, median, record } from './common';

const LINES = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 3);
/** Long enough for the window (or the CLI) to be attached before the first line. */
const WAIT_S = 3;

const printer = (engine: EngineHandle) =>
  cli(engine, ['run', '-d', BUSYBOX_IMAGE, 'sh', '-c', `sleep ${WAIT_S}; seq 1 ${LINES}`]);

/** `docker logs -f`: ms from its first byte of output to its end (the container exited). */
function cliFollowMs(engine: EngineHandle): Promise<number> {
  const id = printer(engine);
  return new Promise((resolve, reject) => {
    const p = spawn(DOCKER_CLI, ['-H', engine.host, 'logs', '-f', id], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let first = 0;
    p.stdout.on('data', () => (first ||= performance.now()));
    p.on('error', reject);
    p.on('close', (code) =>
      code === 0 ? resolve(performance.now() - first) : reject(new Error(`exit ${code}`)),
    );
  });
}

async function main() {
  const engine = newEngine('porthole-bench-');
  let app;
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: process.env.BENCH_APP_LOG ?? join(engine.dir, 'app.log'),
    });
    const page = await (await browser.newContext()).newPage();
    await openApp(page, app);
    const engineId = await defaultEngineId(app);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);

    const cliMs: number[] = [];
    const appMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      cliMs.push(await cliFollowMs(engine));
      const id = printer(engine);
      await page.goto('about:blank');
      await page.goto(`${app.origin}/#/logs/${engineId}/${id}`);
      const line = (sel: string) =>
        page.waitForFunction(
          (s) => {
            const lines = document.querySelectorAll('[role="log"] .log-line .log-text');
            const last = lines[lines.length - 1]?.textContent;
            return (s === '' ? !!last : last === s) && performance.now();
          },
          sel,
          { timeout: 300_000, polling: 'raf' },
        );
      const first = (await (await line('')).jsonValue()) as number;
      const last = (await (await line(String(LINES))).jsonValue()) as number;
      appMs.push(last - first);
    }
    const c = median(cliMs);
    const a = median(appMs);
    const result = {
      lines: LINES,
      engine: version,
      rounds: ROUNDS,
      cli_docker_logs_f_ms: Math.round(c),
      app_follow_ms: Math.round(a),
      cli_runs_ms: cliMs.map(Math.round),
      app_runs_ms: appMs.map(Math.round),
      throughput_vs_cli: +(c / a).toFixed(2),
    };
    console.log(JSON.stringify(result, null, 2));
    record('logs-follow', result);
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
