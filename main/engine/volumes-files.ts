import { posix } from 'node:path';
import type Docker from 'dockerode';
import {
  VOLUME_CHUNK_BYTES,
  type PortholeError,
  type VolumeDownloadEvent,
  type VolumeEntry,
  type VolumeListing,
} from '../../contract';
import { fail, toPortholeError } from './errors';
import { HELPER_LABEL } from './volumes';
import { FirstEntryReader } from './volumes-tar';

/** Where the helper container sees the volume (read-only). */
const MOUNT = '/porthole-volume';
const MAX_CANDIDATES = 5;
const RUN_TIMEOUT_MS = 30_000;
const NO_HELPER_HINT =
  'Browsing runs `ls` in a short-lived container from a local image. Pull a small image with a shell (for example busybox or alpine), then try again.';

/** The image that last worked as a helper, per engine client. */
const knownHelper = new WeakMap<Docker, string>();

const tagOf = (i: Docker.ImageInfo) => (i.RepoTags ?? []).find((t) => t !== '<none>:<none>');

/**
 * Local images, smallest first: a helper only needs `ls`, and small images start fastest.
 * Tagged images come before untagged ones, so the UI can name the helper in words people know.
 */
export function helperCandidates(images: Docker.ImageInfo[]): string[] {
  return [...images]
    .sort((a, b) => Number(!tagOf(a)) - Number(!tagOf(b)) || a.Size - b.Size)
    .map((i) => tagOf(i) ?? i.Id);
}

/** Splits the engine's multiplexed (non-TTY) log answer into stdout and stderr. */
export function demux(buf: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    const frame = buf.subarray(i + 8, i + 8 + size);
    (buf[i] === 2 ? err : out).push(frame);
    i += 8 + size;
  }
  return {
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

const LS_LINE =
  /^([-dlcbpsD])[-rwxsStTl]{9}\S*\s+\d+\s+\S+\s+\S+\s+(?:\d+,\s*)?(\d+)\s+(\w{3}\s+\d{1,2}\s+(?:\d{1,2}:\d{2}|\d{4}))\s(.*)$/;

/** Parses `ls -lAn` (GNU and busybox print the same columns); "total N" and junk are skipped. */
export function parseLs(output: string): VolumeEntry[] {
  const entries: VolumeEntry[] = [];
  for (const line of output.split('\n')) {
    const m = LS_LINE.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const [, type, size, modified, rest] = m as unknown as [string, string, string, string, string];
    const mode = line.slice(0, 10);
    const kind = type === '-' ? 'file' : type === 'd' ? 'dir' : type === 'l' ? 'link' : 'other';
    if (kind === 'link') {
      const arrow = rest.indexOf(' -> ');
      entries.push({
        name: arrow < 0 ? rest : rest.slice(0, arrow),
        kind,
        size: Number(size),
        modified,
        mode,
        ...(arrow < 0 ? {} : { linkTarget: rest.slice(arrow + 4) }),
      });
    } else entries.push({ name: rest, kind, size: Number(size), modified, mode });
  }
  return entries.sort(
    (a, b) => Number(b.kind === 'dir') - Number(a.kind === 'dir') || a.name.localeCompare(b.name),
  );
}

function helperConfig(image: string, volume: string, cmd: string[]): Docker.ContainerCreateOptions {
  return {
    Image: image,
    Entrypoint: [cmd[0]!],
    Cmd: cmd.slice(1),
    Labels: { [HELPER_LABEL]: 'volume-browser' },
    NetworkDisabled: true,
    User: '0',
    WorkingDir: '/',
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [{ Type: 'volume', Source: volume, Target: MOUNT, ReadOnly: true }],
    },
  };
}

async function removeQuietly(container: Docker.Container | undefined) {
  await container?.remove({ force: true }).catch(() => undefined);
}

/** The image cannot run `ls` (distroless, scratch, another CPU architecture): try the next. */
function isMissingProgram(err: unknown): boolean {
  return /executable file not found|no such file or directory|not found in \$PATH|exec format error/i.test(
    toPortholeError(err).message,
  );
}

/** Engine messages name the helper's mount point and container; people know the volume. */
function inVolumeTerms(err: unknown): PortholeError {
  const error = toPortholeError(err);
  const message = error.message
    .replaceAll(`${MOUNT}/`, '/')
    .replace(/ in container [0-9a-f]{12,64}/, ' in the volume');
  return { ...error, message };
}

async function ensureVolume(docker: Docker, name: string) {
  // A mount of a missing volume would create it: check first.
  await docker.getVolume(name).inspect();
}

async function candidates(docker: Docker): Promise<string[]> {
  const known = knownHelper.get(docker);
  const all = helperCandidates(await docker.listImages());
  const list = known && all.includes(known) ? [known, ...all.filter((i) => i !== known)] : all;
  if (list.length === 0) {
    fail('NOT_FOUND', 'No local image can serve as a helper to read this volume.', NO_HELPER_HINT);
  }
  return list.slice(0, MAX_CANDIDATES);
}

