import type Docker from 'dockerode';
import { parseStatusTime, type ContainerSummary, type PortBinding } from '../../contract';
import { isNotModified } from './errors';

const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

/** The engine lists a port once per address family; people want to see it once. */
export function mapPorts(ports: Docker.Port[]): PortBinding[] {
  const seen = new Set<string>();
  const out: PortBinding[] = [];
  for (const p of ports) {
    const ip = p.IP === '::' ? '0.0.0.0' : p.IP;
    const key = `${ip ?? ''}|${p.PublicPort ?? ''}|${p.PrivatePort}|${p.Type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      privatePort: p.PrivatePort,
      type: p.Type,
      ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
      ...(ip ? { ip } : {}),
    });
  }
  return out.sort(
    (a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0),
  );
}

export function mapContainer(c: Docker.ContainerInfo, fetchedAtMs?: number): ContainerSummary {
  const labels = c.Labels ?? {};
  const age = fetchedAtMs === undefined ? undefined : parseStatusTime(c.Status ?? '');
  return {
    id: c.Id,
    name: c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12),
    image: c.Image,
    command: c.Command ?? '',
    created: c.Created,
    state: c.State,
    status: c.Status,
    // The engine's clock wrote the text at about the moment we received it: anchor it here.
    ...(age && fetchedAtMs !== undefined ? { statusSince: fetchedAtMs - age.seconds * 1000 } : {}),
    ports: mapPorts(c.Ports ?? []),
    labels,
    composeProject: labels['com.docker.compose.project'] ?? null,
    composeService: labels['com.docker.compose.service'] ?? null,
    anonymousVolumes: (c.Mounts ?? []).filter(
      (m) => m.Type === 'volume' && !!m.Name && ANONYMOUS_VOLUME.test(m.Name),
    ).length,
  };
}

/** Every container, or only `ids` (the engine filters: one event costs one row, not a list). */
export async function listContainers(
  docker: Docker,
  opts: { podman?: boolean; ids?: readonly string[] | undefined } = {},
): Promise<ContainerSummary[]> {
  const [list, pods] = await Promise.all([
    docker.listContainers({ all: true, ...(opts.ids ? { filters: { id: [...opts.ids] } } : {}) }),
    opts.podman ? podsByContainer(docker) : undefined,
  ]);
  const fetchedAt = Date.now();
  return list.map((c) => withPod(mapContainer(c, fetchedAt), pods?.get(c.Id)));
}

const withPod = (c: ContainerSummary, pod: string | undefined): ContainerSummary =>
  pod ? { ...c, pod } : c;

/** The part of Podman's own container list (libpod API) that the compat list lacks. */
interface LibpodContainer {
  Id?: string;
  PodName?: string;
}

/** Container id → pod name, from the pods of the Podman engine's containers. Pure. */
export function podNames(list: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(list)) return out;
  for (const c of list as LibpodContainer[]) {
    if (typeof c?.Id === 'string' && typeof c.PodName === 'string' && c.PodName) {
      out.set(c.Id, c.PodName);
    }
  }
  return out;
}

/**
 * Podman's compat /containers/json has no pod (no label, no field: checked on podman 4.3); its
 * libpod list on the same socket has PodName. Versioned path: 4.x answers 404 without one. A
 * failure only loses the pod names, never the list.
 */
function podsByContainer(docker: Docker): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    docker.modem.dial(
      {
        path: '/v4.0.0/libpod/containers/json?',
        method: 'GET',
        options: { all: true },
        statusCodes: { 200: true },
      },
      (err: unknown, data: unknown) => resolve(err ? new Map() : podNames(data)),
    );
  });
}

/** Runs a lifecycle call, treating "already in that state" (304) as success. */
async function idempotent(op: Promise<unknown>): Promise<null> {
  try {
    await op;
  } catch (err) {
    if (!isNotModified(err)) throw err;
  }
  return null;
}

export const startContainer = (docker: Docker, id: string) =>
  idempotent(docker.getContainer(id).start());
export const stopContainer = (docker: Docker, id: string) =>
  idempotent(docker.getContainer(id).stop());
export const restartContainer = (docker: Docker, id: string) =>
  idempotent(docker.getContainer(id).restart());

export async function removeContainer(
  docker: Docker,
  id: string,
  opts: { force: boolean; removeVolumes: boolean },
): Promise<null> {
  await docker.getContainer(id).remove({ force: opts.force, v: opts.removeVolumes });
  return null;
}

export const pauseContainer = (docker: Docker, id: string) =>
  idempotent(docker.getContainer(id).pause());
export const unpauseContainer = (docker: Docker, id: string) =>
  idempotent(docker.getContainer(id).unpause());
export const killContainer = (docker: Docker, id: string) =>
  idempotent(docker.getContainer(id).kill());

export async function renameContainer(docker: Docker, id: string, name: string): Promise<null> {
  await docker.getContainer(id).rename({ name });
  return null;
}

/** Exact-name lookup: `getContainer(name)` would also match an id prefix. */
export async function containerNamed(
  docker: Docker,
  name: string,
): Promise<Docker.ContainerInfo | undefined> {
  const escaped = name.replace(/[.]/g, '\\.');
  const list = await docker.listContainers({ all: true, filters: { name: [`^/${escaped}$`] } });
  return list.find((c) => c.Names?.includes(`/${name}`));
}
