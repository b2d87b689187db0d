import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { type PortholeError, type VolumeDownloadEvent, type VolumeListing } from '../../contract';
import { fail, toPortholeError } from './errors';
import { HELPER_LABEL } from './volumes';
import { pipeBytes } from '../streams/bytes';
import { demuxText } from '../streams/demux';
import type { Sink } from '../streams/sink';
import { FirstFileBody } from './tar-lite';
import { listFromArchive } from './file-listing';
import { parseLsFull } from './file-paths';

/** Where the helper container sees the volume (read-only unless the user allowed changes). */
export const MOUNT = '/porthole-volume';
const RUN_TIMEOUT_MS = 30_000;
export const CHOOSE_HINT =
  'Choose a local image for the helper container (any image works; one with `ls`, such as busybox or alpine, lists folders fastest).';

/**
 * The helper image the user chose, per engine id. One per core (createCore builds it), never
 * module state: two cores never share a choice.
 */
export type HelperChoices = Map<string, string>;

export function helperConfig(
  image: string,
  volume: string,
  cmd: string[],
  writable = false,
): Docker.ContainerCreateOptions {
  return {
    Image: image,
    Entrypoint: [cmd[0]!],
    Cmd: cmd.slice(1),
    Labels: { [HELPER_LABEL]: writable ? 'volume-writer' : 'volume-browser' },
    NetworkDisabled: true,
    User: '0',
    WorkingDir: '/',
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [{ Type: 'volume', Source: volume, Target: MOUNT, ReadOnly: !writable }],
    },
  };
}

export async function removeQuietly(container: Docker.Container | undefined) {
  // v: the helper image's own VOLUMEs made anonymous volumes; they go with it.
  await container?.remove({ force: true, v: true }).catch(() => undefined);
}

/** The image cannot run `ls` (distroless, scratch, another CPU architecture): try the next. */
export function isMissingProgram(err: unknown): boolean {
  return /executable file not found|no such file or directory|not found in \$PATH|exec format error/i.test(
    toPortholeError(err).message,
  );
}

/** Engine messages name the helper's mount point and container; people know the volume. */
export function inVolumeTerms(err: unknown): PortholeError {
  const error = toPortholeError(err);
  const message = error.message
    .replaceAll(`${MOUNT}/`, '/')
    .replace(/ in container [0-9a-f]{12,64}/, ' in the volume');
  return { ...error, message };
}

export async function ensureVolume(docker: Docker, name: string) {
  // A mount of a missing volume would create it: check first.
  await docker.getVolume(name).inspect();
}

/** The image the user chose now, or before on this engine; it must be a local image. */
export async function helperImage(
  docker: Docker,
  helpers: HelperChoices,
  engineId: string,
  chosen: string | undefined,
): Promise<string> {
  const image = chosen ?? helpers.get(engineId);
  if (!image) fail('NOT_FOUND', 'Choose a helper image to read this volume.', CHOOSE_HINT);
  try {
    await docker.getImage(image).inspect();
  } catch {
    if (!chosen) helpers.delete(engineId);
    fail('NOT_FOUND', `${image} is not a local image.`, CHOOSE_HINT);
  }
  helpers.set(engineId, image);
  return image;
}

/** The remembered choice, while it is still a local image. */
export async function rememberedHelper(docker: Docker, helpers: HelperChoices, engineId: string) {
  const image = helpers.get(engineId);
  if (!image) return { image: null };
  const there = await docker
    .getImage(image)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  return { image: there ? image : null };
}

/** Runs `ls` once in a throwaway container; the container is removed whatever happens. */
const runLs = (docker: Docker, image: string, volume: string, dir: string) =>
  runOnce(docker, image, volume, ['ls', '-lAn', '--full-time', '--', dir]);

/** Runs argv once in a throwaway helper; the helper is removed whatever happens. */
export async function runOnce(
  docker: Docker,
  image: string,
  volume: string,
  cmd: string[],
  writable = false,
) {
  let container: Docker.Container | undefined;
  try {
    container = await docker.createContainer(helperConfig(image, volume, cmd, writable));
    await container.start();
    const waited = (await container.wait({
      abortSignal: AbortSignal.timeout(RUN_TIMEOUT_MS),
    })) as { StatusCode: number };
    const logs = (await container.logs({ stdout: true, stderr: true })) as unknown as Buffer;
    return { code: waited.StatusCode, ...demuxText(logs) };
  } finally {
    await removeQuietly(container);
  }
}

/** `ls` output that can be trusted: every line understood, no name ls may have mangled. */
function trustedLs(stdout: string) {
  const entries = parseLsFull(stdout);
  const lines = stdout.split('\n').filter((l) => l && !l.startsWith('total '));
  const plain = entries.every((e) => /^[\x20-\x7e]*$/.test(e.name) && !e.name.includes('?'));
  return plain && lines.length === entries.length ? entries : undefined;
}

