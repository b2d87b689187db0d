// bench/files: a container's Files tab against `docker cp` on the same private engine, in the
// same run — a 200 MB file downloaded (the HTTP download route the UI uses, and the WebSocket
// stream) and uploaded (the HTTP upload route web mode uses, the files.upload stream with its
// credit window as Electron sends it, and Chromium through the Files tab) vs `docker cp` out of
// and into the same container, alternating run by run. Usage:
//   PORTHOLE_DIST_DIR=dist node scripts/build.mjs && node scripts/run-ts.mjs bench/files.ts [MB]
import { createReadStream, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type WebSocket from 'ws';
import { decodeFrame, encodeFrame, LIMITS, UPLOAD_WINDOW } from '../contract';
import { openApp, startApp, stopApp } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { FilesPage } from '../e2e/pages/files';
import { DOCKER_CLI } from '../e2e/harness/proc';
import { connectClient, pageSecret } from '../e2e/harness/web-client';
import { downloadHttp, downloadTo, openRaw, uploadHttp } from './bytes-client';
import { launchChromium, median, record, timeBrowserDownload, timeCli } from './common';

const BYTES = Number(process.argv[2] ?? 200) * 1_000_000;
const RUNS = 5;
/** The renderer's window; H16_WINDOW_MB only to see what a wider one would change. */
const WINDOW = Number(process.env.H16_WINDOW_MB ?? 0) * 1024 * 1024 || UPLOAD_WINDOW;
let nextId = 1;

/** The renderer's Uploader over a raw socket: 256 KiB chunks, at most UPLOAD_WINDOW unanswered. */
export async function uploadRaw(ws: WebSocket, input: unknown, file: string, name: string) {
  const id = 900_000 + nextId++;
  const size = statSync(file).size;
  const t0 = performance.now();
  let unanswered = 0;
  let wake: (() => void) | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      const frame = decodeFrame(isBinary ? new Uint8Array(data) : data.toString('utf8')) as {
        id?: number;
        t?: string;
        n?: number;
        event?: { kind: string; bytes: number };
        error?: unknown;
      };
      if (frame?.id !== id) return;
      if (frame.t === 'event' && frame.event?.kind === 'written') {
        unanswered -= frame.event.bytes;
        if (frame.n) ws.send(encodeFrame({ t: 'ack', id, n: frame.n }));
        wake?.();
      } else if (frame.t === 'event' && frame.n) {
        ws.send(encodeFrame({ t: 'ack', id, n: frame.n }));
      } else if (frame.t === 'end') {
        ws.off('message', onMessage);
        if (frame.error) reject(new Error(JSON.stringify(frame.error)));
        else resolve();
      }
    };
    ws.on('message', onMessage);
  });
  ws.send(encodeFrame({ t: 'sub', id, name: 'files.upload', input }));
  ws.send(encodeFrame({ t: 'ctl', id, msg: { kind: 'file', path: name, size } }));
  for await (const piece of createReadStream(file, { highWaterMark: LIMITS.chunkBytes })) {
    const data = new Uint8Array(piece as Buffer);
    while (unanswered > 0 && unanswered + data.byteLength > WINDOW) {
      await new Promise<void>((r) => (wake = r));
    }
    unanswered += data.byteLength;
    ws.send(encodeFrame({ t: 'ctl', id, msg: { kind: 'chunk', data } }));
  }
  ws.send(encodeFrame({ t: 'ctl', id, msg: { kind: 'end' } }));
  await finished;
  return performance.now() - t0;
}

