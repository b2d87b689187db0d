// bench/volumes: on a private engine with many volumes and networks, the app's router calls
// (over the web-mode WebSocket, as the renderer makes them) vs the docker CLI doing the same job
// on the same engine, in the same run. Downloads: `docker cp` first, then the app, alternating
// run by run — over the socket, the download route, and Chromium (click Download in the volume
// browser → the browser streams /download?ticket=… to disk), and the desktop app's own path
// (main's core writes the file its save dialog chose; bench/desktop-core.ts). Usage:
//   node scripts/build.mjs && node scripts/run-ts.mjs bench/volumes.ts [VOLUMES] [NETWORKS]
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
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
import { DOCKER_CLI } from '../e2e/harness/proc';
import { connectClient, pageSecret, type RawClient } from '../e2e/harness/web-client';
import { downloadHttp, downloadTo, openRaw } from './bytes-client';
import { launchChromium, median, record, timeBrowserDownload, timeCli } from './common';
import { startDesktopCore, type DesktopCore } from './desktop-core';

const VOLUMES = Number(process.argv[2] ?? 300);
const NETWORKS = Number(process.argv[3] ?? 40);
const RUNS = 7;
const HUGE = 200_000_000;

async function parallel(n: number, job: (i: number) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < n) await job(next++);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function timeCall(client: RawClient, name: string, input: unknown): Promise<number> {
  const t0 = performance.now();
  const r = await client.call(name, input);
  const ms = performance.now() - t0;
  if (r.ok !== true) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return ms;
}

/** Whole file download through the stream to a file, as `docker cp` writes one. */
async function timeDownload(
  via: { ws: WebSocket } | { app: AppHandle; secret: string },
  input: unknown,
  file: string,
  expected: number,
) {
  const { bytes, ms } =
    'ws' in via
      ? await downloadTo(via.ws, 'volumes.download', input, file)
      : await downloadHttp(via.app, via.secret, 'volumes.download', input, file);
  if (bytes !== expected) throw new Error(`downloaded ${bytes} bytes, expected ${expected}`);
  rmSync(file);
  return ms;
}

