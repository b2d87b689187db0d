import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { extract, type Header } from 'tar-stream';
import type { FileEntry, FileKind, FolderListing } from '../../contract';
import { fail } from './errors';
import { runArgv } from './exec-run';
import { modeString, parseLsFull, sortEntries, tarSegments } from './file-paths';

/**
 * Reading a folder from its archive reads every file below it too (the tar carries the whole
 * subtree), so the scan is bounded: past these it stops and says the listing is incomplete.
 */
export const SCAN_LIMITS = { bytes: 256 * 1024 * 1024, entries: 200_000, children: 10_000 };

function kindOf(h: Header): FileKind {
  if (h.type === 'directory') return 'dir';
  if (h.type === 'symlink') return 'link';
  if (h.type === 'file' || h.type === 'contiguous-file') return 'file';
  return 'other';
}

const TYPE_CHAR: Record<string, string> = {
  'character-device': 'c',
  'block-device': 'b',
  fifo: 'p',
};

export function entryFromHeader(name: string, h: Header): FileEntry {
  const kind = kindOf(h);
  return {
    name,
    kind,
    size: kind === 'file' ? (h.size ?? 0) : 0,
    mode: modeString(kind, (h.mode ?? 0) & 0o777, TYPE_CHAR[h.type ?? '']),
    ...(h.uid !== undefined && h.gid !== undefined ? { owner: `${h.uid}:${h.gid}` } : {}),
    ...(h.mtime ? { mtime: h.mtime.toISOString() } : {}),
    ...(h.linkname && kind === 'link' ? { linkTarget: h.linkname } : {}),
  };
}

/**
 * A folder's direct children from its archive (GET /containers/ID/archive): the first entry is
 * the folder itself, its direct children are the entries one segment below it. Only headers
 * are looked at; bodies are drained, and the source is destroyed as soon as the tar ends or a
 * bound is reached.
 */
export function listFromArchive(
  source: Readable,
  path: string,
  limits = SCAN_LIMITS,
): Promise<FolderListing> {
  return new Promise((resolve, reject) => {
    const tar = extract();
    const entries: FileEntry[] = [];
    let depth: number | undefined;
    let seen = 0;
    let read = 0;
    let settled = false;
    const finish = (truncated: boolean) => {
      if (settled) return;
      settled = true;
      source.destroy();
      tar.destroy();
      resolve({ path, entries: sortEntries(entries), truncated, source: 'archive' });
    };
    const failWith = (err: unknown) => {
      if (settled) return;
      settled = true;
      source.destroy();
      tar.destroy();
      reject(err);
    };
    source.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > limits.bytes) finish(true);
    });
    tar.on('entry', (header, body, next) => {
      const segs = tarSegments(header.name);
      if (depth === undefined) {
        if (header.type !== 'directory') return failWith(notAFolder(path));
        depth = segs.length;
      } else if (segs.length === depth + 1) {
        entries.push(entryFromHeader(segs[depth]!, header));
      }
      if (++seen > limits.entries || entries.length >= limits.children) return finish(true);
      body.on('end', () => next());
      body.resume();
    });
    tar.on('finish', () => finish(false));
    tar.on('error', failWith);
    source.on('error', failWith);
    source.pipe(tar as unknown as NodeJS.WritableStream);
  });
}

const notAFolder = (path: string) => ({
  code: 'INVALID_INPUT' as const,
  message: `“${path}” is not a folder.`,
});

/**
 * A folder of a running container by `ls -lAn --full-time` (fast: nothing is read but the
 * folder). Undefined when that cannot be trusted or run — no ls in the image, or a name that
 * might be mangled (busybox ls prints "?" for characters it cannot show) — so that the caller
 * reads the archive instead.
 */
export async function listByExec(
  docker: Docker,
  id: string,
  path: string,
  signal?: AbortSignal,
): Promise<FolderListing | undefined> {
  const dir = path === '/' ? '/' : `${path}/`;
  let result: Awaited<ReturnType<typeof runArgv>>;
  try {
    result = await runArgv(docker, id, ['ls', '-lAn', '--full-time', '--', dir], {
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    return undefined;
  }
  if (result.code !== 0) {
    if (/no such file|not a directory/i.test(result.stderr)) {
      fail('NOT_FOUND', `Cannot list “${path}”: ${result.stderr.trim()}`, 'Refresh its parent.');
    }
    return undefined;
  }
  if (result.truncated) return undefined;
  const entries = parseLsFull(result.stdout);
  if (entries.some((e) => e.name.includes('?') || /[^\x20-\x7e]/.test(e.name))) return undefined;
  // Every listed line must have been understood (else a name or format we do not know).
  const lines = result.stdout.split('\n').filter((l) => l && !l.startsWith('total '));
  if (lines.length !== entries.length) return undefined;
  return { path, entries, truncated: false, source: 'exec' };
}
