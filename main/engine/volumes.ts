import type Docker from 'dockerode';
import type { VolumePrunePreview, VolumeSizes, VolumeSummary, VolumeUser } from '../../contract';
import { fail, toPortholeError } from './errors';

/** Label on the helper containers that read volumes (volumes-files.ts). */
export const HELPER_LABEL = 'io.porthole.helper';

const ANONYMOUS = /^[0-9a-f]{64}$/;

/** The list answer carries CreatedAt although @types/dockerode leaves it out. */
type VolumeInfo = Docker.VolumeInspectInfo & { CreatedAt?: string };

const containerName = (c: Docker.ContainerInfo) =>
  c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);

/** Volume name → the containers (any state) that mount it. */
export function usersByVolume(containers: Docker.ContainerInfo[]): Map<string, VolumeUser[]> {
  const users = new Map<string, VolumeUser[]>();
  for (const c of containers) {
    // Porthole's own short-lived file-browsing helpers are not "users" to report.
    if (c.Labels?.[HELPER_LABEL]) continue;
    for (const m of c.Mounts ?? []) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const list = users.get(m.Name) ?? [];
      if (!list.some((u) => u.id === c.Id)) {
        list.push({ id: c.Id, name: containerName(c), state: c.State });
      }
      users.set(m.Name, list);
    }
  }
  return users;
}

export function mapVolume(v: VolumeInfo, users: Map<string, VolumeUser[]>): VolumeSummary {
  return {
    name: v.Name,
    driver: v.Driver,
    mountpoint: v.Mountpoint,
    scope: v.Scope,
    created: v.CreatedAt ?? null,
    labels: v.Labels ?? {},
    options: v.Options ?? {},
    usedBy: (users.get(v.Name) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    anonymous: ANONYMOUS.test(v.Name),
  };
}

async function allUsers(docker: Docker) {
  return usersByVolume(await docker.listContainers({ all: true }));
}

export async function listVolumes(docker: Docker): Promise<VolumeSummary[]> {
  const [{ Volumes }, users] = await Promise.all([docker.listVolumes(), allUsers(docker)]);
  return (Volumes ?? []).map((v) => mapVolume(v as VolumeInfo, users));
}

interface DiskUsage {
  Volumes?: { Name: string; UsageData?: { Size: number } | null }[] | null;
}

/** Sizes from the system disk-usage call. It walks every volume, hence on demand only. */
export function sizesFromDf(df: DiskUsage): VolumeSizes {
  return Object.fromEntries(
    (df.Volumes ?? []).map((v) => [v.Name, v.UsageData?.Size ?? -1] as const),
  );
}

export async function volumeSizes(docker: Docker): Promise<VolumeSizes> {
  return sizesFromDf((await docker.df()) as DiskUsage);
}

export async function createVolume(
  docker: Docker,
  input: {
    name: string;
    driver: string;
    driverOpts: Record<string, string>;
    labels: Record<string, string>;
  },
): Promise<{ name: string }> {
  // The engine answers "create" for a name that exists with the existing volume: say so instead.
  const existing = await docker
    .getVolume(input.name)
    .inspect()
    .catch(() => undefined);
  if (existing)
    fail('CONFLICT', `A volume named ${input.name} already exists.`, 'Pick another name.');
  await docker.createVolume({
    Name: input.name,
    Driver: input.driver,
    DriverOpts: input.driverOpts,
    Labels: input.labels,
  });
  return { name: input.name };
}

export async function removeVolume(docker: Docker, name: string): Promise<null> {
  try {
    await docker.getVolume(name).remove();
    return null;
  } catch (err) {
    const error = toPortholeError(err);
    if (error.code !== 'CONFLICT') throw err;
    // The engine names one container id; people want the names of every container in the way.
    const users = (await allUsers(docker)).get(name) ?? [];
    fail(
      'CONFLICT',
      users.length
        ? `${error.message} Used by: ${users.map((u) => `${u.name} (${u.state})`).join(', ')}.`
        : error.message,
      'Remove those containers first; a stopped container still holds its volumes.',
    );
  }
}

/** Engine API ≥ 1.42 prunes only anonymous volumes unless asked for all; older prunes all. */
async function pruneFilters(docker: Docker): Promise<Record<string, string[]>> {
  const { ApiVersion } = await docker.version();
  const [major = 0, minor = 0] = ApiVersion.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 42) ? { all: ['true'] } : {};
}

export async function volumePrunePreview(docker: Docker): Promise<VolumePrunePreview> {
  const [{ Volumes }, users, sizes] = await Promise.all([
    docker.listVolumes({ filters: { dangling: ['true'] } }),
    allUsers(docker),
    volumeSizes(docker),
  ]);
  const volumes = (Volumes ?? [])
    .filter((v) => !users.has(v.Name))
    .map((v) => ({ name: v.Name, size: sizes[v.Name] ?? -1 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { volumes, bytes: volumes.reduce((n, v) => n + Math.max(0, v.size), 0) };
}

export async function pruneVolumes(docker: Docker): Promise<{ removed: string[]; bytes: number }> {
  const result = await docker.pruneVolumes({ filters: await pruneFilters(docker) });
  return { removed: result.VolumesDeleted ?? [], bytes: result.SpaceReclaimed ?? 0 };
}

/** "Run a container with this volume": from a local image, started, volume at `target`. */
export async function runWithVolume(
  docker: Docker,
  input: { name: string; image: string; target: string; containerName?: string | undefined },
): Promise<{ id: string; name: string }> {
  await docker.getVolume(input.name).inspect();
  const container = await docker.createContainer({
    Image: input.image,
    ...(input.containerName ? { name: input.containerName } : {}),
    // A shell image exits at once without a terminal; keep stdin open so it stays up.
    OpenStdin: true,
    Tty: true,
    HostConfig: { Mounts: [{ Type: 'volume', Source: input.name, Target: input.target }] },
  });
  await container.start();
  const info = await container.inspect();
  return { id: info.Id, name: info.Name.replace(/^\//, '') };
}
