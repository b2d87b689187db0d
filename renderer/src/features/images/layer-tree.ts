import type { LayerFile } from '../../../../contract';

/** A node of one layer's tree: the folders its changed paths imply, then the changes. */
export interface LayerNode {
  name: string;
  path: string;
  /** The change this layer made here; folders implied by deeper paths have none. */
  file?: LayerFile;
  children: LayerNode[];
}

/** Builds the nested tree from a layer's flat list of changes: folders first, then by name. */
export function layerTree(files: LayerFile[]): LayerNode[] {
  const root: LayerNode = { name: '', path: '', children: [] };
  const index = new Map<string, LayerNode>([['', root]]);
  const nodeAt = (path: string): LayerNode => {
    const found = index.get(path);
    if (found) return found;
    const slash = path.lastIndexOf('/');
    const node: LayerNode = { name: path.slice(slash + 1), path, children: [] };
    nodeAt(path.slice(0, slash)).children.push(node);
    index.set(path, node);
    return node;
  };
  for (const f of files) nodeAt(f.path.replace(/\/+$/, '')).file = f;
  const sort = (n: LayerNode) => {
    n.children.sort(
      (a, b) =>
        Number(isFolder(b)) - Number(isFolder(a)) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    n.children.forEach(sort);
  };
  sort(root);
  return root.children;
}

export const isFolder = (n: LayerNode) => n.children.length > 0 || !!n.file?.dir;
