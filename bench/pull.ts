// bench/pull: pull of the same image from a local authenticated registry, the app (router
// stream over its WebSocket, as the Images screen does it) vs `docker pull`, on a private engine.
// Usage: node scripts/run-ts.mjs bench/pull.ts [RUNS]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { startRegistry, stopRegistry, type RegistryHandle } from '../e2e/harness/registry';
import { connectClient } from '../e2e/harness/web-client';
import { median, record, timeCli } from './common';

const RUNS = Number(process.argv[2] ?? 5);
const MB = 64;

async function main() {
  const engine = newEngine('porthole-bench-pull-');
  let registry: RegistryHandle | undefined;
  let app: AppHandle | undefined;
  try {
    await startDockerd(engine);
    importBusybox(engine);
    registry = await startRegistry(join(engine.dir, 'registry'));
    const config = join(engine.dir, 'docker-config');
    mkdirSync(config, { recursive: true });
    const auth = Buffer.from(`${registry.user}:${registry.password}`).toString('base64');
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [registry.address]: { auth } } }),
    );
    const env = { ...process.env, DOCKER_CONFIG: config };

    // Three layers of random data (incompressible), so the pull moves real bytes.
    const ref = `${registry.address}/bench/pull:1`;
    const ctx = mkdtempSync(join(tmpdir(), 'porthole-bench-ctx-'));
    const third = Math.round((MB * 1_000_000) / 3);
    writeFileSync(
      join(ctx, 'Dockerfile'),
      [
        `FROM ${BUSYBOX_IMAGE}`,
        `RUN head -c ${third} /dev/urandom > /a`,
        `RUN head -c ${third} /dev/urandom > /b`,
        `RUN head -c ${third} /dev/urandom > /c`,
        '',
      ].join('\n'),
    );
    cli(engine, ['build', '-q', '-t', ref, ctx], env);
    rmSync(ctx, { recursive: true, force: true });
    cli(engine, ['push', ref], env);
    const rmi = () => cli(engine, ['rmi', ref], env);
    rmi();

    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: join(engine.dir, 'app.log'),
      env: { DOCKER_CONFIG: config },
    });
    const client = await connectClient(app);
    const engines = await client.call('engines.list', {});
    const engineId = (engines.value as { id: string }[])[0]!.id;
    let nextId = 1;
    const appPull = async () => {
      const id = nextId++;
      const t0 = performance.now();
      client.send({ t: 'sub', id, name: 'images.pull', input: { engineId, ref } });
      const end = await client.next((m) => m.t === 'end' && m.id === id, 120_000);
      const ms = performance.now() - t0;
      if (end.error) throw new Error(`app pull failed: ${JSON.stringify(end.error)}`);
      return ms;
    };

    // Warm-up of both paths, then alternate so neither gets a systematically warmer engine.
    timeCli(DOCKER_CLI, ['-H', engine.host, '--config', config, 'pull', '-q', ref]);
    rmi();
    await appPull();
    rmi();
    const cliMs: number[] = [];
    const appMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      cliMs.push(timeCli(DOCKER_CLI, ['-H', engine.host, '--config', config, 'pull', ref]));
      rmi();
      appMs.push(await appPull());
      rmi();
    }
    client.close();
    const result = {
      image_mb: MB,
      layers: 4,
      runs: RUNS,
      engine: cli(engine, ['version', '--format', '{{.Server.Version}}']),
      cli_pull_ms: Math.round(median(cliMs)),
      app_pull_ms: Math.round(median(appMs)),
      ratio: +(median(appMs) / median(cliMs)).toFixed(2),
      cli_all_ms: cliMs.map(Math.round),
      app_all_ms: appMs.map(Math.round),
    };
    console.log(JSON.stringify(result, null, 2));
    record('pull', result);
  } finally {
    if (app) await stopApp(app);
    if (registry) await stopRegistry(registry);
    await destroyEngine(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