async function main() {
  const engine = newEngine('porthole-bench-vol-');
  let app;
  let desktop: DesktopCore | undefined;
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    await parallel(VOLUMES, (i) => docker.createVolume({ Name: `bench-vol-${i}` }));
    // A third of them in use, so "used by" has work to do.
    await parallel(Math.floor(VOLUMES / 3), (i) =>
      docker.createContainer({
        Image: BUSYBOX_IMAGE,
        name: `bench-user-${i}`,
        Cmd: ['true'],
        HostConfig: { Binds: [`bench-vol-${i}:/data`] },
      }),
    );
    // Explicit subnets: on a host shared by many private engines the default pools can run out.
    for (let i = 0; i < NETWORKS; i++) {
      await docker.createNetwork({
        Name: `bench-net-${i}`,
        IPAM: { Config: [{ Subnet: `10.251.${i}.0/24` }] },
      });
    }
    cli(engine, [
      'run',
      '--rm',
      '-v',
      'bench-vol-0:/d',
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      'for i in $(seq 1 200); do echo $i > /d/f$i; done; yes | head -c 20000000 > /d/big; ' +
        `head -c ${HUGE} /dev/urandom > /d/huge`,
    ]);
    cli(engine, ['create', '--name', 'bench-reader', '-v', 'bench-vol-0:/v:ro', BUSYBOX_IMAGE]);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const client = await connectClient(app);
    const ws = await openRaw(app);
    const engineId = ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
    const H = ['-H', engine.host];

    const copy = join(engine.dir, 'copy');
    const secret = await pageSecret(app);
    // The volume browser in Chromium, on bench-vol-0 with the busybox helper.
    const page = await browser.newPage({ acceptDownloads: true });
    await openApp(page, app, '#/volumes');
    await page.getByRole('textbox', { name: 'Filter volumes' }).fill('bench-vol-0');
    await page.getByRole('button', { name: 'Browse bench-vol-0', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Files in bench-vol-0' });
    await dialog.getByRole('combobox', { name: 'Helper image' }).selectOption(BUSYBOX_IMAGE);
    const tree = dialog.getByRole('tree', { name: 'Files of bench-vol-0' });
    /** Click Download → the file complete on disk (Playwright's download, saved by Chromium). */
    const uiDownload = async (file: string, expected: number) => {
      await tree.getByRole('treeitem', { name: file, exact: true }).click();
      const button = dialog.getByRole('button', { name: `Download /${file}`, exact: true });
      await button.waitFor();
      const { ms, bytes } = await timeBrowserDownload(page, () => button.click());
      if (bytes !== expected)
        throw new Error(`Chromium saved ${bytes} bytes, expected ${expected}`);
      return ms;
    };

    desktop = await startDesktopCore(engine);
    const onDesktop = desktop;
    /** The desktop app: main writes the file the save dialog chose (downloads.toFile). */
    const desktopDownload = async (input: unknown, expected: number) => {
      const { ms, bytes } = await onDesktop.save({
        stream: 'volumes.download',
        input: {
          ...(input as { name: string; path: string; helperImage: string }),
          engineId: onDesktop.engineId,
        },
      });
      if (bytes !== expected) throw new Error(`desktop saved ${bytes} bytes, expected ${expected}`);
      return ms;
    };

    const pair = async (
      cliArgs: string[],
      name: string,
      input: unknown,
      download = 0,
      via: 'ws' | 'http' | 'ui' | 'desktop' = 'ws',
    ) => {
      const file = (input as { path?: string }).path ?? '';
      const run = () =>
        !download
          ? timeCall(client, name, input)
          : via === 'ui'
            ? uiDownload(file, download)
            : via === 'desktop'
              ? desktopDownload(input, download)
              : timeDownload(via === 'ws' ? { ws } : { app: app!, secret }, input, copy, download);
      // A warm-up of each, then the CLI first and the app after it, run by run.
      timeCli(DOCKER_CLI, [...H, ...cliArgs]);
      await run();
      const cliRuns: number[] = [];
      const appRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        cliRuns.push(timeCli(DOCKER_CLI, [...H, ...cliArgs]));
        appRuns.push(await run());
      }
      const cliMs = median(cliRuns);
      const appMs = median(appRuns);
      return {
        cli_ms: Math.round(cliMs),
        app_ms: Math.round(appMs),
        ratio: +(appMs / cliMs).toFixed(2),
        // For downloads the goal is throughput: CLI time ÷ app time (1 = as fast as docker cp).
        ...(download ? { throughput: +(cliMs / appMs).toFixed(2) } : {}),
      };
    };

    /** The 20 MB and the large file, one way, against `docker cp` of each. */
    const downloads = async (via: 'ws' | 'http' | 'ui' | 'desktop', suffix: string) => ({
      [`download_20mb${suffix}`]: await pair(
        ['cp', 'bench-reader:/v/big', copy],
        'volumes.download',
        { engineId, name: 'bench-vol-0', path: 'big', helperImage: BUSYBOX_IMAGE },
        20_000_000,
        via,
      ),
      [`download_${HUGE / 1e6}mb${suffix}`]: await pair(
        ['cp', 'bench-reader:/v/huge', copy],
        'volumes.download',
        { engineId, name: 'bench-vol-0', path: 'huge', helperImage: BUSYBOX_IMAGE },
        HUGE,
        via,
      ),
    });

    const result = {
      engine: version,
      volumes: VOLUMES,
      networks: NETWORKS + 3,
      // The list carries "used by" (a container list) that `docker volume ls` does not.
      volume_list: await pair(['volume', 'ls'], 'volumes.list', { engineId }),
      volume_sizes: await pair(['system', 'df', '-v'], 'volumes.sizes', { engineId }),
      network_list: await pair(['network', 'ls'], 'networks.list', { engineId }),
      // One folder of 201 entries: a helper container runs `ls` either way.
      browse_folder: await pair(
        [
          'run',
          '--rm',
          '--network',
          'none',
          '-v',
          'bench-vol-0:/v:ro',
          BUSYBOX_IMAGE,
          'ls',
          '-lAn',
          '/v',
        ],
        'volumes.browse',
        { engineId, name: 'bench-vol-0', path: '', helperImage: BUSYBOX_IMAGE },
      ),
      // 20 MB file to the client vs `docker cp` (the same archive API) out of a stopped
      // container that mounts the volume; then a large one, where throughput dominates. Over
      // the socket, then the download route the UI uses (one response body), then the user's
      // path: Chromium saving the navigation download itself; then the desktop app's path:
      // main writes the file itself, as `docker cp` does.
      ...(await downloads('ws', '')),
      ...(await downloads('http', '_http')),
      ...(await downloads('ui', '_chromium')),
      ...(await downloads('desktop', '_desktop')),
      load_average: loadavg().map((l) => +l.toFixed(1)),
    };
    client.close();
    ws.close();
    console.log(JSON.stringify(result, null, 2));
    record('volumes', result);
  } finally {
    desktop?.stop();
    await browser.close();
    if (app) await stopApp(app);
    await destroyEngine(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
