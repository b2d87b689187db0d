import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from './harness/app';
import { BUSYBOX_IMAGE, cli, importBusybox, newEngine, startDockerd } from './harness/engine';
import { checkPrerequisites } from './harness/prereqs';
import { run, DOCKER_CLI } from './harness/proc';
import { startRegistry } from './harness/registry';
import { saveState, staleStates, type SuiteState } from './harness/state';
import { teardownSuite } from './global-teardown';

/**
 * Starts the suite's own engine, registry and app. Never the user's engine: a private dockerd on
 * its own socket, bridge and data root, torn down by pid afterwards.
 */
export default async function globalSetup() {
  checkPrerequisites();
  // A previous run that was killed may have left its engine behind: clean it up first.
  for (const stale of staleStates()) await teardownSuite(stale.state, stale.file);

  const runId = process.env.PORTHOLE_E2E_RUN!;
  const state: Partial<SuiteState> = { runId, ownerPid: process.pid };
  const engine = newEngine();
  state.engine = engine;
  state.root = engine.dir;
  saveState(state);

  await startDockerd(engine);
  importBusybox(engine);

  const dockerConfig = join(engine.dir, 'docker-config');
  mkdirSync(dockerConfig, { recursive: true });
  state.dockerConfig = dockerConfig;
  const registry = await startRegistry(join(engine.dir, 'registry'));
  state.registry = registry;
  saveState(state);

  const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
  run(
    DOCKER_CLI,
    ['-H', engine.host, 'login', '--username', registry.user, '--password-stdin', registry.address],
    {
      env,
      input: registry.password,
    },
  );
  const privateImage = `${registry.address}/private/busybox:1`;
  cli(engine, ['tag', BUSYBOX_IMAGE, privateImage], env);
  cli(engine, ['push', privateImage], env);
  cli(engine, ['rmi', privateImage], env);
  run(DOCKER_CLI, ['logout', registry.address], { env });
  state.privateImage = privateImage;

  state.app = await startApp({
    dockerHost: engine.host,
    dataDir: join(engine.dir, 'app-data'),
    logFile: join(engine.dir, 'app.log'),
  });
  saveState(state);
}