async function main() {
  const engine = newEngine('porthole-bench-files-');
  let app;
  try {
    await startDockerd(engine);
    importBusybox(engine);
    cli(engine, ['run', '-d', '--name', 'bench-files', BUSYBOX_IMAGE, 'sleep', '3600']);
    cli(engine, [
      'exec',
      'bench-files',
      'sh',
      '-c',
      `mkdir -p /data /in && head -c ${BYTES} /dev/urandom > /data/huge`,
    ]);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const client = await connectClient(app);
    const ws = await openRaw(app);
    const secret = await pageSecret(app);
    const engineId = ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
    const H = ['-H', engine.host];
    const copy = join(engine.dir, 'copy.bin');
    const local = join(engine.dir, 'local.bin');
    cli(engine, ['cp', 'bench-files:/data/huge', local]);
    const id = cli(engine, ['inspect', '-f', '{{.Id}}', 'bench-files']);
    const input = { engineId, id: 'bench-files', path: '/data/huge' };

    const checked = (bytes: number, ms: number) => {
      if (bytes !== BYTES) throw new Error(`downloaded ${bytes} bytes, expected ${BYTES}`);
      rmSync(copy);
      return ms;
    };
    // The real path: Chromium, the Files tab, the picker, the renderer (web mode: POST /upload).
    const browser = await launchChromium();
    const page = await browser.newPage();
    await openApp(page, app, `#/containers/${engineId}/${id}`);
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('tree', { name: 'Files of bench-files' }).waitFor();
    const status = page.getByRole('tabpanel').getByRole('status');
    const chromiumUpload = async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Upload files', exact: true }).click();
      const t0 = performance.now();
      await (await chooser).setFiles(local);
      const el = await status.elementHandle();
      // "Uploading …" first (the last run's "Uploaded" is gone), then "Uploaded".
      for (const word of ['Uploading', 'Uploaded']) {
        await page.waitForFunction(
          ([e, w]) => (e as Element | null)?.textContent?.startsWith(w as string),
          [el, word] as const,
          { polling: 'raf', timeout: 120_000 },
        );
      }
      return performance.now() - t0;
    };
    // The ceiling of any page's upload: the same File, the same XHR, to a server in this process
    // that only counts the bytes — no app, no engine. Chromium's own upload rate on this machine.
    const sink = createServer((req, res) => {
      if (req.method !== 'POST') {
        res.setHeader('Content-Type', 'text/html');
        return void res.end(
          '<!doctype html><title>sink</title><input type="file" aria-label="File">',
        );
      }
      let n = 0;
      req.on('data', (c: Buffer) => (n += c.length));
      req.on('end', () => res.end(String(n)));
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
    const sinkPage = await browser.newPage();
    await sinkPage.goto(`http://127.0.0.1:${(sink.address() as AddressInfo).port}/`);
    await sinkPage.locator('input[type=file]').setInputFiles(local);
    const chromiumCeiling = () =>
      sinkPage.evaluate(async () => {
        const file = document.querySelector('input')!.files![0]!;
        const t0 = performance.now();
        const got = await new Promise<string>((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', '/sink');
          xhr.onload = () => resolve(xhr.responseText);
          xhr.onerror = () => reject(new Error('the upload to the sink failed'));
          xhr.send(file);
        });
        if (Number(got) !== file.size) throw new Error(`the sink got ${got} of ${file.size} bytes`);
        return performance.now() - t0;
      });
    // The real download path: Chromium, the Files tab, Download → ticket → the browser's own
    // download to disk (a page of its own, so the upload page's selected folder stays the root).
    const downloadPage = await browser.newPage({ acceptDownloads: true });
    await openApp(downloadPage, app, '#/containers');
    const files = new FilesPage(downloadPage, 'bench-files');
    await files.open(engineId, id);
    await files.expand('/data');
    await files.select('/data/huge');
    const chromiumDownload = async () => {
      const { ms, bytes } = await timeBrowserDownload(
        downloadPage,
        () => files.button('Download /data/huge').click(),
        120_000,
      );
      if (bytes !== BYTES) throw new Error(`downloaded ${bytes} bytes, expected ${BYTES}`);
      return ms;
    };
    // Each measure in turn, the CLI first, within every run: a load change on this shared
    // machine falls on all of them alike. The first run is a warm-up.
    const measures: Record<string, () => Promise<number> | number> = {
      cp_out: () => timeCli(DOCKER_CLI, [...H, 'cp', 'bench-files:/data/huge', copy]),
      download_http: async () => {
        const r = await downloadHttp(app!, secret, 'files.download', input, copy);
        return checked(r.bytes, r.ms);
      },
      download_ws: async () => {
        const r = await downloadTo(ws, 'files.download', input, copy);
        return checked(r.bytes, r.ms);
      },
      download_chromium: chromiumDownload,
      cp_in: () => timeCli(DOCKER_CLI, [...H, 'cp', local, 'bench-files:/in/cli.bin']),
      upload_http: async () =>
        (
          await uploadHttp(
            app!,
            secret,
            { engineId, id: 'bench-files', path: '/in' },
            local,
            'http.bin',
          )
        ).ms,
      upload_ws: () =>
        uploadRaw(ws, { engineId, id: 'bench-files', path: '/in' }, local, 'app.bin'),
      upload_chromium: chromiumUpload,
      upload_chromium_ceiling: chromiumCeiling,
    };
    // H16_ONLY=cp_in,upload_http: only those (to profile one path); the table needs them all.
    const only = process.env.H16_ONLY?.split(',');
    for (const k of Object.keys(measures)) if (only && !only.includes(k)) delete measures[k];
    const seen: Record<string, number[]> = {};
    const loads: number[] = [];
    try {
      for (let run = 0; run <= RUNS; run++) {
        loads.push(loadavg()[0]!);
        for (const [k, measure] of Object.entries(measures)) {
          const ms = await measure();
          if (run > 0) (seen[k] ??= []).push(ms);
        }
      }
    } finally {
      await browser.close();
      sink.close();
    }
    loads.push(loadavg()[0]!);
    const med = (k: string) => (seen[k] ? median(seen[k]) : NaN);
    // The uploaded bytes are the file's (Chromium's went to the tab's selected folder: the root).
    const landed = {
      upload_ws: '/in/app.bin',
      upload_http: '/in/http.bin',
      upload_chromium: '/local.bin',
    };
    for (const [k, f] of Object.entries(landed)) {
      if (!seen[k]) continue;
      const size = cli(engine, ['exec', 'bench-files', 'wc', '-c', f]);
      if (!size.startsWith(`${BYTES} `)) throw new Error(`${f} landed as: ${size}`);
    }

    const mb = BYTES / 1e6;
    const row = (cliMs: number, appMs: number) => ({
      cli_ms: Math.round(cliMs),
      app_ms: Math.round(appMs),
      cli_mb_s: Math.round(mb / (cliMs / 1000)),
      app_mb_s: Math.round(mb / (appMs / 1000)),
      // Throughput relative to docker cp (1 = as fast; the goal is ≥ 0.8).
      throughput: +(cliMs / appMs).toFixed(2),
    });
    const result = {
      engine: version,
      mb,
      runs: RUNS,
      // The 1-minute load average before each run and after the last (the machine is shared).
      load_1m: loads.map((l) => +l.toFixed(1)),
      download_http: row(med('cp_out'), med('download_http')),
      download_ws: row(med('cp_out'), med('download_ws')),
      download_chromium: row(med('cp_out'), med('download_chromium')),
      upload_http: row(med('cp_in'), med('upload_http')),
      upload_ws: row(med('cp_in'), med('upload_ws')),
      upload_chromium: row(med('cp_in'), med('upload_chromium')),
      upload_chromium_ceiling: row(med('cp_in'), med('upload_chromium_ceiling')),
    };
    client.close();
    ws.close();
    console.log(JSON.stringify(result, null, 2));
    record('files', result);
  } finally {
    if (app) await stopApp(app);
    await destroyEngine(engine);
  }
}

if (process.argv[1]?.includes('files')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
