import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { firstEntry } from '../../../../main/engine/volumes-tar';

/** A tar of `entries`, made by tar(1) from a temp folder (the oracle; GNU/PAX long names). */
function gnuTar(make: (dir: string) => void, member: string, format = 'posix'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'vol-tar-'));
  try {
    make(dir);
    const r = spawnSync('tar', [`--format=${format}`, '-C', dir, '-cf', '-', member]);
    expect(r.status).toBe(0);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Feeds `buf` in pieces of `chunk` bytes, as the engine's response would arrive. */
async function first(buf: Buffer, chunk: number) {
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
    })(),
  );
  const entry = await firstEntry(source);
  const parts: Buffer[] = [];
  if (entry) for await (const piece of entry.body) parts.push(piece as Buffer);
  source.destroy();
  return { header: entry?.header, data: Buffer.concat(parts) };
}

describe('firstEntry (tar-stream)', () => {
  const content = Buffer.from('x'.repeat(1300) + 'end');
  const oneFile = gnuTar((d) => writeFileSync(join(d, 'f.txt'), content), 'f.txt');
  it.each([1, 7, 512, 100_000])('streams the first file whatever the chunking (%i)', async (n) => {
    const { header, data } = await first(oneFile, n);
    expect(header).toMatchObject({ name: 'f.txt', size: content.length, type: 'file' });
    expect(data.equals(content)).toBe(true);
  });
  it('applies a PAX path (GNU tar, posix format) and a GNU long name', async () => {
    const long = `${'d'.repeat(120)}.bin`;
    for (const format of ['posix', 'gnu']) {
      const tar = gnuTar((d) => writeFileSync(join(d, long), 'hi'), long, format);
      const { header, data } = await first(tar, 64);
      expect(header?.name).toBe(long);
      expect(data.toString()).toBe('hi');
    }
  });
  it('reports a folder or a link, and nothing for an empty archive', async () => {
    const folder = gnuTar((d) => mkdirSync(join(d, 'logs')), 'logs');
    expect((await first(folder, 512)).header?.type).toBe('directory');
    const link = gnuTar((d) => symlinkSync('target', join(d, 'l')), 'l');
    expect((await first(link, 512)).header).toMatchObject({ type: 'symlink', linkname: 'target' });
    expect((await first(Buffer.alloc(1024), 512)).header).toBeUndefined();
  });
  it('errors the body of a truncated archive', async () => {
    await expect(first(oneFile.subarray(0, 1000), 100)).rejects.toThrow();
  });
});
