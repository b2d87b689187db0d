import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FirstFileBody, fileHeader, padding, TAR_END } from '../../../../main/engine/tar-lite';

const long = `${'d'.repeat(70)}/${'e'.repeat(70)}/f.bin`;
const names = ['a.txt', 'dir/sub/b c.txt', 'é☃ x.txt', long];

describe('fileHeader (GNU tar as the oracle)', () => {
  it('writes entries tar(1) lists and extracts with their names and bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-lite-'));
    try {
      const parts: Buffer[] = [];
      names.forEach((name, i) => {
        const data = Buffer.alloc(1000 + i * 777, i + 1);
        parts.push(fileHeader(name, data.length, 0o640), data, padding(data.length));
      });
      parts.push(TAR_END);
      writeFileSync(join(dir, 'x.tar'), Buffer.concat(parts));
      const list = spawnSync('tar', ['-tvf', join(dir, 'x.tar')], { encoding: 'utf8' });
      expect(list.status).toBe(0);
      expect(
        list.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(/\s+/).slice(5).join(' ')),
      ).toEqual(names);
      expect(list.stdout).toContain('-rw-r-----');
      const x = spawnSync('tar', ['-xf', join(dir, 'x.tar'), '-C', dir]);
      expect(x.status).toBe(0);
      names.forEach((name, i) => {
        expect(readFileSync(join(dir, name)).equals(Buffer.alloc(1000 + i * 777, i + 1))).toBe(
          true,
        );
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('FirstFileBody', () => {
  const tarOf = (name: string, data: Buffer, format: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-lite-'));
    try {
      writeFileSync(join(dir, 'f'), data);
      const r = spawnSync('tar', [
        `--format=${format}`,
        '-C',
        dir,
        '--transform',
        `s|^f$|${name}|`,
        '-cf',
        '-',
        'f',
      ]);
      expect(r.status).toBe(0);
      return r.stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const run = (tar: Buffer, chunk: number) => {
    const body = new FirstFileBody();
    const out: Uint8Array[] = [];
    for (let i = 0; i < tar.length; i += chunk) out.push(...body.take(tar.subarray(i, i + chunk)));
    return { body, data: Buffer.concat(out) };
  };
  const data = Buffer.from('x'.repeat(5000) + 'end');
  it.each([
    ['posix', 'é☃ long name.txt'],
    ['gnu', long.replaceAll('/', '_')],
    ['ustar', 'plain.txt'],
  ])('cuts the file out of a %s tar whatever the chunking', (format, name) => {
    const tar = tarOf(name, data, format);
    for (const chunk of [1, 511, 512, 4096, 1 << 20]) {
      const { body, data: got } = run(tar, chunk);
      expect(body.error).toBeUndefined();
      expect(body.done).toBe(true);
      expect(got.equals(data)).toBe(true);
    }
  });
  it('says so for a folder, an empty archive or not a tar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-lite-'));
    try {
      const folder = spawnSync('tar', ['-C', dir, '-cf', '-', '.']).stdout;
      expect(run(folder, 512).body.error).toBe('Not a regular file.');
      expect(run(folder, 512).body.other).toEqual({ type: 'directory', linkname: '' });
      symlinkSync('target', join(dir, 'l'));
      const link = spawnSync('tar', ['-C', dir, '-cf', '-', 'l']).stdout;
      expect(run(link, 100).body.other).toEqual({ type: 'symlink', linkname: 'target' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(run(TAR_END, 512).body.error).toBe('The archive has no file.');
    expect(run(Buffer.alloc(512, 7), 512).body.error).toMatch(/not a tar/);
  });
});
