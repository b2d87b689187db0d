import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { orderLayers, readSave } from '../../../../main/engine/image-layers';
import { analyseLayers, LayerFiles } from '../../../../main/engine/layer-analysis';

/** One entry of a fixture tar: a file of `size` zero bytes, a folder, or a symlink. */
type Entry =
  | { name: string; size?: number; body?: Buffer }
  | { name: string; dir: true }
  | { name: string; link: string };

/** A tar made by tar-stream, the library the engine module reads with. */
async function tarOf(entries: Entry[]): Promise<Buffer> {
  const p = pack();
  for (const e of entries) {
    if ('dir' in e) p.entry({ name: e.name, type: 'directory', mode: 0o755 });
    else if ('link' in e) p.entry({ name: e.name, type: 'symlink', linkname: e.link });
    else p.entry({ name: e.name, mode: 0o644 }, e.body ?? Buffer.alloc(e.size ?? 0, 7));
  }
  p.finalize();
  const parts: Buffer[] = [];
  for await (const chunk of p) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** A layer's headers as the engine module would collect them from its tar. */
async function layerOf(entries: Entry[]): Promise<LayerFiles> {
  const save = await readSave(
    Readable.from([await tarOf([{ name: 'l/layer.tar', body: await tarOf(entries) }])]),
  );
  return save.layers.get('l/layer.tar')!;
}

const analyse = async (...layers: Entry[][]) =>
  analyseLayers(
    await Promise.all(layers.map(layerOf)),
    layers.map((_, i) => `cmd ${i + 1}`),
  );

const byPath = (tree: { path: string; change: string; size: number }[]) =>
  Object.fromEntries(tree.map((f) => [f.path, `${f.change} ${f.size}`]));

describe('layer analysis', () => {
  it('a file removed by a whiteout wastes its size; dive’s efficiency counts the removal as 0', async () => {
    const r = await analyse(
      [
        { name: 'bin/', dir: true },
        { name: 'bin/sh', size: 1000 },
      ],
      [{ name: 'big', size: 20_000 }],
      [{ name: '.wh.big' }],
    );
    expect(r.totals.wasted).toBe(20_000);
    expect(r.totals.efficiency).toBeCloseTo(1000 / 21_000, 12);
    expect(r.totals.files).toBe(1);
    expect(r.totals.size).toBe(21_000);
    expect(r.layers.map((l) => [l.added, l.changed, l.removed, l.wasted, l.hides])).toEqual([
      [1, 0, 0, 0, 0],
      [1, 0, 0, 20_000, 0],
      [0, 0, 1, 0, 20_000],
    ]);
    expect(byPath(r.layers[2]!.tree)).toEqual({ '/big': 'removed 20000' });
    expect(r.totals.wastedFiles).toEqual([{ path: '/big', wasted: 20_000, copies: 2 }]);
    expect(r.layers.map((l) => l.command)).toEqual(['cmd 1', 'cmd 2', 'cmd 3']);
  });

  it('an overwritten file wastes its earlier copy only; efficiency is min/sum per path', async () => {
    const r = await analyse(
      [
        { name: 'etc/', dir: true },
        { name: 'etc/conf', size: 300 },
      ],
      [
        { name: 'etc/', dir: true },
        { name: 'etc/conf', size: 100 },
      ],
    );
    expect(r.totals.wasted).toBe(300);
    expect(r.totals.efficiency).toBeCloseTo(100 / 400, 12);
    expect(byPath(r.layers[1]!.tree)).toEqual({ '/etc/conf': 'changed 100' });
    expect(r.layers[0]!.wasted).toBe(300);
    expect(r.totals.largest).toEqual([{ path: '/etc/conf', size: 100, layer: 2 }]);
  });

  it('a whiteout of a folder removes every file under it', async () => {
    const r = await analyse(
      [
        { name: 'a/b/c', size: 10 },
        { name: 'a/b/d', size: 20 },
        { name: 'a/e', size: 5 },
      ],
      [{ name: 'a/.wh.b' }],
    );
    expect(r.totals.wasted).toBe(30);
    expect(byPath(r.layers[1]!.tree)).toEqual({ '/a/b/c': 'removed 10', '/a/b/d': 'removed 20' });
    expect(r.totals.largest.map((f) => f.path)).toEqual(['/a/e']);
  });

  it('an opaque folder hides lower contents but keeps what its own layer writes', async () => {
    const r = await analyse(
      [
        { name: 'd/', dir: true },
        { name: 'd/old', size: 50 },
        { name: 'd/keep', size: 7 },
      ],
      // The new file before the marker: whiteouts apply to lower layers wherever they sit.
      [{ name: 'd/', dir: true }, { name: 'd/new', size: 9 }, { name: 'd/.wh..wh..opq' }],
    );
    expect(r.totals.wasted).toBe(57);
    expect(byPath(r.layers[1]!.tree)).toEqual({
      '/d/new': 'added 9',
      '/d/old': 'removed 50',
      '/d/keep': 'removed 7',
    });
    expect(r.totals.largest).toEqual([{ path: '/d/new', size: 9, layer: 2 }]);
    expect(r.totals.files).toBe(1);
  });

  it('a file where a folder was removes the folder’s files', async () => {
    const r = await analyse([{ name: 'x/y', size: 4 }], [{ name: 'x', size: 1 }]);
    expect(r.totals.wasted).toBe(4);
    expect(byPath(r.layers[1]!.tree)).toEqual({ '/x': 'added 1', '/x/y': 'removed 4' });
  });

  it('the tree keeps the largest changes, counts the rest', async () => {
    const files = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, size: i }));
    const layers = [await layerOf(files)];
    const r = analyseLayers(layers, ['c'], { tree: 10, top: 3 });
    expect(r.layers[0]!.tree.map((f) => f.size)).toEqual([29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
    expect(r.layers[0]!.more).toBe(20);
    expect(r.layers[0]!.added).toBe(30);
    expect(r.totals.files).toBe(30);
    expect(r.totals.largest.map((f) => f.path)).toEqual(['/f29', '/f28', '/f27']);
  });

  it('properties: wasted ≤ total size; efficiency in [0, 1]; no waste without rewrites', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd/e', 'd/f', 'd');
    const entry = fc.oneof(
      fc.record({ name, size: fc.nat(1000) }),
      name.map((n) => {
        const slash = n.lastIndexOf('/');
        return { name: `${n.slice(0, slash + 1)}.wh.${n.slice(slash + 1)}`, size: 0 };
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 6 }), { maxLength: 5 }), (layers) => {
        const files = layers.map((entries) => {
          const l = new LayerFiles();
          for (const e of entries) l.add(e.name, e.size, false);
          return l;
        });
        const r = analyseLayers(files, []);
        expect(r.totals.wasted).toBeLessThanOrEqual(r.totals.size);
        expect(r.totals.efficiency).toBeGreaterThanOrEqual(0);
        expect(r.totals.efficiency).toBeLessThanOrEqual(1);
        const sum = r.layers.reduce((n, l) => n + l.wasted, 0);
        expect(sum).toBe(r.totals.wasted);
        expect(r.layers.reduce((n, l) => n + l.hides, 0)).toBe(r.totals.wasted);
        const paths = layers.flat().map((e) => e.name);
        if (new Set(paths).size === paths.length && !paths.some((p) => p.includes('.wh.'))) {
          // A path written once and never removed wastes nothing (d vs d/e: a folder swap).
          if (!paths.includes('d')) expect(r.totals.wasted).toBe(0);
        }
      }),
    );
  });
});

