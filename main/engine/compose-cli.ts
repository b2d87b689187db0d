import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { ComposeCli, ComposeJob } from '../../contract';
import { sshAddress } from './address';
import type { Endpoint, EngineConfig, TlsFiles } from './detect';

/** The compose found on this machine and how to run it. */
export interface ComposeTool {
  flavor: 'v2' | 'v1';
  version: string;
  /** The executable, and the words before compose's own flags ("compose" for the plugin). */
  file: string;
  prefix: string[];
}

export const NO_COMPOSE: Extract<ComposeCli, { available: false }> = {
  available: false,
  message: 'Neither “docker compose” (v2) nor “docker-compose” (v1) is installed on this machine.',
  hint:
    'Install the Compose plugin (docs.docker.com/compose/install — on Debian/Ubuntu with ' +
    "Docker's repository: apt-get install docker-compose-plugin), or Debian's v1: " +
    'apt-get install docker-compose. Then try again.',
};

/** Variables the CLI needs to run at all; nothing else of Porthole's environment goes to it. */
const PASS = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'TMPDIR',
  // ssh:// engines: the agent holds the keys; HOME has ~/.ssh/known_hosts and the config.
  'SSH_AUTH_SOCK',
  // Registry logins the CLI itself would use for pulls.
  'DOCKER_CONFIG',
  // Windows cannot start a process without these.
  'SystemRoot',
  'PATHEXT',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
];

/**
 * The child's environment: a few pass-through variables, never Porthole's whole environment.
 * Compose interpolates `${VAR}` from its environment, so this also keeps Porthole's own variables
 * (and any secret in them) out of people's compose files.
 */
export function baseEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PASS) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  // v1 is Python: unbuffered, so its output streams as it happens.
  out.PYTHONUNBUFFERED = '1';
  return out;
}

type SshEndpoint = Extract<Endpoint, { kind: 'ssh' }>;

/** What the CLI is pointed at: an engine's endpoint, an ssh:// one's port only when written. */
export type CliEndpoint =
  Exclude<Endpoint, SshEndpoint> | (Omit<SshEndpoint, 'port'> & { port?: number });

/**
 * The endpoint as the CLI should get it. For ssh:// the CLI runs the system `ssh`, with `-p` when
 * DOCKER_HOST has a port — and compose v1 (docker-py) always passes one, 22 when DOCKER_HOST has
 * none, whatever ~/.ssh/config says. So the port is the one Porthole's own connection uses: the
 * address's, else the config's Port (`resolved`, from resolveSshTarget). The host stays the alias
 * as written, so ssh still applies its Host block (HostName, User, IdentityFile). Without a
 * resolved target and no written port, none is given and ssh reads the config itself.
 */
export function cliEndpoint(config: EngineConfig, resolved?: { port: number }): CliEndpoint {
  if (config.endpoint.kind !== 'ssh') return config.endpoint;
  const { port: parsed, ...rest } = config.endpoint;
  const port = sshAddress(config).port === undefined ? resolved?.port : parsed;
  return port === undefined ? rest : { ...rest, port };
}

/** The variables that point a compose CLI at an engine (what the docker CLI reads too). */
export function engineEnv(endpoint: CliEndpoint, certDir?: string): Record<string, string> {
  switch (endpoint.kind) {
    case 'unix':
      return { DOCKER_HOST: `unix://${endpoint.socketPath}` };
    case 'npipe':
      return { DOCKER_HOST: `npipe://${endpoint.socketPath.replaceAll('\\', '/')}` };
    case 'ssh': {
      const user = endpoint.username ? `${endpoint.username}@` : '';
      const port = endpoint.port === undefined ? '' : `:${endpoint.port}`;
      return { DOCKER_HOST: `ssh://${user}${hostPart(endpoint.host)}${port}` };
    }
    case 'tcp': {
      const env: Record<string, string> = {
        DOCKER_HOST: `tcp://${hostPart(endpoint.host)}:${endpoint.port}`,
      };
      const tls = endpoint.tls;
      if (!tls) return env;
      // DOCKER_TLS turns TLS on for the docker CLI (v2) even without verification.
      env.DOCKER_TLS = '1';
      if (tls.verify) env.DOCKER_TLS_VERIFY = '1';
      if (certDir) env.DOCKER_CERT_PATH = certDir;
      return env;
    }
  }
}

