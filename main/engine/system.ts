import type Docker from 'dockerode';
import type {
  DiskKind,
  DiskUsage,
  DiskUsageRow,
  EngineFacts,
  SystemPrunePreview,
  PrunePreviewRow,
  PruneResult,
  SystemInfo,
} from '../../contract';
import { withSignal } from './signal';

interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  Arch?: string;
  Platform?: { Name?: string };
  Components?: { Name?: string }[];
}

interface RawInfo {
  Name?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  KernelVersion?: string;
  Driver?: string;
  NCPU?: number;
  MemTotal?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  SecurityOptions?: string[];
  /** Podman's compat /info says it outright (Docker only through SecurityOptions). */
  Rootless?: boolean;
}

/** Podman's Docker API says who it is in /version's components (and platform name). */
function isPodman(v: RawVersion): boolean {
  const names = [v.Platform?.Name, ...(v.Components ?? []).map((c) => c.Name)];
  return names.some((n) => typeof n === 'string' && /podman/i.test(n));
}

export function factsFrom(version: unknown, info: unknown): EngineFacts {
  const v = (version ?? {}) as RawVersion;
  const i = (info ?? {}) as RawInfo;
  return {
    kind: isPodman(v) ? 'podman' : 'docker',
    version: String(v.Version ?? ''),
    apiVersion: String(v.ApiVersion ?? ''),
    os: String(i.OperatingSystem ?? v.Os ?? ''),
    arch: String(i.Architecture ?? v.Arch ?? ''),
    cpus: Number(i.NCPU ?? 0),
    memory: Number(i.MemTotal ?? 0),
    rootless: i.Rootless === true || (i.SecurityOptions ?? []).some((o) => /name=rootless/.test(o)),
  };
}

export async function systemInfo(docker: Docker, signal?: AbortSignal): Promise<SystemInfo> {
  const api = withSignal(docker);
  const [info, version, images] = await Promise.all([
    api.info(signal) as Promise<RawInfo>,
    api.version(signal) as Promise<RawVersion>,
    docker.listImages(signal ? { abortSignal: signal } : {}),
  ]);
  return {
    name: String(info.Name ?? ''),
    version: String(version.Version ?? ''),
    apiVersion: String(version.ApiVersion ?? ''),
    os: String(info.OperatingSystem ?? ''),
    arch: String(info.Architecture ?? ''),
    kernel: String(info.KernelVersion ?? ''),
    storageDriver: String(info.Driver ?? ''),
    cpus: Number(info.NCPU ?? 0),
    memory: Number(info.MemTotal ?? 0),
    containers: {
      running: Number(info.ContainersRunning ?? 0),
      paused: Number(info.ContainersPaused ?? 0),
      stopped: Number(info.ContainersStopped ?? 0),
    },
    images: { count: images.length, bytes: images.reduce((n, im) => n + (im.Size ?? 0), 0) },
  };
}

/** The parts of GET /system/df the CLI's `system df` reads. */
export interface RawDf {
  LayersSize?: number;
  BuilderSize?: number;
  Images?: {
    Id?: string;
    RepoTags?: string[] | null;
    Size?: number;
    SharedSize?: number;
    Containers?: number;
  }[];
  Containers?: { Id?: string; Names?: string[]; State?: string; SizeRw?: number }[];
  Volumes?: { Name?: string; UsageData?: { Size?: number; RefCount?: number } | null }[];
  BuildCache?: { ID?: string; Size?: number; InUse?: boolean; Shared?: boolean }[] | null;
}

const known = (n: number | undefined) => (typeof n === 'number' && n >= 0 ? n : 0);
const isActive = (state: string | undefined) => /running|paused|restarting/.test(state ?? '');
const isDangling = (tags: string[] | null | undefined) =>
  !tags || tags.length === 0 || tags.every((t) => t === '<none>:<none>');

/** `docker system df`'s four lines, with the CLI's arithmetic (docker/cli formatter/disk_usage). */
export function diskUsageFrom(df: RawDf): DiskUsage {
  const images = df.Images ?? [];
  const layers = known(df.LayersSize);
  const used = images
    .filter((i) => (i.Containers ?? 0) > 0 && (i.Size ?? -1) >= 0 && (i.SharedSize ?? -1) >= 0)
    .reduce((n, i) => n + i.Size! - i.SharedSize!, 0);
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  const builder =
    typeof df.BuilderSize === 'number'
      ? known(df.BuilderSize)
      : cache.filter((c) => !c.Shared).reduce((n, c) => n + known(c.Size), 0);
  const rows: DiskUsageRow[] = [
    {
      kind: 'images',
      total: images.length,
      active: images.filter((i) => (i.Containers ?? 0) > 0).length,
      bytes: layers,
      reclaimable: layers - used,
    },
    {
      kind: 'containers',
      total: containers.length,
      active: containers.filter((c) => isActive(c.State)).length,
      bytes: containers.reduce((n, c) => n + known(c.SizeRw), 0),
      reclaimable: containers
        .filter((c) => !isActive(c.State))
        .reduce((n, c) => n + known(c.SizeRw), 0),
    },
    {
      kind: 'volumes',
      total: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      bytes: volumes.reduce((n, v) => n + known(v.UsageData?.Size), 0),
      reclaimable: volumes
        .filter((v) => (v.UsageData?.RefCount ?? 0) === 0)
        .reduce((n, v) => n + known(v.UsageData?.Size), 0),
    },
    {
      kind: 'buildCache',
      total: cache.length,
      active: cache.filter((c) => c.InUse).length,
      // The CLI prints the engine's BuilderSize, less what is in use and not shared.
      bytes: builder,
      reclaimable:
        builder - cache.filter((c) => c.InUse && !c.Shared).reduce((n, c) => n + known(c.Size), 0),
    },
  ];
  return { rows };
}

