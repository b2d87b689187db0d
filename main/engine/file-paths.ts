import { posix } from 'node:path';
import { containerPathProblem, type FileEntry, type FileKind } from '../../contract';
import { fail } from './errors';

/**
 * A container path as main uses it: normalised, absolute, never above "/" (the contract refused
 * "..", and normalising again here means no other caller can slip one past), without a
 * trailing slash except for the root itself.
 */
export function containerPath(p: string): string {
  const problem = containerPathProblem(p);
  if (problem) fail('INVALID_INPUT', `“${p}” is not ${problem}.`);
  const n = posix.normalize(p);
  if (!n.startsWith('/') || n.split('/').includes('..')) fail('INVALID_INPUT', `“${p}” escapes /.`);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

/**
 * Where an uploaded file lands below its target folder: a relative path of plain segments. The
 * contract refuses ".." and absolute paths; this also refuses empty and "." segments so that a
 * tar entry's name never climbs out of (or aliases) the folder it is unpacked into.
 */
export function uploadEntryName(rel: string): string {
  const parts = rel.split('/');
  if (
    rel.startsWith('/') ||
    rel.includes('\0') ||
    parts.some((s) => s === '' || s === '.' || s === '..')
  ) {
    fail('INVALID_INPUT', `“${rel}” is not a relative path inside the folder.`);
  }
  const joined = posix.join('/target', rel);
  if (!joined.startsWith('/target/')) fail('INVALID_INPUT', `“${rel}” escapes the folder.`);
  return rel;
}

// Go's os.FileMode type bits, as the engine's path-stat header carries them.
const GO_DIR = 2 ** 31;
const GO_SYMLINK = 2 ** 27;
const GO_TYPE =
  GO_DIR | (2 ** 30) | (2 ** 29) | (2 ** 28) | GO_SYMLINK | (2 ** 26) | (2 ** 25) | (2 ** 24);

/** "drwxr-xr-x" from a kind and the permission bits. */
export function modeString(kind: FileKind, perm: number, typeChar?: string): string {
  const t =
    typeChar ?? (kind === 'dir' ? 'd' : kind === 'link' ? 'l' : kind === 'file' ? '-' : '?');
  const rwx = ['r', 'w', 'x'];
  let s = t;
  for (let i = 8; i >= 0; i--) s += perm & (1 << i) ? rwx[(8 - i) % 3] : '-';
  return s;
}

export interface PathStat {
  name: string;
  size: number;
  kind: FileKind;
  mode: string;
  mtime: string | undefined;
  linkTarget: string | undefined;
}

/** The X-Docker-Container-Path-Stat header: base64 of {name, size, mode, mtime, linkTarget}. */
export function parseStatHeader(value: string | string[] | undefined): PathStat {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) fail('INTERNAL', 'The engine sent no path stat.');
  let json: {
    name?: unknown;
    size?: unknown;
    mode?: unknown;
    mtime?: unknown;
    linkTarget?: unknown;
  };
  try {
    json = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as typeof json;
  } catch {
    fail('INTERNAL', 'The engine sent a path stat that is not JSON.');
  }
  const mode = typeof json.mode === 'number' ? json.mode : 0;
  const kind: FileKind =
    mode & GO_DIR ? 'dir' : mode & GO_SYMLINK ? 'link' : (mode & GO_TYPE) === 0 ? 'file' : 'other';
  const mtime = typeof json.mtime === 'string' ? new Date(json.mtime) : undefined;
  const link = typeof json.linkTarget === 'string' && json.linkTarget ? json.linkTarget : undefined;
  return {
    name: typeof json.name === 'string' ? json.name : '',
    size: typeof json.size === 'number' ? json.size : 0,
    kind,
    mode: modeString(kind, mode & 0o777),
    mtime: mtime && !Number.isNaN(mtime.getTime()) ? mtime.toISOString() : undefined,
    linkTarget: link,
  };
}

const LS_FULL =
  /^([-dlcbps])([-rwxsStT]{9})\S*\s+\d+\s+(\d+)\s+(\d+)\s+(?:\d+,\s*)?(\d+)\s+(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)? ([+-]\d{2})(\d{2}) (.*)$/;

/**
 * `ls -lAn --full-time` (GNU and busybox print the same columns; GNU adds nanoseconds).
 * "total N" and lines it cannot read are skipped.
 */
export function parseLsFull(output: string): FileEntry[] {
  const entries: FileEntry[] = [];
  for (const line of output.split('\n')) {
    const m = LS_FULL.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const [, type, perms, uid, gid, size, date, time, tzh, tzm, rest] = m as unknown as string[];
    const kind: FileKind =
      type === '-' ? 'file' : type === 'd' ? 'dir' : type === 'l' ? 'link' : 'other';
    const mtime = new Date(`${date}T${time}${tzh}:${tzm}`);
    const base = {
      kind,
      size: Number(size),
      mode: `${type}${perms}`,
      owner: `${uid}:${gid}`,
      ...(Number.isNaN(mtime.getTime()) ? {} : { mtime: mtime.toISOString() }),
    };
    const arrow = kind === 'link' ? rest!.indexOf(' -> ') : -1;
    if (arrow >= 0) {
      entries.push({ name: rest!.slice(0, arrow), ...base, linkTarget: rest!.slice(arrow + 4) });
    } else entries.push({ name: rest!, ...base });
  }
  return sortEntries(entries);
}

/** Folders first, then by name. */
export function sortEntries(entries: FileEntry[]): FileEntry[] {
  return entries.sort(
    (a, b) => Number(b.kind === 'dir') - Number(a.kind === 'dir') || a.name.localeCompare(b.name),
  );
}

/** A tar entry's name as segments: "./a/b/" → ["a", "b"], "/" → []. */
export function tarSegments(name: string): string[] {
  return name.split('/').filter((s) => s !== '' && s !== '.');
}
