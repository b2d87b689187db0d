import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Engine addresses and what detection reads from the machine: shared by every detector. */

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
  /** Where it came from: DOCKER_HOST, a docker context, a default socket, or the user. */
  source: 'env' | 'context' | 'default' | 'podman' | 'added';
  endpoint: Endpoint;
  /** The address as written (DOCKER_HOST, a context's Host, the Add engine dialog). */
  address?: string;
  /** The engine the docker CLI would use right now: DOCKER_HOST, else the current context. */
  preferred?: boolean;
}

/** What detection reads from the machine; injected so the logic is unit-testable. */
export interface DetectEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  exists(path: string): boolean;
  readText(path: string): string | undefined;
  /** Entry names in a folder; empty when it is missing. */
  listDir(path: string): string[];
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
    listDir(path) {
      try {
        return readdirSync(path);
      } catch {
        return [];
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

/**
 * An ssh:// engine's user@host[:port] as written: the port (and user) only when the address
 * names them, so that ~/.ssh/config's Port and User apply otherwise, as they do for `ssh`. An
 * engine without a written address (none today) keeps its parsed port.
 */
export function sshAddress(config: EngineConfig): {
  host: string;
  port?: number;
  username?: string;
} {
  const e = config.endpoint as Extract<Endpoint, { kind: 'ssh' }>;
  const written = /^ssh:\/\/(?:[^@/]+@)?(?:\[[^\]]+\]|[^:/]+)(:\d+)?/.exec(config.address ?? '');
  const explicitPort = !config.address || !!written?.[1];
  return {
    host: e.host,
    ...(explicitPort ? { port: e.port } : {}),
    ...(e.username ? { username: e.username } : {}),
  };
}

export function tlsFromDir(dir: string, verify: boolean, d: DetectEnv): TlsFiles {
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

export function dockerConfigDir(d: DetectEnv): string {
  return d.env.DOCKER_CONFIG || join(d.home, '.docker');
}

/** Podman's API sockets: rootless and rootful on Linux, the `podman machine` socket elsewhere. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'unnamed'
  );
}

/**
 * The engines found on this machine, the one the docker CLI would use marked `preferred`:
 * DOCKER_HOST when set (it replaces the default socket, as for the CLI), every docker context
 * (the current one first), the default Docker socket, and the Podman sockets.
 */
