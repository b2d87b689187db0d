// bench/volumes: on a private engine with many volumes and networks, the app's router calls
// (over the web-mode WebSocket, as the renderer makes them) vs the docker CLI doing the same job
// on the same engine, in the same run. Usage:
//   node scripts/build.mjs && node scripts/run-ts.mjs bench/volumes.ts [VOLUMES] [NETWORKS]
import { join } from 'node:path';
import Docker from 'dockerode';
import { startApp, stopApp } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { DOCKER_CLI } from '../e2e/harness/proc';
import { connectClient, type RawClient } from '../e2e/harness/web-client';
import { median, record, timeCli } from './common';

const VOLUMES = Number(process.argv[2] ?? 300);
const NETWORKS = Number(process.argv[3] ?? 40);
const RUNS = 7;

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

/** Whole file download through the stream: subscribe → chunks → end. */
async function timeDownload(client: RawClient, input: unknown): Promise<number> {
  const id = Math.floor(Math.random() * 1e9);
  const t0 = performance.now();
  client.send({ t: 'sub', id, name: 'volumes.download', input });
  for (;;) {
    const m = await client.next((x) => x.id === id, 60_000);
    const event = m.event as { kind?: string; bytes?: number } | undefined;
    if (event?.kind === 'done' && event.bytes !== 20_000_000) {
      throw new Error(`downloaded ${event.bytes} bytes, expected 20000000`);
    }
    if (m.t === 'end') {
      if (m.error) throw new Error(JSON.stringify(m.error));
      return performance.now() - t0;
    }
  }
}

async function main() {
  const engine = newEngine('porthole-bench-vol-');
  let app;
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
      'for i in $(seq 1 200); do echo $i > /d/f$i; done; yes | head -c 20000000 > /d/big',
    ]);
    cli(engine, ['create', '--name', 'bench-reader', '-v', 'bench-vol-0:/v:ro', BUSYBOX_IMAGE]);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);
    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
    });
    const client = await connectClient(app);
    const engineId = ((await client.call('engines.list', {})).value as { id: string }[])[0]!.id;
    const H = ['-H', engine.host];

    const pair = async (cliArgs: string[], name: string, input: unknown, download = false) => {
      timeCli(DOCKER_CLI, [...H, ...cliArgs]);
      const cliMs = median(
        Array.from({ length: RUNS }, () => timeCli(DOCKER_CLI, [...H, ...cliArgs])),
      );
      const run = () => (download ? timeDownload(client, input) : timeCall(client, name, input));
      await run();
      const appRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) appRuns.push(await run());
      const appMs = median(appRuns);
      return {
        cli_ms: Math.round(cliMs),
        app_ms: Math.round(appMs),
        ratio: +(appMs / cliMs).toFixed(2),
      };
    };

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
        { engineId, name: 'bench-vol-0', path: '' },
      ),
      // 20 MB file to the client vs `docker cp` (the same archive API) out of a stopped
      // container that mounts the volume.
      download_20mb: await pair(
        ['cp', 'bench-reader:/v/big', join(engine.dir, 'big.copy')],
        'volumes.download',
        { engineId, name: 'bench-vol-0', path: 'big' },
        true,
      ),
    };
    client.close();
    console.log(JSON.stringify(result, null, 2));
    record('volumes', result);
  } finally {
    if (app) await stopApp(app);
    await destroyEngine(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
