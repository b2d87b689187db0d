import { execFile, spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { StackCli, StackDeployEvent } from '../../contract';
import type { Sink } from '../streams/sink';
import { LineSplitter } from '../streams/lines';
import { baseEnv, type CliEndpoint } from './compose-cli';
import { engineEnvFor } from './compose-run';
import { toPortholeError } from './errors';

const NAMESPACE = 'com.docker.stack.namespace';

export const NO_DOCKER_CLI: Extract<StackCli, { available: false }> = {
  available: false,
  message: 'The docker CLI is not installed on this machine: “docker stack deploy” needs it.',
  hint:
    'Install the docker CLI (Debian/Ubuntu: apt-get install docker.io, or docker-ce-cli from ' +
    "Docker's repository), then try again. Removing a stack works without it.",
};

export interface StackDeps {
  /** Where pasted stack files are written for the CLI: DATA/stacks. */
  root: string;
  endpoint(engineId: string): CliEndpoint;
  env: Record<string, string | undefined>;
}

/** The docker CLI's client version, or why there is none. */
export function stackCli(env: Record<string, string | undefined>): Promise<StackCli> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      ['version', '--format', '{{.Client.Version}}'],
      { env: { ...baseEnv(env), DOCKER_HOST: 'unix:///nonexistent' }, timeout: 15_000 },
      (_err, stdout) => {
        // Without an engine `docker version` exits 1 but still prints the client's version.
        const version = stdout.trim().split('\n')[0] ?? '';
        resolve(/^\d+\.\d+/.test(version) ? { available: true, version } : NO_DOCKER_CLI);
      },
    );
  });
}

/**
 * `docker stack deploy -c FILE NAME`, pointed at the engine with its DOCKER_HOST, output streamed
 * line by line. The file is Porthole's copy of what was pasted; closing the stream kills the CLI.
 */
export function deployStack(
  deps: StackDeps,
  i: { engineId: string; name: string; yaml: string },
  sink: Sink<StackDeployEvent>,
) {
  let child: ReturnType<typeof spawn> | undefined;
  void (async () => {
    try {
      const cli = await stackCli(deps.env);
      if (!cli.available) return sink.end({ code: 'NOT_FOUND', ...NO_DOCKER_CLI });
      await mkdir(deps.root, { recursive: true, mode: 0o700 });
      const file = join(deps.root, `${i.name}.yml`);
      await writeFile(file, i.yaml, { mode: 0o600 });
      const engine = await engineEnvFor(deps.endpoint(i.engineId));
      const argv = ['stack', 'deploy', '--compose-file', file, i.name];
      sink.next({ kind: 'command', argv: ['docker', ...argv] });
      if (sink.closed) return void (await engine.cleanup());
      child = spawn('docker', argv, {
        env: { ...baseEnv(deps.env), ...engine.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const pipes = [
        { stream: child.stdout, lines: new LineSplitter(), err: false },
        { stream: child.stderr, lines: new LineSplitter(), err: true },
      ];
      for (const p of pipes) {
        const on = (text: string) => sink.next({ kind: 'output', text, err: p.err }, text.length);
        p.stream?.on('data', (chunk: Buffer) => p.lines.push(chunk, on));
        p.stream?.on('end', () => p.lines.flush(on));
      }
      sink.onPause(
        () => pipes.forEach((p) => p.stream?.pause()),
        () => pipes.forEach((p) => p.stream?.resume()),
      );
      child.once('error', (err) => sink.end(toPortholeError(err)));
      child.once('close', (code) => {
        void engine.cleanup();
        sink.next({ kind: 'exit', code });
        sink.end();
      });
    } catch (err) {
      sink.end(toPortholeError(err));
    }
  })();
  return { close: () => child?.kill('SIGTERM') };
}

export async function removeStackFile(root: string, name: string) {
  await rm(join(root, `${name}.yml`), { force: true });
}

/** What `docker stack rm` removes: services, then networks, secrets and configs, by label. */
export async function removeStack(docker: Docker, name: string): Promise<{ removed: string[] }> {
  const filters = JSON.stringify({ label: [`${NAMESPACE}=${name}`] });
  const removed: string[] = [];
  const services = (await docker.listServices({ filters })) as unknown as {
    ID: string;
    Spec: { Name: string };
  }[];
  for (const s of services) {
    await docker.getService(s.ID).remove();
    removed.push(s.Spec.Name);
  }
  const named = async (
    list: Promise<{ ID?: string; Id?: string; Name?: string; Spec?: { Name?: string } }[]>,
    remove: (id: string) => Promise<unknown>,
  ) => {
    for (const x of await list) {
      const id = x.ID ?? x.Id ?? '';
      // A network may still be in use for a moment while the tasks stop: the engine says so.
      await remove(id);
      removed.push(x.Spec?.Name ?? x.Name ?? id);
    }
  };
  await named(
    docker.listSecrets({ filters }) as never,
    (id) => docker.getSecret(id).remove() as Promise<unknown>,
  );
  await named(
    docker.listConfigs({ filters }) as never,
    (id) => docker.getConfig(id).remove() as Promise<unknown>,
  );
  await named(docker.listNetworks({ filters }) as never, (id) => removeNetworkRetrying(docker, id));
  return { removed };
}

/** The services' tasks leave their network over a few seconds after the services go. */
async function removeNetworkRetrying(docker: Docker, id: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await docker.getNetwork(id).remove()) as unknown;
    } catch (err) {
      const e = toPortholeError(err);
      if (attempt >= 20 || !/in use|active endpoints/i.test(e.message)) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
