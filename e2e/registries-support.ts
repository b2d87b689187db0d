import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { startApp, stopApp, type AppHandle } from './harness/app';
import { BUSYBOX_IMAGE, cli } from './harness/engine';
import { DOCKER_CLI, run } from './harness/proc';
import type { SuiteState } from './harness/state';
import { connectClient, type RawClient } from './harness/web-client';

export const HELPER = 'porthole-test';
const HELPER_SCRIPT = join(__dirname, 'harness', `docker-credential-${HELPER}`);

/**
 * One test's own app and docker config, on the suite's engine and registry. Which logins exist
 * is what these tests change, so they never share the suite's app or its DOCKER_CONFIG with the
 * tests running beside them.
 */
export interface LoginWorld {
  dir: string;
  dockerConfig: string;
  dataDir: string;
  /** Where the test credential helper keeps its logins (stands in for the OS keychain). */
  credStore: string;
  /** The environment of the app and of the CLI oracle: DOCKER_CONFIG, the helper on PATH. */
  env: NodeJS.ProcessEnv;
  app: AppHandle;
  /** The docker CLI with this world's DOCKER_CONFIG. */
  cli: (...args: string[]) => string;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startWorld(
  suite: SuiteState,
  opts: { helper: boolean },
): Promise<LoginWorld> {
  const dir = mkdtempSync(join(suite.root, 'reg-'));
  const dockerConfig = join(dir, 'docker-config');
  const bin = join(dir, 'bin');
  mkdirSync(dockerConfig, { recursive: true });
  mkdirSync(bin);
  symlinkSync(HELPER_SCRIPT, join(bin, `docker-credential-${HELPER}`));
  const config = opts.helper ? { credsStore: HELPER } : {};
  writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify(config, null, '\t'));
  const credStore = join(dir, 'keychain.json');
  const env = {
    ...process.env,
    DOCKER_CONFIG: dockerConfig,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    PORTHOLE_TEST_CREDSTORE: credStore,
  };
  const dataDir = join(dir, 'app-data');
  let launches = 0;
  // A fresh log per launch: startApp reads the URL from the log it is given.
  const launch = () =>
    startApp({
      dockerHost: suite.engine.host,
      dataDir,
      logFile: join(dir, `app-${++launches}.log`),
      env: { DOCKER_CONFIG: dockerConfig, PATH: env.PATH, PORTHOLE_TEST_CREDSTORE: credStore },
    });
  const world: LoginWorld = {
    dir,
    dockerConfig,
    dataDir,
    credStore,
    env,
    app: await launch(),
    cli: (...args) => cli(suite.engine, args, env),
    async restart() {
      await stopApp(world.app);
      world.app = await launch();
    },
    async dispose() {
      await stopApp(world.app);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Pushes busybox to the private registry as `ref` with a throwaway CLI login, then removes it
 * locally, so the app's pull of `ref` must fetch it with credentials. */
export function seedPrivateImage(suite: SuiteState, ref: string) {
  const dir = mkdtempSync(join(suite.root, 'reg-seed-'));
  const env = { ...process.env, DOCKER_CONFIG: dir };
  const { address, user, password } = suite.registry;
  run(DOCKER_CLI, ['-H', suite.engine.host, 'login', '-u', user, '--password-stdin', address], {
    env,
    input: password,
  });
  cli(suite.engine, ['tag', BUSYBOX_IMAGE, ref], env);
  cli(suite.engine, ['push', ref], env);
  cli(suite.engine, ['rmi', ref], env);
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the test credential helper directly: the oracle for what it holds. */
export function helperList(world: LoginWorld): Record<string, string> {
  return JSON.parse(
    run(HELPER_SCRIPT, ['list'], { env: world.env, input: 'unused' }) || '{}',
  ) as Record<string, string>;
}

/** Every log the world's app launches wrote. */
export function appLogs(world: LoginWorld): string[] {
  return readdirSync(world.dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => join(world.dir, f));
}

/** Files under `dir` whose bytes contain `secret`. */
export function filesContaining(dir: string, secret: string): string[] {
  if (!existsSync(dir)) return [];
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile() && readFileSync(path).includes(secret)) hits.push(path);
    }
  };
  walk(dir);
  return hits;
}

/** Pull or push through the app's router (the same stream the Images screen uses); resolves
 * with the stream's end error, or undefined when it finished. */
export async function transfer(
  world: LoginWorld,
  name: 'images.pull' | 'images.push',
  ref: string,
): Promise<{ code: string; message: string } | undefined> {
  const client: RawClient = await connectClient(world.app);
  try {
    const id = 7;
    client.send({ t: 'sub', id, name, input: { engineId: 'env', ref } });
    const msg = await client.next(
      (m) => m.id === id && (m.t === 'end' || (m.t === 'result' && m.ok === false)),
      120_000,
    );
    return msg.error as { code: string; message: string } | undefined;
  } finally {
    client.close();
  }
}

/** The registry's own answer (HTTP API with basic auth): the oracle for a push. */
export async function registryTags(suite: SuiteState, repo: string): Promise<string[]> {
  const { address, user, password } = suite.registry;
  const res = await fetch(`http://${address}/v2/${repo}/tags/list`, {
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  });
  if (res.status !== 200) return [];
  return ((await res.json()) as { tags?: string[] }).tags ?? [];
}
