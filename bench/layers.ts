// bench/layers: the layer explorer (images.layers) on a ~200 MB image — main's peak RSS
// (VmHWM) and wall time, next to `docker save IMAGE | tar -t` and `docker save > /dev/null` on
// the same private engine in the same run, alternating.
// Usage: PORTHOLE_DIST_DIR=dist-x node scripts/build.mjs &&
//        PORTHOLE_DIST_DIR=dist-x node scripts/run-ts.mjs bench/layers.ts [RUNS]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { decodeFrame, encodeFrame } from '../contract';
import { startApp, stopApp, type AppHandle } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { DOCKER_CLI } from '../e2e/harness/proc';
import { callRaw, openRaw } from './bytes-client';
import { median, record, timeCli } from './common';

const RUNS = Number(process.argv[2] ?? 3);
const REF = 'bench/layers:1';
const MB = 1e6;

/** A figure from /proc/PID/status ("VmHWM:  123456 kB"), in bytes. */
function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  return Number(m?.[1] ?? 0) * 1024;
}

interface Totals {
  layers: number;
  size: number;
  files: number;
  wasted: number;
  efficiency: number;
}

let nextId = 1_000_000;
/** Subscribes to images.layers as the renderer does (every event acked), until its end. */
function explore(ws: WebSocket, input: unknown): Promise<{ ms: number; totals: Totals }> {
  const id = nextId++;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let totals: Totals | undefined;
    const onMessage = (data: Buffer, isBinary: boolean) => {
      const frame = decodeFrame(isBinary ? new Uint8Array(data) : data.toString('utf8')) as {
        id?: number;
        t?: string;
        n?: number;
        event?: { kind: string; totals?: Totals };
        error?: unknown;
      };
      if (frame?.id !== id) return;
      if (frame.t === 'event') {
        if (frame.event?.kind === 'done') totals = frame.event.totals;
        if (frame.n) ws.send(encodeFrame({ t: 'ack', id, n: frame.n }));
      } else if (frame.t === 'end') {
        ws.off('message', onMessage);
        if (frame.error || !totals) return reject(new Error(JSON.stringify(frame.error)));
        resolve({ ms: performance.now() - t0, totals });
      }
    };
    ws.on('message', onMessage);
    ws.send(encodeFrame({ t: 'sub', id, name: 'images.layers', input }));
  });
}

async function main() {
  const engine = newEngine('porthole-bench-layers-');
  let app: AppHandle | undefined;
  const out = mkdtempSync(join(tmpdir(), 'porthole-bench-layers-out-'));
  try {
    await startDockerd(engine);
    importBusybox(engine);
    // ~200 MB in four layers: one 120 MB file, 8,000 files of 5 kB, the big file written
    // again at 40 MB (its first copy wasted), and a removal of half the small files.
    writeFileSync(
      join(out, 'Dockerfile'),
      [
        `FROM ${BUSYBOX_IMAGE}`,
        'RUN head -c 120000000 /dev/urandom > /big',
        'RUN mkdir /many && for i in $(seq 1 8000); do head -c 5000 /dev/urandom > /many/f$i; done',
        'RUN head -c 40000000 /dev/urandom > /big',
        'RUN for i in $(seq 1 4000); do rm /many/f$i; done',
        '',
      ].join('\n'),
    );
    cli(engine, ['build', '-q', '-t', REF, out]);
    const imageBytes = Number(cli(engine, ['image', 'inspect', '-f', '{{.Size}}', REF]));
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const ws = await openRaw(app);
    const engineId = ((await callRaw(ws, 'engines.list', {})) as { id: string }[])[0]!.id;
    const idleHwm = procStatus(app.pid, 'VmHWM');
    const docker = `${DOCKER_CLI} -H ${engine.host}`;
    const saveTarT = () => timeCli('sh', ['-c', `${docker} save ${REF} | tar -t > /dev/null`]);
    const saveNull = () => timeCli('sh', ['-c', `${docker} save ${REF} > /dev/null`]);

    const first = await explore(ws, { engineId, id: REF }); // warm-up (and the figures)
    saveTarT();
    const runs = { app: [] as number[], tar_t: [] as number[], save_null: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      runs.app.push((await explore(ws, { engineId, id: REF })).ms);
      runs.tar_t.push(saveTarT());
      runs.save_null.push(saveNull());
    }
    ws.close();
    const hwm = procStatus(app.pid, 'VmHWM');
    const appMs = median(runs.app);
    const result = {
      image_mb: +(imageBytes / MB).toFixed(1),
      runs: RUNS,
      engine: cli(engine, ['version', '--format', '{{.Server.Version}}']),
      // The exact figures for this image: wasted 120,000,000 + 4,000 × 5,000 = 140,000,000.
      totals: {
        layers: first.totals.layers,
        size: first.totals.size,
        files: first.totals.files,
        wasted: first.totals.wasted,
        efficiency: +first.totals.efficiency.toFixed(4),
      },
      main_vmhwm_idle_mb: +(idleHwm / MB).toFixed(1),
      main_vmhwm_mb: +(hwm / MB).toFixed(1),
      app_ms: Math.round(appMs),
      save_tar_t_ms: Math.round(median(runs.tar_t)),
      save_null_ms: Math.round(median(runs.save_null)),
      // Time app ÷ CLI: 1 = as fast as the CLI pipeline; above 1 = slower.
      time_ratio_vs_save_tar_t: +(appMs / median(runs.tar_t)).toFixed(2),
      time_ratio_vs_save_null: +(appMs / median(runs.save_null)).toFixed(2),
      all_ms: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(Math.round)])),
    };
    console.log(JSON.stringify(result, null, 2));
    record('layers', result);
    if (hwm >= 250 * MB) throw new Error(`main's peak RSS ${hwm} B ≥ 250 MB`);
    if (first.totals.wasted !== 140_000_000) throw new Error(`wasted ${first.totals.wasted}`);
  } finally {
    if (app) await stopApp(app);
    await destroyEngine(engine);
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
