import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { demux, helperCandidates, parseLs } from '../../../../main/engine/volumes-files';
import { FirstEntryReader, parsePax } from '../../../../main/engine/volumes-tar';

describe('parseLs', () => {
  it('reads busybox `ls -lAn`, folders first', () => {
    const out = [
      'total 12',
      '-rw-r--r--    1 0        0               18 Nov 23 10:25 top.txt',
      'drwxr-xr-x    2 0        0             4096 Nov 23 10:25 logs',
      'lrwxrwxrwx    1 0        0                7 Nov 23 10:25 latest -> top.txt',
      'crw-rw-rw-    1 0        0           1,   3 Nov 23 10:25 null',
      '-rw-r--r--    1 1000     1000             5 Jan  2  2024 name with  spaces',
    ].join('\n');
    expect(parseLs(out)).toEqual([
      { name: 'logs', kind: 'dir', size: 4096, modified: 'Nov 23 10:25', mode: 'drwxr-xr-x' },
      {
        name: 'latest',
        kind: 'link',
        size: 7,
        modified: 'Nov 23 10:25',
        mode: 'lrwxrwxrwx',
        linkTarget: 'top.txt',
      },
      {
        name: 'name with  spaces',
        kind: 'file',
        size: 5,
        modified: 'Jan  2  2024',
        mode: '-rw-r--r--',
      },
      { name: 'null', kind: 'other', size: 3, modified: 'Nov 23 10:25', mode: 'crw-rw-rw-' },
      { name: 'top.txt', kind: 'file', size: 18, modified: 'Nov 23 10:25', mode: '-rw-r--r--' },
    ]);
  });
  it('reads GNU `ls -lAn` and ignores noise', () => {
    expect(parseLs('-rw-r--r--. 1 0 0 6 Nov 23 10:00 a.txt\r\nls: cannot access\n')).toEqual([
      { name: 'a.txt', kind: 'file', size: 6, modified: 'Nov 23 10:00', mode: '-rw-r--r--' },
    ]);
  });
});

describe('demux', () => {
  const frame = (stream: number, text: string) => {
    const body = Buffer.from(text);
    const head = Buffer.alloc(8);
    head[0] = stream;
    head.writeUInt32BE(body.length, 4);
    return Buffer.concat([head, body]);
  };
  it('splits stdout and stderr frames', () => {
    const buf = Buffer.concat([frame(1, 'a\n'), frame(2, 'oops\n'), frame(1, 'b\n')]);
    expect(demux(buf)).toEqual({ stdout: 'a\nb\n', stderr: 'oops\n' });
  });
  it('ignores a truncated header', () => {
    expect(demux(Buffer.from([1, 0, 0]))).toEqual({ stdout: '', stderr: '' });
  });
});

describe('helperCandidates', () => {
  it('prefers tagged images, smallest first, then untagged ones by id', () => {
    const images = [
      { Id: 'sha256:big', Size: 900, RepoTags: ['debian:12'] },
      { Id: 'sha256:none', Size: 10, RepoTags: ['<none>:<none>'] },
      { Id: 'sha256:small', Size: 50, RepoTags: ['busybox:latest'] },
    ] as Docker.ImageInfo[];
    expect(helperCandidates(images)).toEqual(['busybox:latest', 'debian:12', 'sha256:none']);
  });
});

/** A tar built the way the engine's archive API builds one. */
function tar(entries: { name: string; type: string; data?: Buffer; link?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    const h = Buffer.alloc(512);
    h.write(e.name, 0);
    h.write(data.length.toString(8).padStart(11, '0'), 124);
    h.write(e.type, 156);
    if (e.link) h.write(e.link, 157);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function readAll(buf: Buffer, chunk: number) {
  const reader = new FirstEntryReader();
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) out.push(...reader.push(buf.subarray(i, i + chunk)));
  return { reader, data: Buffer.concat(out) };
}

describe('FirstEntryReader', () => {
  const content = Buffer.from('x'.repeat(1300) + 'end');
  it.each([1, 7, 512, 100_000])('streams the first file whatever the chunking (%i)', (chunk) => {
    const { reader, data } = readAll(tar([{ name: 'f.txt', type: '0', data: content }]), chunk);
    expect(reader.entry).toMatchObject({ name: 'f.txt', size: content.length, type: '0' });
    expect(data.equals(content)).toBe(true);
    expect(reader.done).toBe(true);
  });
  it('applies a PAX path and size', () => {
    const long = `${'d/'.repeat(80)}file.bin`;
    const record = (k: string, v: string) => {
      let len = k.length + v.length + 3;
      len += String(len).length;
      if (String(len).length !== String(len - String(len).length).length) len++;
      return `${len} ${k}=${v}\n`;
    };
    const pax = Buffer.from(record('path', long));
    expect(parsePax(pax)).toEqual({ path: long });
    const { reader, data } = readAll(
      tar([
        { name: 'PaxHeaders/x', type: 'x', data: pax },
        { name: 'short', type: '0', data: Buffer.from('hi') },
      ]),
      64,
    );
    expect(reader.entry?.name).toBe(long);
    expect(data.toString()).toBe('hi');
  });
  it('reports a folder or a link without content', () => {
    expect(readAll(tar([{ name: 'logs/', type: '5' }]), 512).reader.entry?.type).toBe('5');
    const link = readAll(tar([{ name: 'l', type: '2', link: 'target' }]), 512).reader;
    expect(link.entry).toMatchObject({ type: '2', linkTarget: 'target' });
    expect(link.done).toBe(true);
  });
});