/** The folder from its archive, through a helper that is created but never started. */
async function listThroughArchive(docker: Docker, image: string, volume: string, path: string) {
  const container = await docker.createContainer(helperConfig(image, volume, ['true']));
  try {
    const archive = (await container.getArchive({
      path: posix.join(MOUNT, path),
    })) as unknown as Readable;
    return await listFromArchive(archive, `/${path}`);
  } finally {
    await removeQuietly(container);
  }
}

/**
 * One folder of the volume: `ls` in a short-lived helper from the chosen image (fast), or —
 * when the image has no `ls`, or names are not plain ASCII (busybox ls shows "?" for some) —
 * the archive API on a helper that is never started, which works with any image.
 */
export async function browseVolume(
  docker: Docker,
  helpers: HelperChoices,
  input: { engineId: string; name: string; path: string; helperImage?: string | undefined },
): Promise<VolumeListing> {
  const { name: volume, path } = input;
  await ensureVolume(docker, volume);
  const image = await helperImage(docker, helpers, input.engineId, input.helperImage);
  const dir = `${posix.join(MOUNT, path)}/`;
  let result: Awaited<ReturnType<typeof runLs>> | undefined;
  try {
    result = await runLs(docker, image, volume, dir);
  } catch (err) {
    if (!isMissingProgram(err)) throw inVolumeTerms(err);
  }
  // "ls: /porthole-volume/x/: No such file or directory" is ls answering, not a missing ls.
  const lsSaid = result && result.code !== 0 && /^ls: /m.test(result.stderr);
  if (
    result &&
    (lsSaid || (result.code !== 0 && result.code !== 127 && !isMissingProgram(result.stderr)))
  ) {
    const message = result.stderr.trim().replaceAll(MOUNT, '') || `ls exited with ${result.code}`;
    fail('NOT_FOUND', `Cannot list “/${path}”: ${message}`, 'Go back to a folder that exists.');
  }
  const entries = result?.code === 0 ? trustedLs(result.stdout) : undefined;
  if (entries) {
    return { path: `/${path}`, entries, truncated: false, source: 'exec', helperImage: image };
  }
  const listing = await listThroughArchive(docker, image, volume, path).catch((err: unknown) => {
    throw inVolumeTerms(err);
  });
  return { ...listing, helperImage: image };
}

const internal = (message: string): PortholeError => ({ code: 'INTERNAL', message });

/** Why the first entry cannot be downloaded as a file. */
const notAFile = (path: string, entry: NonNullable<FirstFileBody['other']>): PortholeError => ({
  code: 'INVALID_INPUT',
  message:
    entry.type === 'directory'
      ? `“/${path}” is a folder: open it and download its files one by one.`
      : entry.type === 'symlink'
        ? `“/${path}” is a link to ${entry.linkname || '?'}: download that file instead.`
        : `“/${path}” is not a regular file.`,
});

/**
 * One file out of the volume: a helper container is created (never started — the archive API
 * reads a stopped container's mounts) and the tar's single entry is cut out as it streams and
 * piped on with the consumer's back-pressure (the engine's response pauses while the client is
 * behind). The helper is removed when the stream ends, fails or is closed.
 */
export function downloadVolumeFile(
  docker: Docker,
  helpers: HelperChoices,
  input: { engineId: string; name: string; path: string; helperImage?: string | undefined },
  sink: Sink<VolumeDownloadEvent>,
): void {
  const { name: volume, path } = input;
  let container: Docker.Container | undefined;
  let removed = false;
  const cleanUp = () => {
    if (removed || !container) return;
    removed = true;
    void removeQuietly(container);
  };
  sink.signal.addEventListener('abort', cleanUp, { once: true });
  void (async () => {
    // In turn: a container that mounts a missing volume would create it.
    await ensureVolume(docker, volume);
    const image = await helperImage(docker, helpers, input.engineId, input.helperImage);
    container = await docker.createContainer(helperConfig(image, volume, ['true']));
    if (sink.closed) return;
    const archive = (await container.getArchive({
      path: posix.join(MOUNT, path),
      abortSignal: sink.signal,
    } as { path: string })) as unknown as Readable;
    try {
      // The file's bytes are cut out of the tar as views of what the engine sent (the one tar
      // cutter, tar-lite): no unpacking stream in between — it cost ~15 % of a 200 MB download.
      const body = new FirstFileBody();
      const bytes = await pipeBytes(archive, sink, (piece) => {
        const out = body.take(piece);
        if (body.error) sink.end(body.other ? notAFile(path, body.other) : internal(body.error));
        return sink.closed ? [] : out;
      });
      if (sink.closed) return;
      if (!body.done) return sink.end(internal('The engine’s archive ended early.'));
      sink.next({ kind: 'done', name: posix.basename(path), bytes });
      sink.end();
    } finally {
      archive.destroy();
    }
  })()
    .catch((err: unknown) => sink.end(inVolumeTerms(err)))
    .finally(cleanUp);
}
