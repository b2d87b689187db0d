// bench/start: a cold start — the built web mode launched (`node dist/main/web.cjs`, what
// `npm start` runs where no Electron binary exists) until the Containers list shows all of its
// COUNT containers in Chromium — against `docker ps -a` on the same private engine, same run.
// #19's goal: ≤ 1.0 s median with 200 containers. The browser is already running (as a user's
// is); Electron's own start is not in it (no binary here). Usage:
//   node scripts/build.mjs && node scripts/run-ts.mjs bench/start.ts [COUNT=200] [RUNS=7]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Docker from 'dockerode';
import { destroyEngine, importBusybox, newEngine, startDockerd } from '../e2e/harness/engine';
import { DOCKER_CLI } from '../e2e/harness/proc';
import { createMany, launchChromium, median, record, timeCli } from './common';
import { watchRowsPainted } from './rows-painted';

const COUNT = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 7);
const WEB = join(process.cwd(), process.env.PORTHOLE_DIST_DIR ?? 'dist', 'main', 'web.cjs');

/** Starts web mode; resolves with its login URL the moment it prints it, and a stop function. */
function launch(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [WEB, '--port', '0', '--no-open'], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Porthole web UI: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`web mode exited (${code}) before its URL`)));
  });
  return { url, stop };
}

async function main() {
  const engine = newEngine('porthole-bench-start-');
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    await createMany(docker, COUNT);
    timeCli(DOCKER_CLI, ['-H', engine.host, 'ps', '-a']);
    const cliMs = median(
      Array.from({ length: RUNS }, () => timeCli(DOCKER_CLI, ['-H', engine.host, 'ps', '-a'])),
    );
    const env = {
      ...process.env,
      DOCKER_HOST: engine.host,
      DOCKER_TLS_VERIFY: '',
      DOCKER_CONTEXT: '',
      PORTHOLE_DATA_DIR: join(engine.dir, 'app-data'),
    };
    const toUrl: number[] = [];
    const toList: number[] = [];
    // The first run warms the OS file cache (a second launch of an installed app); not counted.
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const painted = await watchRowsPainted(page, COUNT);
      const t0 = performance.now();
      const app = launch(env);
      try {
        const url = await app.url;
        const tUrl = performance.now() - t0;
        // Told by the page once painted (./rows-painted.ts): nothing of the bench's runs in it.
        const shown = painted.next();
        await page.goto(url); // the login URL: token → cookie → the app
        await shown;
        const tList = performance.now() - t0;
        if (i > 0) {
          toUrl.push(tUrl);
          toList.push(tList);
        }
      } finally {
        await context.close();
        await app.stop();
      }
    }
    const listMs = median(toList);
    const result = {
      containers: COUNT,
      runs: RUNS,
      cli_ps_a_ms: Math.round(cliMs),
      start_to_url_ms: Math.round(median(toUrl)),
      start_to_list_ms: Math.round(listMs),
      start_to_list_min_max_ms: [Math.round(Math.min(...toList)), Math.round(Math.max(...toList))],
      goal_ms: 1000,
      met: listMs <= 1000,
    };
    console.log(JSON.stringify(result, null, 2));
    record('start', result);
  } finally {
    await browser.close();
    await destroyEngine(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
