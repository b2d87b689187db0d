import { once } from 'node:events';
import { posix } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type Docker from 'dockerode';
import { extract } from 'tar-stream';
import type { LayersEvent } from '../../contract';
import type { Sink } from '../streams/sink';
import { fail, toPortholeError } from './errors';
import { analyseLayers, LayerFiles, normalise } from './layer-analysis';

/** getImages (GET /images/get?names=…, the same export as /images/NAME/get) is untyped. */
type WithSave = Docker & {
  getImages(opts: { names: string[]; abortSignal: AbortSignal }): Promise<Readable>;
};

/** manifest.json, configs, index.json: read whole, so bounded. */
const JSON_MAX = 8 * 1024 * 1024;

/** What a `docker save` tar holds, read once front to back, layer bodies never kept. */
export interface SaveContents {
  /** Each layer tar's headers, keyed by its path in the save (`ID/layer.tar`, `blobs/sha256/…`). */
  layers: Map<string, LayerFiles>;
  /** Small JSON files by path: manifest.json, the image config, index.json. */
  json: Map<string, string>;
  /** Symlinks in the save (a layer saved twice is linked to its first copy). */
  links: Map<string, string>;
  /** Blobs that looked like a tar but could not be read as one. */
  unreadable: Map<string, string>;
}

/**
 * Reads a save tar as it streams by. Layers come before manifest.json (which may be the last
 * entry) in no particular order, so each is summarised under its path and ordered later. A
 * blob is sniffed by its first bytes: `{`/`[` JSON, gzip, or a tar — only headers are read,
 * file bodies are skipped as they pass.
 */
export async function readSave(
  tar: Readable,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<SaveContents> {
  const out: SaveContents = {
    layers: new Map(),
    json: new Map(),
    links: new Map(),
    unreadable: new Map(),
  };
  const outer = extract();
  tar.on('error', (err) => outer.destroy(err));
  tar.pipe(outer as unknown as Writable);
  let bytes = 0;
  tar.on('data', (chunk: Buffer) => onBytes((bytes += chunk.length)));
  for await (const entry of outer) {
    const { header } = entry;
    const name = normalise(header.name);
    if (header.type === 'symlink' && header.linkname) {
      out.links.set(name, posix.normalize(posix.join(posix.dirname(name), header.linkname)));
    }
    if (header.type === 'file' || header.type === 'contiguous-file') {
      await readEntry(name, header.size ?? 0, entry as unknown as AsyncIterable<Buffer>, out);
    } else entry.resume();
  }
  return out;
}

async function readEntry(
  name: string,
  size: number,
  body: AsyncIterable<Buffer>,
  out: SaveContents,
): Promise<void> {
  const it = body[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) {
    if (name.endsWith('layer.tar')) out.layers.set(name, new LayerFiles());
    return;
  }
  const head = first.value;
  if (head[0] === 0x7b || head[0] === 0x5b) {
    const parts = [head];
    for (let r = await it.next(); !r.done; r = await it.next()) {
      if (size <= JSON_MAX) parts.push(r.value);
    }
    if (size <= JSON_MAX) out.json.set(name, Buffer.concat(parts).toString('utf8'));
    return;
  }
  // A layer: its bytes go through a tar parser that reads headers and drops bodies.
  const files = new LayerFiles();
  const inner = extract();
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const gunzip = gzip ? createGunzip() : undefined;
  const input = (gunzip ?? inner) as unknown as Writable;
  let failed: Error | undefined;
  const onError = (err: Error) => (failed ??= err);
  inner.on('error', onError);
  gunzip?.on('error', onError);
  if (gunzip) gunzip.pipe(inner as unknown as Writable);
  const parsed = (async () => {
    for await (const e of inner) {
      files.add(e.header.name, e.header.size ?? 0, e.header.type === 'directory');
      e.resume();
    }
  })().catch(onError);
  const write = async (chunk: Buffer) => {
    if (failed || input.write(chunk)) return;
    // Back-pressure: the save is read only as fast as the headers are parsed.
    await Promise.race([once(input, 'drain'), once(input, 'close'), once(input, 'error')]).catch(
      () => undefined,
    );
  };
  await write(head);
  // Keep reading to the entry's end even when the parse failed: the next entry follows it.
  for (let r = await it.next(); !r.done; r = await it.next()) await write(r.value);
  input.end();
  await parsed;
  if (failed) out.unreadable.set(name, failed.message);
  else out.layers.set(name, files);
}

interface Manifest {
  Config?: string;
  Layers?: string[];
}
interface Config {
  history?: { created_by?: string; empty_layer?: boolean }[];
}

/**
 * The layers in the order of manifest.json's Layers, each with the command that made it: the
 * config's history entries that are not `empty_layer` (ENV, CMD… make none), in order.
 */
export function orderLayers(save: SaveContents): { layers: LayerFiles[]; commands: string[] } {
  const text = save.json.get('manifest.json');
  if (!text) fail('INTERNAL', 'The engine’s image archive has no manifest.json.');
  const manifest = (JSON.parse(text) as Manifest[])[0];
  if (!manifest?.Layers) fail('INTERNAL', 'The image archive’s manifest.json lists no layers.');
  const resolve = (path: string) => {
    let p = normalise(path);
    for (let hops = 0; hops < 16 && !save.layers.has(p) && save.links.has(p); hops++) {
      p = save.links.get(p)!;
    }
    return p;
  };
  const layers = manifest.Layers.map((path) => {
    const p = resolve(path);
    const files = save.layers.get(p);
    if (files) return files;
    const why = save.unreadable.get(p);
    return fail('INTERNAL', `Could not read layer ${path} of the image${why ? `: ${why}` : '.'}`);
  });
  const configText = manifest.Config ? save.json.get(resolve(manifest.Config)) : undefined;
  const history = configText ? ((JSON.parse(configText) as Config).history ?? []) : [];
  const commands = history.filter((h) => !h.empty_layer).map((h) => h.created_by ?? '');
  return { layers, commands };
}

/**
 * The layer explorer: streams the image's `docker save` once, reporting progress by bytes read
 * against the image's size; then one event per layer, base first, and the totals. Main holds
 * the layers' headers, never their files. Closing the stream aborts the engine's request.
 */
export function exploreLayers(docker: Docker, id: string, sink: Sink<LayersEvent>): void {
  void (async () => {
    const info = (await docker.getImage(id).inspect()) as { Id: string; Size: number };
    const tar = await (docker as WithSave).getImages({
      names: [info.Id],
      abortSignal: sink.signal,
    });
    sink.signal.addEventListener('abort', () => tar.destroy(), { once: true });
    const total = info.Size;
    const step = Math.max(1 << 20, Math.floor(total / 200));
    let bytes = 0;
    let sent = 0;
    sink.next({ kind: 'progress', bytes: 0, total }, 64);
    const save = await readSave(tar, (n) => {
      bytes = n;
      // Progress may be skipped while the viewer is behind; the layers never are.
      if (bytes - sent >= step && !sink.paused) {
        sent = bytes;
        sink.next({ kind: 'progress', bytes, total }, 64);
      }
    });
    if (sink.closed) return;
    sink.next({ kind: 'progress', bytes, total }, 64);
    const { layers, commands } = orderLayers(save);
    const report = analyseLayers(layers, commands);
    for (const layer of report.layers) {
      const event: LayersEvent = { kind: 'layer', layer };
      sink.next(event, JSON.stringify(event).length);
    }
    sink.next({ kind: 'done', totals: report.totals }, 4096);
    sink.end();
  })().catch((err: unknown) => sink.end(toPortholeError(err)));
}
