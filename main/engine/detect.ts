import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
  verify: boolean;
}

export type Endpoint =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'npipe'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number; tls?: TlsFiles }
  | { kind: 'ssh'; host: string; port: number; username?: string };

export interface EngineConfig {
  id: string;
  name: string;
  source: 'env' | 'context' | 'default' | 'podman';
  endpoint: Endpoint;
}

/** What detection reads from the machine; injected so the logic is unit-testable. */
export interface DetectEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  exists(path: string): boolean;
  readText(path: string): string | undefined;
}

export function realDetectEnv(): DetectEnv {
  return {
    env: process.env,
    platform: process.platform,
    home: homedir(),
    exists: existsSync,
    readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export function describeEndpoint(e: Endpoint): string {
  switch (e.kind) {
    case 'unix':
      return `unix://${e.socketPath}`;
    case 'npipe':
      return `npipe://${e.socketPath.replaceAll('\\', '/')}`;
    case 'tcp':
      return `tcp://${e.host}:${e.port}${e.tls ? ' (TLS)' : ''}`;
    case 'ssh':
      return `ssh://${e.username ? `${e.username}@` : ''}${e.host}:${e.port}`;
  }
}

/** Parses a DOCKER_HOST-style address. TLS files come from `tlsDir` when TLS is on. */
export function parseHost(host: string, tls?: TlsFiles): Endpoint {
  const url = host.trim();
  if (url.startsWith('unix://')) return { kind: 'unix', socketPath: url.slice('unix://'.length) };
  if (url.startsWith('npipe://')) {
    return { kind: 'npipe', socketPath: url.slice('npipe://'.length).replaceAll('/', '\\') };
  }
  const m = /^(tcp|ssh|http|https):\/\/(?:([^@/]+)@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(url);
  if (!m) throw new Error(`Unsupported engine address "${host}"`);
  const [, scheme, user, rawHost = '', rawPort] = m;
  const hostName = rawHost.replace(/^\[|\]$/g, '');
  if (scheme === 'ssh') {
    return {
      kind: 'ssh',
      host: hostName,
      port: rawPort ? Number(rawPort) : 22,
      ...(user ? { username: user } : {}),
    };
  }
  const useTls = scheme === 'https' || tls !== undefined;
  const port = rawPort ? Number(rawPort) : useTls ? 2376 : 2375;
  // https:// means TLS even without cert files: verify against the system CAs, never plain HTTP.
  return { kind: 'tcp', host: hostName, port, ...(useTls ? { tls: tls ?? { verify: true } } : {}) };
}

function tlsFromDir(dir: string, verify: boolean, d: DetectEnv): TlsFiles {
  const pick = (f: string) => (d.exists(join(dir, f)) ? join(dir, f) : undefined);
  const files: TlsFiles = { verify };
  const ca = pick('ca.pem');
  const cert = pick('cert.pem');
  const key = pick('key.pem');
  if (ca) files.ca = ca;
  if (cert) files.cert = cert;
  if (key) files.key = key;
  return files;
}

function fromEnv(d: DetectEnv): EngineConfig | undefined {
  const host = d.env.DOCKER_HOST;
  if (!host) return undefined;
  const verify = !!d.env.DOCKER_TLS_VERIFY && d.env.DOCKER_TLS_VERIFY !== '0';
  const tlsOn = verify || (!!d.env.DOCKER_TLS && d.env.DOCKER_TLS !== '0');
  const certDir = d.env.DOCKER_CERT_PATH || dockerConfigDir(d);
  const tls = tlsOn ? tlsFromDir(certDir, verify, d) : undefined;
  return { id: 'env', name: 'DOCKER_HOST', source: 'env', endpoint: parseHost(host, tls) };
}

export function dockerConfigDir(d: DetectEnv): string {
  return d.env.DOCKER_CONFIG || join(d.home, '.docker');
}

function fromContext(d: DetectEnv): EngineConfig | undefined {
  const dir = dockerConfigDir(d);
  let name = d.env.DOCKER_CONTEXT;
  if (!name) {
    const text = d.readText(join(dir, 'config.json'));
    if (!text) return undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      const ctx = (parsed as { currentContext?: unknown }).currentContext;
      name = typeof ctx === 'string' ? ctx : undefined;
    } catch {
      return undefined;
    }
  }
  if (!name || name === 'default') return undefined;
  const digest = createHash('sha256').update(name).digest('hex');
  const metaText = d.readText(join(dir, 'contexts', 'meta', digest, 'meta.json'));
  if (!metaText) return undefined;
  try {
    const meta = JSON.parse(metaText) as {
      Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
    };
    const docker = meta.Endpoints?.docker;
    if (!docker?.Host) return undefined;
    const tlsDir = join(dir, 'contexts', 'tls', digest, 'docker');
    const tls = d.exists(tlsDir) ? tlsFromDir(tlsDir, !docker.SkipTLSVerify, d) : undefined;
    return {
      id: `ctx-${slug(name)}`,
      name: `Context ${name}`,
      source: 'context',
      endpoint: parseHost(docker.Host, tls),
    };
  } catch {
    return undefined;
  }
}

function defaultSockets(d: DetectEnv): EngineConfig[] {
  if (d.platform === 'win32') {
    return [
      {
        id: 'local',
        name: 'Local Docker',
        source: 'default',
        endpoint: { kind: 'npipe', socketPath: '\\\\.\\pipe\\docker_engine' },
      },
    ];
  }
  const found: EngineConfig[] = [];
  const dockerPaths =
    d.platform === 'darwin'
      ? [join(d.home, '.docker', 'run', 'docker.sock'), '/var/run/docker.sock']
      : ['/var/run/docker.sock', join(d.home, '.docker', 'desktop', 'docker.sock')];
  const docker = dockerPaths.find((p) => d.exists(p));
  const podmanPaths = [
    d.env.XDG_RUNTIME_DIR ? join(d.env.XDG_RUNTIME_DIR, 'podman', 'podman.sock') : undefined,
    '/run/podman/podman.sock',
  ].filter((p): p is string => !!p);
  const podman = podmanPaths.find((p) => d.exists(p));
  // With nothing running we still watch the usual socket, so starting Docker later just works.
  const dockerPath = docker ?? (podman ? undefined : dockerPaths[0]);
  if (dockerPath) {
    found.push({
      id: 'local',
      name: 'Local Docker',
      source: 'default',
      endpoint: { kind: 'unix', socketPath: dockerPath },
    });
  }
  if (podman) {
    found.push({
      id: 'podman',
      name: 'Podman',
      source: 'podman',
      endpoint: { kind: 'unix', socketPath: podman },
    });
  }
  return found;
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'unnamed'
  );
}

/**
 * The engines to connect to, in the docker CLI's order of precedence: DOCKER_HOST alone when
 * set (as the CLI does); else the current context, plus the default Docker and Podman sockets.
 */
export function detectEngines(d: DetectEnv = realDetectEnv()): EngineConfig[] {
  const env = fromEnv(d);
  if (env) return [env];
  const engines: EngineConfig[] = [];
  const ctx = fromContext(d);
  if (ctx) engines.push(ctx);
  for (const def of defaultSockets(d)) {
    const same = engines.some(
      (e) => describeEndpoint(e.endpoint) === describeEndpoint(def.endpoint),
    );
    if (!same) engines.push(def);
  }
  return engines;
}