function previewRow(kind: DiskKind, items: { name: string; bytes: number }[]): PrunePreviewRow {
  const sorted = [...items].sort((a, b) => b.bytes - a.bytes);
  return {
    kind,
    count: items.length,
    bytes: items.reduce((n, i) => n + i.bytes, 0),
    items: sorted.slice(0, 50),
  };
}

/**
 * What each default prune removes, from the same df answer the engine prunes by: stopped
 * containers (their writable layers), dangling unused images (their own layers), unused
 * volumes, unused unshared build cache.
 */
export function prunePreviewFrom(df: RawDf): SystemPrunePreview {
  const containers = (df.Containers ?? [])
    .filter((c) => !isActive(c.State))
    .map((c) => ({
      name: (c.Names?.[0] ?? c.Id ?? '').replace(/^\//, ''),
      bytes: known(c.SizeRw),
    }));
  const images = (df.Images ?? [])
    .filter((i) => isDangling(i.RepoTags) && (i.Containers ?? 0) === 0)
    .map((i) => ({
      name: (i.Id ?? '').replace(/^sha256:/, '').slice(0, 12),
      bytes: Math.max(0, known(i.Size) - known(i.SharedSize)),
    }));
  const volumes = (df.Volumes ?? [])
    .filter((v) => (v.UsageData?.RefCount ?? 0) === 0)
    .map((v) => ({ name: v.Name ?? '', bytes: known(v.UsageData?.Size) }));
  const cache = (df.BuildCache ?? [])
    .filter((c) => !c.InUse && !c.Shared)
    .map((c) => ({ name: (c.ID ?? '').slice(0, 12), bytes: known(c.Size) }));
  return {
    rows: [
      previewRow('containers', containers),
      previewRow('images', images),
      previewRow('volumes', volumes),
      previewRow('buildCache', cache),
    ],
  };
}

export async function readDf(docker: Docker, signal?: AbortSignal): Promise<RawDf> {
  return (await withSignal(docker).df(signal)) as RawDf;
}

/** API ≥ 1.42 prunes only anonymous volumes unless told `all`; older engines prune all unused. */
function volumeFilters(apiVersion: string): Record<string, string[]> | undefined {
  const [major = 0, minor = 0] = apiVersion.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 42) ? { all: ['true'] } : undefined;
}

/** Runs the prunes asked for, containers first (so their images and volumes become unused). */
export async function prune(
  docker: Docker,
  kinds: DiskKind[],
  apiVersion: string,
): Promise<PruneResult> {
  const order: DiskKind[] = ['containers', 'images', 'volumes', 'buildCache'];
  const rows: PruneResult['rows'] = [];
  for (const kind of order.filter((k) => kinds.includes(k))) {
    try {
      if (kind === 'containers') {
        const r = await docker.pruneContainers();
        rows.push({ kind, count: r.ContainersDeleted?.length ?? 0, bytes: r.SpaceReclaimed ?? 0 });
      } else if (kind === 'images') {
        // ImagesDeleted lists layers too: count the entries that are images.
        const ids = new Set((await docker.listImages({ all: true })).map((i) => i.Id));
        const r = await docker.pruneImages({ filters: { dangling: ['true'] } });
        const deleted = (r.ImagesDeleted ?? []).filter((d) => d.Deleted && ids.has(d.Deleted));
        rows.push({ kind, count: deleted.length, bytes: r.SpaceReclaimed ?? 0 });
      } else if (kind === 'volumes') {
        const filters = volumeFilters(apiVersion);
        const r = await docker.pruneVolumes(filters ? { filters } : {});
        rows.push({ kind, count: r.VolumesDeleted?.length ?? 0, bytes: r.SpaceReclaimed ?? 0 });
      } else {
        const r = (await docker.pruneBuilder()) as {
          CachesDeleted?: string[] | null;
          SpaceReclaimed?: number;
        };
        rows.push({ kind, count: r.CachesDeleted?.length ?? 0, bytes: r.SpaceReclaimed ?? 0 });
      }
    } catch (err) {
      // One prune failing (Podman has no build cache endpoint) must not hide the others.
      const message = err instanceof Error ? err.message : String(err);
      rows.push({ kind, count: 0, bytes: 0, error: message });
    }
  }
  return { rows };
}
