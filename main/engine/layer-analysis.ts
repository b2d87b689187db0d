import {
  LAYER_TOP_MAX,
  LAYER_TREE_MAX,
  type LayerFile,
  type LayerReport,
  type LayerTotals,
} from '../../contract';

/** What one entry of a layer's tar is. Whiteouts carry the path they remove. */
export const enum Kind {
  File,
  Dir,
  Whiteout,
  /** `.wh..wh..opq`: the folder's contents from lower layers are gone; its path is the folder. */
  Opaque,
}

/**
 * The headers of one layer's tar, as parallel arrays (a few hundred thousand entries stay
 * compact). Collected while the tar streams by, before the layer's place in the stack is known.
 */
export class LayerFiles {
  readonly paths: string[] = [];
  readonly sizes: number[] = [];
  readonly kinds: Kind[] = [];
  bytes = 0;

  /** One tar header: its name as written (`./a/b`, `a/b/`), its size, whether it is a folder. */
  add(name: string, size: number, dir: boolean): void {
    const path = normalise(name);
    if (path === '') return; // the layer's root folder itself
    const slash = path.lastIndexOf('/');
    const base = path.slice(slash + 1);
    const parent = slash < 0 ? '' : path.slice(0, slash);
    if (base === '.wh..wh..opq') return this.push(parent, 0, Kind.Opaque);
    if (base.startsWith('.wh.')) {
      // Other `.wh..wh.` names are the engine's own markers (AUFS plinks), not removals.
      if (base.startsWith('.wh..wh.')) return;
      return this.push((parent ? `${parent}/` : '') + base.slice(4), 0, Kind.Whiteout);
    }
    this.bytes += size;
    this.push(path, size, dir ? Kind.Dir : Kind.File);
  }

  private push(path: string, size: number, kind: Kind) {
    this.paths.push(path);
    this.sizes.push(size);
    this.kinds.push(kind);
  }
}