describe('reading a docker save tar', () => {
  const config = JSON.stringify({
    history: [
      { created_by: 'ADD base' },
      { created_by: 'ENV A=1', empty_layer: true },
      { created_by: 'RUN make big' },
      { created_by: 'RUN rm big' },
    ],
  });

  it('orders layers by manifest.json even when it is the last entry; commands skip empty layers', async () => {
    const save = await tarOf([
      // Legacy layout, directories in id order (not stack order); the manifest last.
      { name: 'aaa/layer.tar', body: await tarOf([{ name: '.wh.big' }]) },
      { name: 'bbb/layer.tar', body: await tarOf([{ name: 'big', size: 5000 }]) },
      { name: 'ccc/layer.tar', body: await tarOf([{ name: 'bin/sh', size: 10 }]) },
      { name: 'cfg.json', body: Buffer.from(config) },
      {
        name: 'manifest.json',
        body: Buffer.from(
          JSON.stringify([
            { Config: 'cfg.json', Layers: ['ccc/layer.tar', 'bbb/layer.tar', 'aaa/layer.tar'] },
          ]),
        ),
      },
    ]);
    const { layers, commands } = orderLayers(await readSave(Readable.from([save])));
    expect(commands).toEqual(['ADD base', 'RUN make big', 'RUN rm big']);
    const r = analyseLayers(layers, commands);
    expect(r.layers.map((l) => l.size)).toEqual([10, 5000, 0]);
    expect(r.totals.wasted).toBe(5000);
  });

  it('OCI blobs (gzip or plain), a layer saved twice as a symlink, bytes reported', async () => {
    const base = await tarOf([{ name: 'f', size: 3 }]);
    const save = await tarOf([
      { name: 'blobs/sha256/11', body: gzipSync(base) },
      { name: 'blobs/sha256/22', body: Buffer.from(config) },
      { name: 'dup/layer.tar', link: '../blobs/sha256/11' },
      { name: 'blobs/sha256/33', body: await tarOf([{ name: 'f', size: 8 }]) },
      {
        name: 'manifest.json',
        body: Buffer.from(
          JSON.stringify([
            {
              Config: 'blobs/sha256/22',
              Layers: ['blobs/sha256/11', 'blobs/sha256/33', 'dup/layer.tar'],
            },
          ]),
        ),
      },
    ]);
    let seen = 0;
    const { layers } = orderLayers(await readSave(Readable.from([save]), (n) => (seen = n)));
    expect(seen).toBe(save.length);
    const r = analyseLayers(layers, []);
    expect(r.layers.map((l) => l.size)).toEqual([3, 8, 3]);
    expect(r.totals.wasted).toBe(3 + 8);
  });

  it('a missing manifest or an unreadable layer is an error that names it', async () => {
    const noManifest = await tarOf([{ name: 'x/layer.tar', body: await tarOf([]) }]);
    expect(() =>
      orderLayers({ layers: new Map(), json: new Map(), links: new Map(), unreadable: new Map() }),
    ).toThrow(/no manifest\.json/);
    await expect(readSave(Readable.from([noManifest])).then(orderLayers)).rejects.toThrow(
      /manifest/,
    );
    const broken = await tarOf([
      { name: 'x/layer.tar', body: Buffer.alloc(2048, 0x41) },
      { name: 'manifest.json', body: Buffer.from('[{"Layers":["x/layer.tar"]}]') },
    ]);
    await expect(readSave(Readable.from([broken])).then(orderLayers)).rejects.toThrow(
      /Could not read layer x\/layer\.tar/,
    );
  });
});
