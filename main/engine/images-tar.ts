import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore from '@balena/dockerignore';
import { pack as tarPack, type Pack } from 'tar-stream';
import type { UploadControl } from '../../contract';
import { fail } from './errors';
import { WrittenGate } from './upload-gate';

/**
 * The .dockerignore rules as a filter over context-relative paths. The Dockerfile and the
 * .dockerignore itself are always sent, as the docker CLI does.
 */
export function contextFilter(dockerignore: string | undefined, dockerfile = 'Dockerfile') {
  if (!dockerignore) return () => true;
  const keep = ignore({ ignorecase: false }).add(dockerignore).createFilter();
  return (path: string) => path === dockerfile || path === '.dockerignore' || keep(path);
}

export const newContext = (): Pack => tarPack();

const MAX_CONTEXT_FILES = 20_000;
/** A .dockerignore is read whole (its rules decide what follows): bounded. */
const MAX_IGNORE_BYTES = 1024 * 1024;

type Entry = ReturnType<Pack['entry']>;

/**
 * One entry of the context. Its errors (a size mismatch) destroy the whole pack, which the
 * request reports; a streamx stream with no 'error' listener would throw instead.
 */
function entry(pack: Pack, header: Parameters<Pack['entry']>[0], data?: Buffer): Entry {
  const e = data ? pack.entry(header, data) : pack.entry(header);
  return e.on('error', () => undefined);
}

/** The pasted Dockerfile, as the context's first entry. */
function addDockerfile(pack: Pack, text: string): void {
  entry(pack, { name: 'Dockerfile', mode: 0o644 }, Buffer.from(text));
}

/** A context of the pasted Dockerfile alone. */
export function packDockerfile(pack: Pack, text: string): void {
  addDockerfile(pack, text);
  pack.finalize();
}

/** Files of a folder, skipping what its .dockerignore excludes (symlinks are not followed). */
async function* walk(root: string, keep: (rel: string) => boolean, anyException: boolean) {
  const dirs = [root];
  while (dirs.length) {
    const dir = dirs.shift()!;
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, d.name);
      const rel = relative(root, full).split(sep).join('/');
      // A directory is skipped only when nothing inside could be re-included by a "!" rule.
      if (d.isDirectory() && (keep(rel) || anyException)) dirs.push(full);
      else if (d.isFile() && keep(rel)) yield { rel, full };
    }
  }
}

/**
 * Streams a folder into the context, one file after the other, each read only as fast as the
 * engine takes the tar: nothing is held whole. A pasted Dockerfile replaces the folder's.
 */
export async function packFolder(pack: Pack, root: string, pasted: string, signal: AbortSignal) {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) fail('INVALID_INPUT', `"${root}" is not a folder.`);
  const ignoreText = await readFile(join(root, '.dockerignore'), 'utf8').catch(() => undefined);
  const keep = contextFilter(ignoreText);
  if (pasted.trim()) addDockerfile(pack, pasted);
  let files = 0;
  for await (const { rel, full } of walk(root, keep, (ignoreText ?? '').includes('!'))) {
    if (signal.aborted) return;
    if (pasted.trim() && rel === 'Dockerfile') continue;
    if (++files > MAX_CONTEXT_FILES) {
      fail('INVALID_INPUT', 'The build context has too many files.', 'Add a .dockerignore.');
    }
    const st = await stat(full);
    const file = entry(pack, { name: rel, size: st.size, mode: st.mode & 0o777, mtime: st.mtime });
    for await (const chunk of createReadStream(full)) {
      // Leaving the loop closes the file; a cancelled build must not hold it open.
      if (!(await written(file, chunk as Buffer, signal))) return;
    }
    file.end(undefined); // (streamx's types want an argument)
  }
  pack.finalize();
}

/** Writes, then waits for room: true to go on, false when the build was cancelled meanwhile. */
async function written(target: Entry, chunk: Uint8Array, signal: AbortSignal): Promise<boolean> {
  if (!target.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        target.off('drain', done);
        target.off('close', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      target.once('drain', done);
      target.once('close', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
  return !signal.aborted && !target.destroyed;
}

interface Current {
  path: string;
  /** Undefined: a file that is not sent on (the .dockerignore drops it, or the pasted Dockerfile wins). */
  entry: Entry | undefined;
  remaining: number;
  /** The .dockerignore's bytes, gathered to read its rules. */
  ignoreParts?: Buffer[];
}

/**
 * The uploaded context: `file` {path, size}, its `chunk`s, … `end`, packed as they come and each
 * chunk answered through `onWritten` once the tar took it. A pasted Dockerfile goes first; the
 * .dockerignore must come before the files it rules on (the renderer sends it first).
 */
export class UploadedContext {
  private readonly gate: WrittenGate;
  private current: Current | undefined;
  private keep: (path: string) => boolean = () => true;
  private seenFiles = false;

  constructor(
    private readonly pack: Pack,
    private readonly pasted: string,
    onWritten: (bytes: number) => void,
  ) {
    this.gate = new WrittenGate(onWritten);
    if (pasted.trim()) addDockerfile(pack, pasted);
  }

  /** Throws INVALID_INPUT on a message out of order. */
  control(msg: UploadControl): void {
    if (msg.kind === 'file') return this.startFile(msg.path, msg.size);
    if (msg.kind === 'chunk') return this.chunk(msg.data);
    if (this.current) this.incomplete();
    this.pack.finalize();
  }

  private startFile(path: string, size: number) {
    if (this.current) this.incomplete();
    const isIgnore = path === '.dockerignore';
    if (isIgnore && this.seenFiles) {
      fail('INVALID_INPUT', 'Send .dockerignore before the files it rules on.');
    }
    if (isIgnore && size > MAX_IGNORE_BYTES) fail('INVALID_INPUT', '.dockerignore is too large.');
    if (!isIgnore && path !== 'Dockerfile') this.seenFiles = true;
    const skip = (path === 'Dockerfile' && this.pasted.trim()) || !this.keep(path);
    const e = skip ? undefined : entry(this.pack, { name: path, size, mode: 0o644 });
    this.current = { path, entry: e, remaining: size, ...(isIgnore ? { ignoreParts: [] } : {}) };
    if (size === 0) this.finishFile();
  }

  private chunk(data: Uint8Array) {
    const cur = this.current;
    if (!cur || data.byteLength > cur.remaining) {
      fail('INVALID_INPUT', `More bytes than announced${cur ? ` for ${cur.path}` : ''}.`);
    }
    cur.remaining -= data.byteLength;
    cur.ignoreParts?.push(Buffer.from(data));
    if (cur.entry) this.gate.write(cur.entry, data);
    else this.gate.skip(data.byteLength);
    if (cur.remaining === 0) this.finishFile();
  }

  private finishFile() {
    const cur = this.current!;
    this.current = undefined;
    cur.entry?.end(undefined);
    if (cur.ignoreParts) this.keep = contextFilter(Buffer.concat(cur.ignoreParts).toString('utf8'));
  }

  private incomplete(): never {
    fail('INVALID_INPUT', `${this.current!.path} ended before its announced size.`);
  }
}
