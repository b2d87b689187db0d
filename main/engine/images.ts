import type Docker from 'dockerode';
import type {
  ImageDetail,
  ImageLayer,
  ImageSummary,
  PruneMode,
  PrunePreview,
  SearchResult,
} from '../../contract';
import { fail, toPortholeError } from './errors';
import { engineWords } from './images-progress';

const NONE = '<none>:<none>';

/** Containers (any state) per image id: the "in use by N" column and the prune preview. */
async function containersByImage(docker: Docker): Promise<Map<string, string[]>> {
  const list = await docker.listContainers({ all: true });
  const byImage = new Map<string, string[]>();
  for (const c of list) {
    const names = byImage.get(c.ImageID) ?? [];
    names.push(c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12));
    byImage.set(c.ImageID, names);
  }
  return byImage;
}

/** One row per repo:tag, as `docker images` shows them; an untagged image is one row. */
export function flattenImages(
  images: Docker.ImageInfo[],
  inUse: Map<string, string[]>,
): ImageSummary[] {
  return images.flatMap((img): ImageSummary[] => {
    const tags = (img.RepoTags ?? []).filter((t) => t !== NONE);
    const digests = (img.RepoDigests ?? []).filter((d) => !d.startsWith('<none>'));
    const base = {
      id: img.Id,
      repoDigests: digests,
      size: img.Size,
      created: img.Created,
      containers: inUse.get(img.Id)?.length ?? 0,
      dangling: tags.length === 0 && digests.length === 0,
    };
    return tags.length === 0
      ? [{ ...base, repoTag: null }]
      : tags.map((repoTag) => ({ ...base, repoTag }));
  });
}

export async function listImages(docker: Docker): Promise<ImageSummary[]> {
  const [images, inUse] = await Promise.all([docker.listImages(), containersByImage(docker)]);
  return flattenImages(images, inUse);
}

export async function inspectImage(docker: Docker, id: string): Promise<ImageDetail> {
  const info = await docker.getImage(id).inspect();
  const config = info.Config ?? ({} as Docker.ImageInspectInfo['Config']);
  const list = (v: unknown) =>
    Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  return {
    id: info.Id,
    repoTags: info.RepoTags ?? [],
    repoDigests: info.RepoDigests ?? [],
    created: info.Created,
    size: info.Size,
    os: info.Os,
    architecture: info.Architecture,
    env: list(config.Env),
    entrypoint: list(config.Entrypoint),
    cmd: list(config.Cmd),
    workingDir: config.WorkingDir ?? '',
    user: config.User ?? '',
    exposedPorts: Object.keys(config.ExposedPorts ?? {}),
    labels: (config.Labels as Record<string, string> | null) ?? {},
    raw: info as unknown as Record<string, unknown>,
  };
}

interface HistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Tags: string[] | null;
  Comment: string;
}

export async function imageHistory(docker: Docker, id: string): Promise<ImageLayer[]> {
  const history = (await docker.getImage(id).history()) as HistoryEntry[];
  return history.map((h) => ({
    id: h.Id,
    created: h.Created,
    createdBy: h.CreatedBy,
    size: h.Size,
    tags: h.Tags ?? [],
    comment: h.Comment ?? '',
  }));
}

/** Splits "host:5000/a/b:tag" into repo and tag (the tag defaults to latest). */
export function splitTarget(target: string): { repo: string; tag: string } {
  const colon = target.lastIndexOf(':');
  if (colon > target.lastIndexOf('/')) {
    return { repo: target.slice(0, colon), tag: target.slice(colon + 1) };
  }
  return { repo: target, tag: 'latest' };
}

export async function tagImage(docker: Docker, id: string, target: string): Promise<null> {
  await docker.getImage(id).tag(splitTarget(target));
  return null;
}

export async function removeImage(
  docker: Docker,
  id: string,
  force: boolean,
): Promise<{ untagged: string[]; deleted: string[] }> {
  try {
    const result = (await docker.getImage(id).remove({ force })) as {
      Untagged?: string;
      Deleted?: string;
    }[];
    return {
      untagged: result.flatMap((r) => (r.Untagged ? [r.Untagged] : [])),
      deleted: result.flatMap((r) => (r.Deleted ? [r.Deleted] : [])),
    };
  } catch (err) {
    const error = toPortholeError(err);
    if (error.code !== 'CONFLICT') throw err;
    // The engine names one container; people want to know every container in the way.
    const info = await docker
      .getImage(id)
      .inspect()
      .catch(() => undefined);
    const users = info ? ((await containersByImage(docker)).get(info.Id) ?? []) : [];
    fail(
      'CONFLICT',
      users.length ? `${error.message} Used by: ${users.join(', ')}.` : error.message,
      'Remove those containers first, or tick “Force” (a running container still blocks it).',
    );
  }
}

export async function prunePreview(docker: Docker, mode: PruneMode): Promise<PrunePreview> {
  const [images, all, inUse] = await Promise.all([
    docker.listImages(mode === 'dangling' ? { filters: { dangling: ['true'] } } : {}),
    docker.listImages({ all: true }),
    containersByImage(docker),
  ]);
  // The engine never prunes an image a container (even a stopped one) was created from, nor one
  // another image is built on (only "heads" are candidates).
  const parents = new Set(all.map((i) => i.ParentId).filter(Boolean));
  const going = images
    .filter((img) => !inUse.has(img.Id) && !parents.has(img.Id))
    .map((img) => ({
      id: img.Id,
      refs: (img.RepoTags ?? []).filter((t) => t !== NONE),
      size: img.Size,
    }));
  return { images: going, bytes: going.reduce((n, i) => n + i.size, 0) };
}

export async function pruneImages(
  docker: Docker,
  mode: PruneMode,
): Promise<{ removed: number; ids: string[]; bytes: number }> {
  const before = new Set((await docker.listImages()).map((i) => i.Id));
  const result = (await docker.pruneImages({
    filters: { dangling: [mode === 'dangling' ? 'true' : 'false'] },
  })) as { ImagesDeleted?: { Deleted?: string }[] | null; SpaceReclaimed?: number };
  // ImagesDeleted also lists parent layers; count the images that were in the list.
  const ids = (result.ImagesDeleted ?? []).flatMap((d) =>
    d.Deleted && before.has(d.Deleted) ? [d.Deleted] : [],
  );
  return { removed: ids.length, ids, bytes: result.SpaceReclaimed ?? 0 };
}

const SEARCH_TIMEOUT_MS = 8000;

/** Docker Hub search through the engine, bounded: an offline engine may otherwise hang. */
export async function searchImages(docker: Docker, term: string): Promise<SearchResult[]> {
  const hint =
    'Search needs the engine to reach Docker Hub. You can still pull by exact reference from a registry the engine can reach.';
  let results: { name: string; description?: string; star_count?: number; is_official?: boolean }[];
  try {
    results = await docker.searchImages({
      term,
      limit: 25,
      abortSignal: AbortSignal.timeout(SEARCH_TIMEOUT_MS),
    });
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      fail('PULL_FAILED', `Docker Hub did not answer within ${SEARCH_TIMEOUT_MS / 1000} s.`, hint);
    }
    const error = toPortholeError(err);
    if (error.code === 'ENGINE_UNREACHABLE') throw err;
    fail('PULL_FAILED', `Cannot search Docker Hub: ${engineWords(error.message)}`, hint);
  }
  return results.map((r) => ({
    name: r.name,
    description: r.description ?? '',
    stars: r.star_count ?? 0,
    official: !!r.is_official,
  }));
}
