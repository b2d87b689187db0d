import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import {
  PREVIEW_BYTES,
  type FileChange,
  type FileDownloadEvent,
  type FilePreview,
  type FolderListing,
} from '../../contract';
import { fail, toPortholeError } from './errors';
import { runArgv } from './exec-run';
import { listByExec, listFromArchive } from './file-listing';
import { containerPath, parseStatHeader, type PathStat } from './file-paths';
import { firstEntry } from './volumes-tar';
import { FirstFileBody } from './tar-lite';
import { pipeBytes } from '../streams/bytes';
import type { Sink } from '../streams/sink';

const withSignal = (signal?: AbortSignal) => (signal ? { abortSignal: signal } : {});

/** HEAD /containers/ID/archive: what is at `path` (following nothing). */
export async function statPath(
  container: Docker.Container,
  path: string,
  signal?: AbortSignal,
): Promise<PathStat> {
  const res = (await container.infoArchive({ path, ...withSignal(signal) })) as {
    headers: Record<string, string | string[] | undefined>;
    resume?: () => void;
  };
  res.resume?.();
  return parseStatHeader(res.headers['x-docker-container-path-stat']);
}

/** GET /containers/ID/archive as a stream (dockerode's types miss abortSignal). */
export async function getArchive(
  container: Docker.Container,
  path: string,
  signal?: AbortSignal,
): Promise<Readable> {
  return (await container.getArchive({ path, ...withSignal(signal) } as {
    path: string;
  })) as unknown as Readable;
}

export async function listContainerFolder(
  docker: Docker,
  id: string,
  rawPath: string,
  signal?: AbortSignal,
): Promise<FolderListing> {
  const path = containerPath(rawPath);
  const container = docker.getContainer(id);
  const info = await container.inspect(withSignal(signal));
  if (info.State.Running && !info.State.Paused) {
    const listed = await listByExec(docker, id, path, signal);
    if (listed) return listed;
  }
  return listFromArchive(await getArchive(container, path, signal), path);
}

const CHANGE_KIND = { 0: 'modified', 1: 'added', 2: 'deleted' } as const;

export async function containerChanges(
  docker: Docker,
  id: string,
  signal?: AbortSignal,
): Promise<FileChange[]> {
  const raw: unknown = await docker.getContainer(id).changes(withSignal(signal));
  return changeList(raw).map((c) => ({ path: c.Path, kind: CHANGE_KIND[c.Kind] ?? 'modified' }));
}

/**
 * The engine's answer to GET /containers/ID/changes as a list. With no changes the engine says
 * `null`, and dockerode hands that over as the raw bytes "null\n" (a Buffer): it was mapped as
 * if it were the list, and the answer failed the contract.
 */
export function changeList(raw: unknown): { Path: string; Kind: 0 | 1 | 2 }[] {
  const value: unknown =
    raw instanceof Uint8Array || typeof raw === 'string'
      ? JSON.parse(Buffer.from(raw).toString('utf8') || 'null')
      : raw;
  return Array.isArray(value) ? (value as { Path: string; Kind: 0 | 1 | 2 }[]) : [];
}

/** The first PREVIEW_BYTES of a regular file: its archive is read that far, then dropped. */
export async function previewFile(
  docker: Docker,
  id: string,
  rawPath: string,
  signal?: AbortSignal,
): Promise<FilePreview> {
  const path = containerPath(rawPath);
  const archive = await getArchive(docker.getContainer(id), path, signal);
  try {
    const entry = await firstEntry(archive);
    if (!entry || (entry.header.type !== 'file' && entry.header.type !== 'contiguous-file')) {
      fail('INVALID_INPUT', `“${path}” is not a regular file.`);
    }
    const size = entry.header.size ?? 0;
    const parts: Buffer[] = [];
    let got = 0;
    await new Promise<void>((resolve, reject) => {
      entry.body.on('data', (b: Buffer) => {
        parts.push(b);
        got += b.length;
        if (got >= PREVIEW_BYTES) resolve();
      });
      entry.body.once('end', resolve);
      entry.body.once('error', reject);
    });
    const bytes = Buffer.concat(parts).subarray(0, PREVIEW_BYTES);
    return {
      path,
      size,
      text: bytes.includes(0) ? '' : bytes.toString('utf8'),
      truncated: size > bytes.length,
      binary: bytes.includes(0),
    };
  } finally {
    archive.destroy();
  }
}

function refuseRoot(path: string) {
  if (path === '/') fail('INVALID_INPUT', 'The container’s root folder cannot be removed.');
}

async function runOrFail(docker: Docker, id: string, cmd: string[], what: string) {
  const info = await docker.getContainer(id).inspect();
  if (!info.State.Running || info.State.Paused) {
    fail('CONFLICT', `${what}: the container is not running.`, 'Start it, then try again.');
  }
  const r = await runArgv(docker, id, cmd);
  if (r.code !== 0) {
    fail('CONFLICT', `${what}: ${r.stderr.trim() || `${cmd[0]} exited with ${r.code}`}`);
  }
  return null;
}

export const makeFolder = (docker: Docker, id: string, rawPath: string) => {
  const path = containerPath(rawPath);
  return runOrFail(docker, id, ['mkdir', '-p', '--', path], `Cannot create ${path}`);
};

export const removePath = (docker: Docker, id: string, rawPath: string) => {
  const path = containerPath(rawPath);
  refuseRoot(path);
  return runOrFail(docker, id, ['rm', '-rf', '--', path], `Cannot remove ${path}`);
};

/**
 * A file as itself (its tar's one entry unpacked as it streams), a folder as the engine's tar:
 * either way piped with the consumer's back-pressure, never whole in memory.
 */
export function downloadPath(
  docker: Docker,
  id: string,
  rawPath: string,
  sink: Sink<FileDownloadEvent>,
): void {
  void (async () => {
    const path = containerPath(rawPath);
    const container = docker.getContainer(id);
    const stat = await statPath(container, path, sink.signal);
    if (stat.kind !== 'file' && stat.kind !== 'dir') {
      fail(
        'INVALID_INPUT',
        `“${path}” is ${stat.kind === 'link' ? 'a link' : 'not a regular file'}.`,
      );
    }
    const archive = await getArchive(container, path, sink.signal);
    try {
      const name = path === '/' ? 'root' : posix.basename(path);
      if (stat.kind === 'dir') {
        const bytes = await pipeBytes(archive, sink);
        sink.next({ kind: 'done', name: `${name}.tar`, bytes });
        return sink.end();
      }
      // The file's bytes are cut out of the tar as views of what the engine sent: no unpacking
      // stream in between (the tar's few trailing blocks are read and dropped).
      const body = new FirstFileBody();
      const bytes = await pipeBytes(archive, sink, body.take);
      if (body.error || !body.done) {
        return sink.end({ code: 'INTERNAL', message: body.error ?? 'The archive ended early.' });
      }
      sink.next({ kind: 'done', name, bytes });
      sink.end();
    } finally {
      archive.destroy();
    }
  })().catch((err: unknown) => sink.end(toPortholeError(err)));
}
