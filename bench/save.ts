// bench/save: image save throughput, the app vs `docker save -o` on the same private engine in
// the same run, alternating. Two app paths: the router stream over the web-mode WebSocket to a
// file (a client that acks once the file took each chunk), the download route (GET /download,
// page secret header) and its navigation form (a ticket over the socket, then GET
// /download?ticket=…), and the real renderer in Chromium (click Save → ticket → the browser
// streams the body to disk itself). And the desktop app's own path (downloads.toFile): main's
// core writes the file the save dialog chose — run here in the bench's process, built by the
// same createCore Electron calls, with the dialog answering a fixed path.
// `docker save` first in each round, then the app paths.
// Usage: PORTHOLE_DIST_DIR=dist-x node scripts/build.mjs &&
//        PORTHOLE_DIST_DIR=dist-x node scripts/run-ts.mjs bench/save.ts [MB] [RUNS]
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
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
import { pageSecret } from '../e2e/harness/web-client';
import { callRaw, downloadHttp, downloadTicket, downloadTo, openRaw } from './bytes-client';
import { launchChromium, median, record, timeBrowserDownload, timeCli } from './common';
import { startDesktopCore } from './desktop-core';

const MB = Number(process.argv[2] ?? 256);
const RUNS = Number(process.argv[3] ?? 5);
const REF = 'bench/save:1';

