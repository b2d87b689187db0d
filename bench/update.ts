// bench/update: with 1,000 containers on a private engine, a CLI `docker stop` of one of them →
// how long until the Containers row says so, and how many bytes that costs: read from the
// engine (a counting proxy sits on the app's engine socket) and sent to the renderer (the
// page's WebSocket frames). Compared with one whole `GET /containers/json?all=1`, in the same
// run. Several builds side by side: `-- DIST...` (default: $PORTHOLE_DIST_DIR or dist).
//   node scripts/run-ts.mjs bench/update.ts [COUNT] [ROUNDS] [DIST...]
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import Docker from 'dockerode';
import { openApp, startApp, stopApp, type AppHandle } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { createMany, launchChromium, median, percentile, record } from './common';

const COUNT = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 20);
const DISTS = process.argv.slice(4).length
  ? process.argv.slice(4)
  : [process.env.PORTHOLE_DIST_DIR ?? 'dist'];
const SETTLE_MS = 2500; // the app may fetch a row again up to 2 s after a die

/** A unix-socket forwarder that counts the bytes the engine sends back. */
function countingProxy(
  target: string,
  path: string,
): Promise<{ server: Server; read: () => number }> {
  let bytes = 0;
  const server = createServer((client) => {
    const upstream = createConnection(target);
    upstream.on('data', (b: Buffer) => (bytes += b.length));
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) =>
    server.listen(path, () => resolve({ server, read: () => bytes })),
  );
}

async function main() {
  const engine = newEngine('porthole-bench-');
  const browser = await launchChromium();
  const apps: AppHandle[] = [];
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const socket = engine.host.slice('unix://'.length);
    const docker = new Docker({ socketPath: socket });
    await createMany(docker, COUNT);
    cli(engine, ['run', '-d', '--name', 'bench-live', BUSYBOX_IMAGE, 'sleep', '36000']);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);
    // One whole list, as the engine sends it (headers and chunking aside).
    const fullList = Buffer.byteLength(JSON.stringify(await docker.listContainers({ all: true })));

    const rows: Record<string, unknown>[] = [];
    for (const [i, dist] of DISTS.entries()) {
      process.env.PORTHOLE_DIST_DIR = dist;
      const proxy = await countingProxy(socket, join(engine.dir, `counted-${i}.sock`));
      const app = await startApp({
        dockerHost: `unix://${join(engine.dir, `counted-${i}.sock`)}`,
        dataDir: join(engine.dir, `app-data-${i}`),
        logFile: join(engine.dir, `app-${i}.log`),
      });
      apps.push(app);
      const page = await (await browser.newContext()).newPage();
      let wsBytes = 0;
      page.on('websocket', (ws) =>
        ws.on('framereceived', (f) => (wsBytes += Buffer.byteLength(f.payload))),
      );
      await openApp(page, app, '#/containers');
      await page.getByRole('textbox', { name: /Filter/ }).fill('bench-live');
      const row = page.getByRole('row').filter({ hasText: 'bench-live' });
      await row.waitFor({ timeout: 60_000 });

      const visible: number[] = [];
      const engineBytes: number[] = [];
      const rendererBytes: number[] = [];
      for (let r = 0; r < ROUNDS * 2; r++) {
        const stopping = r % 2 === 0;
        await page.waitForTimeout(SETTLE_MS);
        const e0 = proxy.read();
        const w0 = wsBytes;
        cli(engine, stopping ? ['stop', '-t', '0', 'bench-live'] : ['start', 'bench-live']);
        const t = performance.now(); // the CLI has returned: the engine has done it
        await page.waitForFunction(
          (want) =>
            [...document.querySelectorAll('table[aria-label="Containers"] tbody tr')].some(
              (tr) => tr.textContent?.includes('bench-live') && tr.textContent.includes(want),
            ),
          stopping ? 'exited' : 'running',
          { timeout: 60_000, polling: 'raf' },
        );
        const ms = performance.now() - t;
        await page.waitForTimeout(SETTLE_MS); // count what the event costs, settle fetches too
        if (stopping) {
          visible.push(ms);
          engineBytes.push(proxy.read() - e0);
          rendererBytes.push(wsBytes - w0);
        }
      }
      const row_ = {
        dist,
        containers: COUNT,
        engine: version,
        stop_visible_p50_ms: Math.round(median(visible)),
        stop_visible_p95_ms: Math.round(percentile(visible, 95)),
        engine_bytes_per_stop: Math.round(median(engineBytes)),
        renderer_bytes_per_stop: Math.round(median(rendererBytes)),
        full_list_bytes: fullList,
        engine_bytes_vs_full_list: +(median(engineBytes) / fullList).toFixed(3),
      };
      console.log(JSON.stringify(row_, null, 2));
      rows.push(row_);
      record('update', row_);
      proxy.server.close();
    }
  } finally {
    await browser.close();
    for (const app of apps) await stopApp(app);
    await destroyEngine(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