/** `./usr/bin/` → `usr/bin`: the key every layer's paths share. */
export function normalise(name: string): string {
  return name
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** A file or folder of the stacked image so far: which layer wrote it and how big it is. */
interface Node {
  size: number;
  layer: number;
  children?: Map<string, Node>;
}

/** dive's per-path figures: every size seen (a removal is seen as 0) and the smallest. */
interface Seen {
  sum: number;
  min: number;
  copies: number;
  wasted: number;
}

interface Removed {
  path: string;
  size: number;
  dir: boolean;
}

/**
 * The stacked image, layer by layer: what each layer adds, changes and removes, which bytes are
 * wasted (a file written again or removed by a later layer wastes its earlier copy's size), and
 * dive's efficiency (filetree/efficiency.go): Σ over paths of the smallest size seen divided by
 * Σ over paths of every size seen, a removal seen as size 0. Unlike dive, a removed folder counts
 * as the removal of each file in it (dive sizes it once at the folder's own path), and an opaque
 * marker removes the folder's lower contents (dive ignores it).
 */
export function analyseLayers(
  layers: LayerFiles[],
  commands: string[],
  limits = { tree: LAYER_TREE_MAX, top: LAYER_TOP_MAX },
): { layers: LayerReport[]; totals: LayerTotals } {
  const root: Node = { size: 0, layer: 0, children: new Map() };
  const seen = new Map<string, Seen>();
  const reports: LayerReport[] = [];
  const wastedBy = new Array<number>(layers.length).fill(0);
  let wasted = 0;

  const see = (path: string, size: number) => {
    const s = seen.get(path);
    if (s) {
      s.sum += size;
      s.min = Math.min(s.min, size);
      s.copies++;
    } else seen.set(path, { sum: size, min: size, copies: 1, wasted: 0 });
  };
  /** An earlier copy is hidden: its bytes are wasted, charged to the layer that wrote it. */
  const waste = (path: string, node: Node) => {
    wasted += node.size;
    wastedBy[node.layer] = (wastedBy[node.layer] ?? 0) + node.size;
    seen.get(path)!.wasted += node.size;
  };
  /** Removes a node and everything under it; reports each file (and each empty folder). */
  const drop = (path: string, node: Node, out: Removed[]) => {
    if (!node.children) {
      see(path, 0);
      waste(path, node);
      out.push({ path, size: node.size, dir: false });
    } else if (node.children.size === 0) out.push({ path, size: 0, dir: true });
    else for (const [name, child] of node.children) drop(`${path}/${name}`, child, out);
  };
  const report = (r: Removed) => ({
    path: `/${r.path}`,
    size: r.size,
    dir: r.dir,
    change: 'removed' as const,
  });

  layers.forEach((layer, index) => {
    const { paths, sizes, kinds } = layer;
    const changes: LayerFile[] = [];
    let added = 0;
    let changed = 0;
    let removed = 0;
    const hidesBefore = wasted;
    const removals: Removed[] = [];
    // Removals first: a layer's whiteouts hide lower layers only, wherever they sit in its tar.
    for (let i = 0; i < paths.length; i++) {
      const kind = kinds[i];
      if (kind !== Kind.Whiteout && kind !== Kind.Opaque) continue;
      const path = paths[i]!;
      const { parent, name } = lookup(root, path, false);
      const node = path === '' ? root : parent?.children?.get(name);
      if (kind === Kind.Whiteout) {
        if (node) {
          drop(path, node, removals);
          parent!.children!.delete(name);
        } else removals.push({ path, size: 0, dir: false }); // hides nothing: still an entry
      } else if (node?.children) {
        for (const [child, n] of node.children)
          drop(path ? `${path}/${child}` : child, n, removals);
        node.children.clear();
      }
    }
    for (const r of removals) changes.push(report(r));
    removed += removals.length;
    // Folders that hold other entries of this layer: not listed themselves (dive visits leaves).
    const parents = new Set<string>();
    for (const p of paths) {
      const slash = p.lastIndexOf('/');
      if (slash > 0) parents.add(p.slice(0, slash));
    }
    for (let i = 0; i < paths.length; i++) {
      const kind = kinds[i];
      if (kind === Kind.Whiteout || kind === Kind.Opaque) continue;
      const path = paths[i]!;
      const size = sizes[i]!;
      const dir = kind === Kind.Dir;
      const { parent, name } = lookup(root, path, true);
      const before = parent!.children!.get(name);
      if (before && (!before.children || dir)) {
        // Written again (a file over a file, or a folder's metadata): the old copy is hidden.
        if (!before.children) waste(path, before);
        before.size = dir ? 0 : size;
        before.layer = index;
        if (dir) before.children ??= new Map();
        else see(path, size);
        if (!dir || !parents.has(path)) {
          changed++;
          changes.push({ path: `/${path}`, size, dir, change: 'changed' });
        }
        continue;
      }
      if (before?.children && !dir) {
        // A file where a folder was: everything under the folder is gone.
        const gone: Removed[] = [];
        drop(path, before, gone);
        for (const r of gone) changes.push(report(r));
        removed += gone.length;
      }
      parent!.children!.set(
        name,
        dir ? { size: 0, layer: index, children: new Map() } : { size, layer: index },
      );
      if (!dir) see(path, size);
      if (!dir || !parents.has(path)) {
        added++;
        changes.push({ path: `/${path}`, size, dir, change: 'added' });
      }
    }
    changes.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
    reports.push({
      index: index + 1,
      command: (commands[index] ?? '').slice(0, 65536),
      size: layer.bytes,
      files: kinds.filter((k) => k !== Kind.Dir).length,
      added,
      changed,
      removed,
      wasted: 0,
      hides: wasted - hidesBefore,
      tree: changes.slice(0, limits.tree),
      more: Math.max(0, changes.length - limits.tree),
    });
  });
  reports.forEach((r, i) => (r.wasted = wastedBy[i] ?? 0));

  let min = 0;
  let sum = 0;
  const wastedFiles: LayerTotals['wastedFiles'] = [];
  for (const [path, s] of seen) {
    min += s.min;
    sum += s.sum;
    if (s.wasted > 0) wastedFiles.push({ path: `/${path}`, wasted: s.wasted, copies: s.copies });
  }
  wastedFiles.sort((a, b) => b.wasted - a.wasted || (a.path < b.path ? -1 : 1));
  const files: LayerTotals['largest'] = [];
  walkFiles(root, '', (path, node) => files.push({ path, size: node.size, layer: node.layer + 1 }));
  files.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  // The largest files: empty ones (links, markers) say nothing about size.
  const largest = files.filter((f) => f.size > 0);
  return {
    layers: reports,
    totals: {
      layers: layers.length,
      size: layers.reduce((n, l) => n + l.bytes, 0),
      files: files.length,
      wasted,
      efficiency: sum === 0 ? 1 : min / sum,
      largest: largest.slice(0, limits.top),
      wastedFiles: wastedFiles.slice(0, limits.top),
    },
  };
}

/** The folder holding `path` (made on the way when `create`) and the entry's name in it. */
function lookup(root: Node, path: string, create: boolean): { parent?: Node; name: string } {
  const parts = path.split('/');
  const name = parts.pop()!;
  let node = root;
  for (const part of parts) {
    let next = node.children!.get(part);
    if (!next?.children) {
      if (!create) return { name };
      // A folder implied by a deeper entry (tars need not list every parent).
      next = { size: 0, layer: node.layer, children: new Map() };
      node.children!.set(part, next);
    }
    node = next;
  }
  return { parent: node, name };
}

function walkFiles(node: Node, path: string, visit: (path: string, node: Node) => void) {
  for (const [name, child] of node.children!) {
    const p = `${path}/${name}`;
    if (child.children) walkFiles(child, p, visit);
    else visit(p, child);
  }
}
