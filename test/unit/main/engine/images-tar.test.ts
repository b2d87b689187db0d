import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UploadControl } from '../../../../contract';
import {
  contextFilter,
  newContext,
  packFolder,
  UploadedContext,
} from '../../../../main/engine/images-tar';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tar-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Everything the pack writes, as one buffer (the engine's side of the request). */
async function drain(pack: ReturnType<typeof newContext>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of pack) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** tar(1) is the oracle: what it lists, in order, and the files it extracts. */
function untar(tar: Buffer): { names: string[]; dir: string; verbose: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'ctx.tar'), tar);
  const list = spawnSync('tar', ['-tf', 'ctx.tar'], { cwd: dir, encoding: 'utf8' });
  expect(list.status).toBe(0);
  const verbose = spawnSync('tar', ['-tvf', 'ctx.tar'], { cwd: dir, encoding: 'utf8' }).stdout;
  mkdirSync(join(dir, 'x'));
  const x = spawnSync('tar', ['-xf', '../ctx.tar'], { cwd: join(dir, 'x'), encoding: 'utf8' });
  expect(x.stderr).toBe('');
  return { names: list.stdout.split('\n').filter(Boolean), dir: join(dir, 'x'), verbose };
}

function file(path: string, data: Buffer | string, chunk = 100_000): UploadControl[] {
  const bytes = Buffer.from(data);
  const out: UploadControl[] = [{ kind: 'file', path, size: bytes.length }];
  for (let i = 0; i < bytes.length; i += chunk) {
    out.push({ kind: 'chunk', data: new Uint8Array(bytes.subarray(i, i + chunk)) });
  }
  return out;
}

describe('UploadedContext', () => {
  it('packs the pasted Dockerfile first, then the uploaded files, answering every chunk', async () => {
    const pack = newContext();
    const output = drain(pack);
    const written: number[] = [];
    const ctx = new UploadedContext(pack, 'FROM scratch\nCOPY . /\n', (n) => written.push(n));
    const long = `${'dir/'.repeat(30)}file.txt`;
    const big = Buffer.alloc(700_000, 7);
    for (const m of [
      ...file('.dockerignore', 'secret.txt\n'),
      ...file('app.txt', 'keep me', 3),
      ...file('Dockerfile', 'FROM other\n'),
      ...file('secret.txt', 'never send me'),
      ...file(long, big, 256 * 1024),
      ...file('empty', ''),
    ]) {
      ctx.control(m);
    }
    ctx.control({ kind: 'end' });
    const { names, dir } = untar(await output);
    expect(names).toEqual(['Dockerfile', '.dockerignore', 'app.txt', long, 'empty']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM scratch\nCOPY . /\n');
    expect(readFileSync(join(dir, 'app.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, long)).equals(big)).toBe(true);
    expect(readFileSync(join(dir, 'empty')).length).toBe(0);
    // Every byte sent is answered, dropped files included (the client's window counts them).
    const sent = 11 + 7 + 11 + 13 + big.length;
    await expect.poll(() => written.reduce((a, b) => a + b, 0)).toBe(sent);
  });

  it('refuses more bytes than announced, a file cut short, and a late .dockerignore', () => {
    const make = () => new UploadedContext(newContext(), 'FROM scratch\n', () => undefined);
    const over = make();
    over.control({ kind: 'file', path: 'a', size: 2 });
    expect(() => over.control({ kind: 'chunk', data: new Uint8Array(3) })).toThrow(
      /More bytes than announced for a/,
    );
    const short = make();
    short.control({ kind: 'file', path: 'a', size: 2 });
    short.control({ kind: 'chunk', data: new Uint8Array(1) });
    expect(() => short.control({ kind: 'end' })).toThrow(/a ended before its announced size/);
    const late = make();
    for (const m of file('a', 'x')) late.control(m);
    expect(() => late.control({ kind: 'file', path: '.dockerignore', size: 1 })).toThrow(
      /before the files it rules on/,
    );
    expect(() => make().control({ kind: 'chunk', data: new Uint8Array(1) })).toThrow(
      /More bytes than announced/,
    );
  });
});

describe('packFolder', () => {
  it('streams a folder, honouring its .dockerignore and file modes', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(root, '.dockerignore'), 'secret.txt\nlogs/\n');
    writeFileSync(join(root, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(root, 'secret.txt'), 'never');
    mkdirSync(join(root, 'logs'));
    writeFileSync(join(root, 'logs', 'a.log'), 'noise');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'big.bin'), Buffer.alloc(3_000_000, 1));
    const pack = newContext();
    const output = drain(pack);
    await packFolder(pack, root, '', new AbortController().signal);
    const { names, dir, verbose } = untar(await output);
    expect(names.sort()).toEqual(['.dockerignore', 'Dockerfile', 'run.sh', 'src/big.bin']);
    expect(verbose).toMatch(/-rwxr-xr-x .* run\.sh/);
    expect(readFileSync(join(dir, 'src', 'big.bin')).equals(Buffer.alloc(3_000_000, 1))).toBe(true);
  });

  it('puts a pasted Dockerfile first, in place of the folder’s', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'Dockerfile'), 'FROM old\n');
    writeFileSync(join(root, 'a.txt'), 'a');
    const pack = newContext();
    const output = drain(pack);
    await packFolder(pack, root, 'FROM new\n', new AbortController().signal);
    const { names, dir } = untar(await output);
    expect(names).toEqual(['Dockerfile', 'a.txt']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM new\n');
  });

  it('stops reading when the build is cancelled, even while the engine takes nothing', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'big.bin'), Buffer.alloc(8_000_000, 1));
    const pack = newContext(); // nothing reads it: the first write fills it up
    const cancel = new AbortController();
    const done = packFolder(pack, root, 'FROM scratch\n', cancel.signal).then(
      () => 'settled',
      () => 'settled',
    );
    await new Promise((r) => setTimeout(r, 50));
    cancel.abort();
    pack.destroy();
    expect(await done).toBe('settled');
  });

  it('says when the path is not a folder', async () => {
    await expect(
      packFolder(newContext(), '/nonexistent-porthole', '', new AbortController().signal),
    ).rejects.toThrow('is not a folder');
  });
});

describe('contextFilter (.dockerignore)', () => {
  it('keeps everything without a .dockerignore', () => {
    expect(contextFilter(undefined)('node_modules/x')).toBe(true);
  });

  it('drops ignored paths, honours "!" exceptions, always keeps Dockerfile and itself', () => {
    const keep = contextFilter(
      'node_modules\n*.log\nsecret/\n!keep.log\nDockerfile\n.dockerignore\n',
    );
    expect(keep('node_modules/a/b.js')).toBe(false);
    expect(keep('debug.log')).toBe(false);
    expect(keep('keep.log')).toBe(true);
    expect(keep('secret/key')).toBe(false);
    expect(keep('src/app.js')).toBe(true);
    expect(keep('Dockerfile')).toBe(true);
    expect(keep('.dockerignore')).toBe(true);
  });
});
