import { join } from 'node:path';
import {
  describeEndpoint,
  dockerConfigDir,
  parseHost,
  realDetectEnv,
  tlsFromDir,
  type DetectEnv,
  type EngineConfig,
} from './address';
import { detectContexts } from './contexts';

export {
  describeEndpoint,
  dockerConfigDir,
  parseHost,
  realDetectEnv,
  slug,
  tlsFromDir,
  type DetectEnv,
  type Endpoint,
  type EngineConfig,
  type TlsFiles,
} from './address';

function fromEnv(d: DetectEnv): EngineConfig | undefined {
  const host = d.env.DOCKER_HOST;
  if (!host) return undefined;
  const verify = !!d.env.DOCKER_TLS_VERIFY && d.env.DOCKER_TLS_VERIFY !== '0';
  const tlsOn = verify || (!!d.env.DOCKER_TLS && d.env.DOCKER_TLS !== '0');
  const certDir = d.env.DOCKER_CERT_PATH || dockerConfigDir(d);
  const tls = tlsOn ? tlsFromDir(certDir, verify, d) : undefined;
  return {
    id: 'env',
    name: 'DOCKER_HOST',
    source: 'env',
    endpoint: parseHost(host, tls),
    address: host.trim(),
    preferred: true,
  };
}

function podmanSockets(d: DetectEnv): EngineConfig[] {
  const machineDir = join(d.home, '.local', 'share', 'containers', 'podman', 'machine');
  const candidates: { id: string; name: string; path: string | undefined; npipe?: boolean }[] =
    d.platform === 'win32'
      ? [
          {
            id: 'podman',
            name: 'Podman machine',
            path: '\\\\.\\pipe\\podman-machine-default',
            npipe: true,
          },
        ]
      : d.platform === 'darwin'
        ? ['podman.sock', join('qemu', 'podman.sock'), join('applehv', 'podman.sock')].map((f) => ({
            id: 'podman',
            name: 'Podman machine',
            path: join(machineDir, f),
          }))
        : [
            {
              id: 'podman',
              name: 'Podman',
              path: d.env.XDG_RUNTIME_DIR
                ? join(d.env.XDG_RUNTIME_DIR, 'podman', 'podman.sock')
                : undefined,
            },
            { id: 'podman-root', name: 'Podman (rootful)', path: '/run/podman/podman.sock' },
          ];
  const found = candidates.filter((c) => c.path && d.exists(c.path));
  // One machine socket is enough (podman links them); rootless and rootful both when both run.
  const unique = found.filter((c, i) => found.findIndex((o) => o.id === c.id) === i);
  return unique.map((c) => ({
    id: c.id,
    name: c.name,
    source: 'podman' as const,
    endpoint: c.npipe
      ? { kind: 'npipe' as const, socketPath: c.path! }
      : { kind: 'unix' as const, socketPath: c.path! },
    address: c.npipe ? `npipe://${c.path!.replaceAll('\\', '/')}` : `unix://${c.path!}`,
  }));
}

function defaultSockets(d: DetectEnv, podman: boolean): EngineConfig[] {
  if (d.platform === 'win32') {
    return [
      {
        id: 'local',
        name: 'Local Docker',
        source: 'default',
        endpoint: { kind: 'npipe', socketPath: '\\\\.\\pipe\\docker_engine' },
        address: 'npipe:////./pipe/docker_engine',
      },
    ];
  }
  const found: EngineConfig[] = [];
  const dockerPaths =
    d.platform === 'darwin'
      ? [join(d.home, '.docker', 'run', 'docker.sock'), '/var/run/docker.sock']
      : ['/var/run/docker.sock', join(d.home, '.docker', 'desktop', 'docker.sock')];
  const docker = dockerPaths.find((p) => d.exists(p));
  // With nothing running we still watch the usual socket, so starting Docker later just works.
  const dockerPath = docker ?? (podman ? undefined : dockerPaths[0]);
  if (dockerPath) {
    found.push({
      id: 'local',
      name: 'Local Docker',
      source: 'default',
      endpoint: { kind: 'unix', socketPath: dockerPath },
      address: `unix://${dockerPath}`,
    });
  }
  return found;
}

export function detectEngines(d: DetectEnv = realDetectEnv()): EngineConfig[] {
  const env = fromEnv(d);
  // With DOCKER_HOST set the CLI ignores the current context: it is listed, not preferred.
  const contexts = detectContexts(d).map((c) => (env ? withoutPreferred(c) : c));
  const podman = podmanSockets(d);
  const candidates = [
    ...(env ? [env] : []),
    ...contexts,
    ...(env ? [] : defaultSockets(d, podman.length > 0)),
    ...podman,
  ];
  const seen = new Set<string>();
  return candidates.filter((e) => {
    const key = describeEndpoint(e.endpoint);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withoutPreferred(e: EngineConfig): EngineConfig {
  const rest = { ...e };
  delete rest.preferred;
  return rest;
}