/** Runs `ls` once in a throwaway container; the container is removed whatever happens. */
async function runLs(docker: Docker, image: string, volume: string, dir: string) {
  let container: Docker.Container | undefined;
  try {
    container = await docker.createContainer(helperConfig(image, volume, ['ls', '-lAn', dir]));
    await container.start();
    const waited = (await container.wait({
      abortSignal: AbortSignal.timeout(RUN_TIMEOUT_MS),
    })) as { StatusCode: number };
    const logs = (await container.logs({ stdout: true, stderr: true })) as unknown as Buffer;
    return { code: waited.StatusCode, ...demux(logs) };
  } finally {
    await removeQuietly(container);
  }
}

export async function browseVolume(
  docker: Docker,
  volume: string,
  path: string,
): Promise<VolumeListing> {
  await ensureVolume(docker, volume);
  const dir = `${posix.join(MOUNT, path)}/`;
  for (const image of await candidates(docker)) {
    let result: Awaited<ReturnType<typeof runLs>>;
    try {
      result = await runLs(docker, image, volume, dir);
    } catch (err) {
      if (isMissingProgram(err)) continue;
      throw err;
    }
    if (result.code === 127 || (result.code !== 0 && isMissingProgram(result.stderr))) continue;
    knownHelper.set(docker, image);
    if (result.code !== 0) {
      const message = result.stderr.trim().replaceAll(MOUNT, '') || `ls exited with ${result.code}`;
      fail('NOT_FOUND', `Cannot list “/${path}”: ${message}`, 'Go back to a folder that exists.');
    }
    return { path, entries: parseLs(result.stdout), helperImage: image };
  }
  knownHelper.delete(docker);
  fail('NOT_FOUND', 'No local image can serve as a helper to read this volume.', NO_HELPER_HINT);
}

/**
 * One file out of the volume: a helper container is created (never started — the archive API
 * reads a stopped container's mounts), the tar's single entry is unpacked here and sent on in
 * base64 chunks. The helper is removed when the stream ends, fails or is unsubscribed.
 */
export function downloadVolumeFile(
  docker: Docker,
  volume: string,
  path: string,
  emit: (e: VolumeDownloadEvent) => void,
  end: (error?: PortholeError) => void,
): () => void {
  const controller = new AbortController();
  let container: Docker.Container | undefined;
  const finish = (error?: PortholeError) => {
    void removeQuietly(container).then(() => end(error));
  };
  void (async () => {
    await ensureVolume(docker, volume);
    const [image] = await candidates(docker);
    container = await docker.createContainer(helperConfig(image!, volume, ['true']));
    if (controller.signal.aborted) return finish();
    const stream = (await container.getArchive({
      path: posix.join(MOUNT, path),
      abortSignal: controller.signal,
    } as { path: string })) as NodeJS.ReadableStream;
    const reader = new FirstEntryReader();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let total = 0;
    const flush = (all: boolean) => {
      let buf = Buffer.concat(pending);
      while (buf.length >= VOLUME_CHUNK_BYTES || (all && buf.length > 0)) {
        const piece = buf.subarray(0, VOLUME_CHUNK_BYTES);
        emit({ kind: 'chunk', data: piece.toString('base64') });
        buf = buf.subarray(piece.length);
      }
      pending = buf.length ? [buf] : [];
      pendingBytes = buf.length;
    };
    stream.on('data', (chunk: Buffer) => {
      for (const piece of reader.push(chunk)) {
        pending.push(piece);
        pendingBytes += piece.length;
        total += piece.length;
      }
      if (pendingBytes >= VOLUME_CHUNK_BYTES) flush(false);
      const entry = reader.entry;
      if (entry && entry.type !== '0' && entry.type !== '7') {
        (stream as unknown as { destroy(): void }).destroy();
        finish({
          code: 'INVALID_INPUT',
          message:
            entry.type === '5'
              ? `“/${path}” is a folder: open it and download its files one by one.`
              : entry.type === '2'
                ? `“/${path}” is a link to ${entry.linkTarget}: download that file instead.`
                : `“/${path}” is not a regular file.`,
        });
      }
    });
    stream.on('end', () => {
      const entry = reader.entry;
      if (!entry) return finish({ code: 'INTERNAL', message: 'The engine sent an empty archive.' });
      if (entry.type !== '0' && entry.type !== '7') return;
      flush(true);
      emit({ kind: 'done', name: posix.basename(path), bytes: total });
      finish();
    });
    stream.on('error', (err) => finish(inVolumeTerms(err)));
  })().catch((err: unknown) => finish(inVolumeTerms(err)));
  return () => {
    controller.abort();
    void removeQuietly(container);
  };
}
