import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { calls, streams } from '../../../../contract';
import { listFromArchive } from '../../../../main/engine/file-listing';
import {
  containerPath,
  modeString,
  parseLsFull,
  parseStatHeader,
  tarSegments,
  uploadEntryName,
} from '../../../../main/engine/file-paths';

describe('container paths', () => {
  it('normalises absolute paths and keeps spaces and unicode', () => {
    expect(containerPath('/')).toBe('/');
    expect(containerPath('/srv//my files/')).toBe('/srv/my files');
    expect(containerPath('/srv/./é☃.txt')).toBe('/srv/é☃.txt');
  });
  it('refuses relative paths, "..", and NUL', () => {
    expect(() => containerPath('etc')).toThrow(/absolute/);
    expect(() => containerPath('/a/../../etc')).toThrow(/\.\./);
    expect(() => containerPath('/..')).toThrow();
    expect(() => containerPath('/a\0b')).toThrow(/NUL/);
  });
  it('the contract refuses the same at the boundary', () => {
    const list = calls['files.list'].input;
    const ok = (path: string) => list.safeParse({ engineId: 'e', id: 'c', path }).success;
    expect(ok('/')).toBe(true);
    expect(ok('/a b/é')).toBe(true);
    expect(ok('/a/../b')).toBe(false);
    expect(ok('..')).toBe(false);
    expect(ok('etc')).toBe(false);
    const up = streams['files.upload'].control!;
    expect(up.safeParse({ kind: 'file', path: '../x', size: 1 }).success).toBe(false);
    expect(up.safeParse({ kind: 'file', path: '/etc/x', size: 1 }).success).toBe(false);
    expect(up.safeParse({ kind: 'file', path: 'a b/é.txt', size: 1 }).success).toBe(true);
  });
  it('upload entry names stay inside the target folder', () => {
    expect(uploadEntryName('dir/sub/f.txt')).toBe('dir/sub/f.txt');
    for (const bad of ['../x', 'a/../../x', '/abs', 'a//b', './a', 'a/.', '']) {
      expect(() => uploadEntryName(bad)).toThrow();
    }
  });
});

describe('parseStatHeader', () => {
  const header = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64');
  it('reads a file, a folder and a link', () => {
    const mtime = '2024-05-01T10:00:00.5Z';
    expect(parseStatHeader(header({ name: 'a.txt', size: 5, mode: 0o644, mtime }))).toEqual({
      name: 'a.txt',
      size: 5,
      kind: 'file',
      mode: '-rw-r--r--',
      mtime: '2024-05-01T10:00:00.500Z',
      linkTarget: undefined,
    });
    const dir = parseStatHeader(header({ name: 'etc', size: 4096, mode: 2 ** 31 + 0o755 }));
    expect(dir).toMatchObject({ kind: 'dir', mode: 'drwxr-xr-x' });
    const link = parseStatHeader(
      header({ name: 'sh', size: 7, mode: 2 ** 27 + 0o777, linkTarget: '/bin/busybox' }),
    );
    expect(link).toMatchObject({ kind: 'link', mode: 'lrwxrwxrwx', linkTarget: '/bin/busybox' });
  });
  it('fails plainly on a missing or broken header', () => {
    expect(() => parseStatHeader(undefined)).toThrow(/no path stat/);
    expect(() => parseStatHeader('!!!')).toThrow(/not JSON/);
  });
  it('modeString', () => {
    expect(modeString('file', 0o4755)).toBe('-rwxr-xr-x');
    expect(modeString('other', 0o600, 'c')).toBe('crw-------');
  });
});

describe('parseLsFull', () => {
  it('reads busybox and GNU `ls -lAn --full-time`', () => {
    const out = [
      'total 8',
      '-rw-r--r--    1 1000     1000             5 2026-12-02 00:21:00 +0000 name with  spaces',
      'lrwxrwxrwx    1 0        0                7 2026-12-02 00:21:00 +0000 lnk -> a b.txt',
      'drwxr-xr-x 2 0 0 4096 2024-01-02 03:04:05.123456789 +0100 logs',
      'crw-rw-rw-    1 0        0           1,   3 2026-12-02 00:21:00 +0000 null',
    ].join('\n');
    expect(parseLsFull(out)).toEqual([
      {
        name: 'logs',
        kind: 'dir',
        size: 4096,
        mode: 'drwxr-xr-x',
        owner: '0:0',
        mtime: '2024-01-02T02:04:05.000Z',
      },
      {
        name: 'lnk',
        kind: 'link',
        size: 7,
        mode: 'lrwxrwxrwx',
        owner: '0:0',
        mtime: '2026-12-02T00:21:00.000Z',
        linkTarget: 'a b.txt',
      },
      {
        name: 'name with  spaces',
        kind: 'file',
        size: 5,
        mode: '-rw-r--r--',
        owner: '1000:1000',
        mtime: '2026-12-02T00:21:00.000Z',
      },
      {
        name: 'null',
        kind: 'other',
        size: 3,
        mode: 'crw-rw-rw-',
        owner: '0:0',
        mtime: '2026-12-02T00:21:00.000Z',
      },
    ]);
  });
  it('tarSegments', () => {
    expect(tarSegments('./a/b/')).toEqual(['a', 'b']);
    expect(tarSegments('/')).toEqual([]);
  });
});

/** A tar of a folder made by tar(1) (the oracle), fed in small pieces. */
function folderTar(make: (dir: string) => void, member: string): Readable {
  const dir = mkdtempSync(join(tmpdir(), 'files-tar-'));
  try {
    make(dir);
    const r = spawnSync('tar', ['--format=posix', '-C', dir, '-cf', '-', member]);
    expect(r.status).toBe(0);
    const buf = r.stdout;
    return Readable.from(
      (function* () {
        for (let i = 0; i < buf.length; i += 700) yield buf.subarray(i, i + 700);
      })(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('listFromArchive', () => {
  const make = (d: string) => {
    mkdirSync(join(d, 'top', 'sub', 'deep'), { recursive: true });
    writeFileSync(join(d, 'top', 'a b.txt'), 'hello');
    writeFileSync(join(d, 'top', 'é☃.txt'), 'x'.repeat(3000));
    writeFileSync(join(d, 'top', 'sub', 'deep', 'inner.txt'), 'no');
    symlinkSync('a b.txt', join(d, 'top', 'lnk'));
  };
  it('lists only the direct children, with sizes, owners and link targets', async () => {
    const listing = await listFromArchive(folderTar(make, 'top'), '/top');
    expect(listing.truncated).toBe(false);
    expect(listing.entries.map((e) => [e.name, e.kind, e.size, e.linkTarget])).toEqual([
      ['sub', 'dir', 0, undefined],
      ['a b.txt', 'file', 5, undefined],
      ['é☃.txt', 'file', 3000, undefined],
      ['lnk', 'link', 0, 'a b.txt'],
    ]);
    expect(listing.entries[1]!.owner).toMatch(/^\d+:\d+$/);
  });
  it('stops at its bounds and says so', async () => {
    const listing = await listFromArchive(folderTar(make, 'top'), '/top', {
      bytes: 1 << 30,
      entries: 2,
      children: 100,
    });
    expect(listing.truncated).toBe(true);
  });
  it('refuses a file', async () => {
    const file = folderTar((d) => writeFileSync(join(d, 'f'), 'x'), 'f');
    await expect(listFromArchive(file, '/f')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