async function main() {
  const engine = newEngine('porthole-bench-save-');
  let app: AppHandle | undefined;
  let stopCore = () => {};
  let stopSource = () => {};
  const out = mkdtempSync(join(tmpdir(), 'porthole-bench-save-out-'));
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    // Random bytes (incompressible), made offline from the busybox image.
    writeFileSync(
      join(out, 'Dockerfile'),
      `FROM ${BUSYBOX_IMAGE}\nRUN head -c ${MB * 1048576} /dev/urandom > /big\n`,
    );
    cli(engine, ['build', '-q', '-t', REF, out]);
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const ws = await openRaw(app);
    const engineId = ((await callRaw(ws, 'engines.list', {})) as { id: string }[])[0]!.id;

    const page = await browser.newPage({ acceptDownloads: true });
    await openApp(page, app, '#/images');
    const saveButton = page.getByRole('button', { name: `Save ${REF}`, exact: true });
    await saveButton.waitFor();

    const cliFile = join(out, 'cli.tar');
    const cliSave = () => {
      const ms = timeCli(DOCKER_CLI, ['-H', engine.host, 'save', '-o', cliFile, REF]);
      const bytes = statSync(cliFile).size;
      rmSync(cliFile);
      return { ms, bytes };
    };
    const rawSave = async () => {
      const file = join(out, 'raw.tar');
      const r = await downloadTo(ws, 'images.save', { engineId, ids: [REF] }, file);
      rmSync(file);
      return r;
    };
    // The download route (GET /download, the page secret in a header) straight to a file.
    const secret = await pageSecret(app);
    const httpSave = async () => {
      const file = join(out, 'http.tar');
      const r = await downloadHttp(app!, secret, 'images.save', { engineId, ids: [REF] }, file);
      rmSync(file);
      return r;
    };
    // The navigation form of the same route: a ticket asked for over the socket, then a plain
    // GET with the cookie only — what Chromium does, minus the browser.
    const ticketSave = async () => {
      const file = join(out, 'ticket.tar');
      const r = await downloadTicket(
        app!,
        ws,
        { stream: 'images.save', input: { engineId, ids: [REF] }, filename: 'x.tar' },
        file,
      );
      rmSync(file);
      return r;
    };
    // The ceiling for any Node process: dockerode reading the same save and discarding it.
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    const nodeRead = async () => {
      const t0 = performance.now();
      const tar = await (
        docker as unknown as { getImages(o: { names: string[] }): Promise<Readable> }
      ).getImages({ names: [REF] });
      for await (const chunk of tar) void chunk;
      return performance.now() - t0;
    };
    // The desktop app's save: main writes the chosen file itself (main/transport/save-to-file.ts).
    const desktop = await startDesktopCore(engine);
    stopCore = desktop.stop;
    const desktopSave = () =>
      desktop.save({ stream: 'images.save', input: { engineId: desktop.engineId, ids: [REF] } });
    // The ceiling of any page's download: Chromium saving the same bytes from a server in this
    // process that answers them from memory — no app, no engine. Chromium's own download rate.
    let served: Buffer = Buffer.alloc(0);
    const source = createServer((req, res) => {
      if (req.url !== '/x.tar') {
        res.setHeader('Content-Type', 'text/html');
        return void res.end(
          '<!doctype html><title>source</title><a href="/x.tar" download>tar</a>',
        );
      }
      res.setHeader('Content-Type', 'application/x-tar');
      res.setHeader('Content-Length', served.length);
      res.setHeader('Content-Disposition', 'attachment; filename="x.tar"');
      res.end(served);
    });
    stopSource = () => source.close();
    await new Promise<void>((r) => source.listen(0, '127.0.0.1', () => r()));
    const sourcePage = await browser.newPage({ acceptDownloads: true });
    await sourcePage.goto(`http://127.0.0.1:${(source.address() as AddressInfo).port}/`);
    const ceilingSave = () =>
      timeBrowserDownload(sourcePage, () => sourcePage.getByRole('link', { name: 'tar' }).click());
    const uiSave = async () => {
      const saved = await timeBrowserDownload(page, () => saveButton.click());
      await page
        .getByRole('status')
        .filter({ hasText: `Saving ${REF} as` })
        .waitFor();
      return saved;
    };

    // Warm-up of each path, then alternate so none gets a systematically warmer cache.
    timeCli(DOCKER_CLI, ['-H', engine.host, 'save', '-o', cliFile, REF]);
    served = readFileSync(cliFile);
    rmSync(cliFile);
    const expected = served.length;
    for (const warm of [rawSave, httpSave, ticketSave, uiSave, desktopSave, ceilingSave]) {
      const { bytes } = await warm();
      if (bytes !== expected) throw new Error(`saved ${bytes} bytes, docker save ${expected}`);
    }
    const runs = {
      cli: [] as number[],
      node: [] as number[],
      raw: [] as number[],
      http: [] as number[],
      ticket: [] as number[],
      ui: [] as number[],
      desktop: [] as number[],
      ceiling: [] as number[],
    };
    for (let i = 0; i < RUNS; i++) {
      runs.cli.push(cliSave().ms);
      runs.node.push(await nodeRead());
      runs.raw.push((await rawSave()).ms);
      runs.http.push((await httpSave()).ms);
      runs.ticket.push((await ticketSave()).ms);
      runs.ui.push((await uiSave()).ms);
      runs.desktop.push((await desktopSave()).ms);
      runs.ceiling.push((await ceilingSave()).ms);
    }
    ws.close();
    const mbps = (ms: number) => +(expected / 1e6 / (ms / 1000)).toFixed(1);
    const cliMs = median(runs.cli);
    const result = {
      image_mb: MB,
      tar_bytes: expected,
      runs: RUNS,
      engine: cli(engine, ['version', '--format', '{{.Server.Version}}']),
      cli_ms: Math.round(cliMs),
      node_read_ms: Math.round(median(runs.node)),
      raw_ms: Math.round(median(runs.raw)),
      http_ms: Math.round(median(runs.http)),
      ticket_ms: Math.round(median(runs.ticket)),
      ui_ms: Math.round(median(runs.ui)),
      desktop_ms: Math.round(median(runs.desktop)),
      chromium_ceiling_ms: Math.round(median(runs.ceiling)),
      cli_mb_s: mbps(cliMs),
      raw_mb_s: mbps(median(runs.raw)),
      ui_mb_s: mbps(median(runs.ui)),
      // Throughput app ÷ CLI: 1 = as fast as `docker save -o`.
      node_read_throughput_ratio: +(cliMs / median(runs.node)).toFixed(2),
      raw_throughput_ratio: +(cliMs / median(runs.raw)).toFixed(2),
      http_throughput_ratio: +(cliMs / median(runs.http)).toFixed(2),
      ticket_throughput_ratio: +(cliMs / median(runs.ticket)).toFixed(2),
      ui_throughput_ratio: +(cliMs / median(runs.ui)).toFixed(2),
      desktop_throughput_ratio: +(cliMs / median(runs.desktop)).toFixed(2),
      // Chromium downloading the same bytes from memory: no page can save faster here.
      chromium_ceiling_ratio: +(cliMs / median(runs.ceiling)).toFixed(2),
      load_average: loadavg().map((l) => +l.toFixed(1)),
      all_ms: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(Math.round)])),
    };
    console.log(JSON.stringify(result, null, 2));
    record('save', result);
  } finally {
    stopCore();
    stopSource();
    await browser.close();
    if (app) await stopApp(app);
    await destroyEngine(engine);
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