const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);

const STANDARD = { ca: 'ca.pem', cert: 'cert.pem', key: 'key.pem' } as const;

/**
 * DOCKER_CERT_PATH is one folder holding ca.pem, cert.pem and key.pem. When the engine's files
 * already are that, the folder is used as is; otherwise `links` says which names to link to
 * which files in a folder of our own. Paths only: the keys never pass through Porthole.
 */
export function certLayout(tls: TlsFiles): { dir: string } | { links: [string, string][] } {
  const files = (Object.keys(STANDARD) as (keyof typeof STANDARD)[]).flatMap((k) =>
    tls[k] ? [[STANDARD[k], tls[k]] as [string, string]] : [],
  );
  if (files.length === 0) return { links: [] };
  const dir = dirname(files[0]![1]);
  if (files.every(([name, path]) => path === join(dir, name))) return { dir };
  return { links: files };
}

/** How one project is named to the CLI. */
export interface ProjectArgs {
  name: string;
  files: string[];
  projectDir?: string | undefined;
  envFile?: string | undefined;
  profiles: string[];
}

/** compose's global flags for a project, then the subcommand. No secret is ever an argument. */
export function composeArgs(tool: ComposeTool, p: ProjectArgs, sub: string[]): string[] {
  return [
    ...tool.prefix,
    '--ansi',
    'never',
    '-p',
    p.name,
    ...p.files.flatMap((f) => ['-f', f]),
    ...(p.projectDir ? ['--project-directory', p.projectDir] : []),
    ...(p.envFile ? ['--env-file', p.envFile] : []),
    ...p.profiles.flatMap((x) => ['--profile', x]),
    ...sub,
  ];
}

/** The subcommand for a job. */
export function jobCommand(job: ComposeJob): string[] {
  switch (job.op) {
    case 'up':
      return ['up', '-d'];
    case 'down':
      return [
        'down',
        // Containers of services no longer in the file (or behind a profile) go too.
        '--remove-orphans',
        ...(job.removeVolumes ? ['--volumes'] : []),
        ...(job.removeImages !== 'none' ? ['--rmi', job.removeImages] : []),
      ];
    case 'scale':
      return [
        'up',
        '-d',
        '--no-deps',
        '--no-recreate',
        '--scale',
        `${job.service}=${job.replicas}`,
        job.service,
      ];
    case 'recreate':
      return ['up', '-d', '--no-deps', '--force-recreate', job.service];
  }
}

/** "2.29.1", "v2.29.1", "1.29.2, build unknown" → the version and its major number. */
export function parseVersion(out: string): { version: string; major: number } | undefined {
  const m = /v?(\d+)\.(\d+)(?:\.(\d+))?[^\s,]*/.exec(out.trim());
  return m ? { version: m[0].replace(/^v/, ''), major: Number(m[1]) } : undefined;
}

type Run = (file: string, args: string[], env: Record<string, string>) => Promise<string>;

const runQuiet: Run = (file, args, env) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: 15_000, maxBuffer: 64 * 1024 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });

/** `docker compose` v2 where it exists, else `docker-compose` (v1, or a standalone v2). */
export async function detectCompose(
  env: Record<string, string>,
  run: Run = runQuiet,
): Promise<ComposeTool | undefined> {
  try {
    const v = parseVersion(await run('docker', ['compose', 'version', '--short'], env));
    if (v && v.major >= 2)
      return { flavor: 'v2', version: v.version, file: 'docker', prefix: ['compose'] };
  } catch {
    // No docker CLI, or one without the compose plugin: try the standalone tool.
  }
  try {
    const v = parseVersion(await run('docker-compose', ['version', '--short'], env));
    if (v) {
      return {
        flavor: v.major >= 2 ? 'v2' : 'v1',
        version: v.version,
        file: 'docker-compose',
        prefix: [],
      };
    }
  } catch {
    // Not installed either.
  }
  return undefined;
}

export function describeTool(tool: ComposeTool | undefined): ComposeCli {
  if (!tool) return NO_COMPOSE;
  return {
    available: true,
    flavor: tool.flavor,
    version: tool.version,
    command: [tool.file, ...tool.prefix].join(' '),
  };
}
