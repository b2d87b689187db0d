import type Docker from 'dockerode';
import type { ContainerSummary, PortBinding } from '../../contract';
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

export function mapContainer(c: Docker.ContainerInfo): ContainerSummary {
  const labels = c.Labels ?? {};
  return {
    id: c.Id,
    name: c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12),
    image: c.Image,
    command: c.Command ?? '',
    created: c.Created,
    state: c.State,
    status: c.Status,
    ports: mapPorts(c.Ports ?? []),
    labels,
    composeProject: labels['com.docker.compose.project'] ?? null,
    composeService: labels['com.docker.compose.service'] ?? null,
    anonymousVolumes: (c.Mounts ?? []).filter(
      (m) => m.Type === 'volume' && !!m.Name && ANONYMOUS_VOLUME.test(m.Name),
    ).length,
  };
}

export async function listContainers(docker: Docker): Promise<ContainerSummary[]> {
  const list = await docker.listContainers({ all: true });
  return list.map(mapContainer);
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
