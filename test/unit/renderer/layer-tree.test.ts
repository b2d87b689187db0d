import { describe, expect, it } from 'vitest';
import { layerTree } from '../../../renderer/src/features/images/layer-tree';

describe('layerTree', () => {
  it('nests changed paths under the folders they imply, folders first, then by name', () => {
    const tree = layerTree([
      { path: '/z', size: 1, dir: false, change: 'added' },
      { path: '/a/b/c', size: 2, dir: false, change: 'removed' },
      { path: '/a/d', size: 3, dir: false, change: 'changed' },
      { path: '/e', size: 0, dir: true, change: 'added' },
    ]);
    const names = (nodes: typeof tree): unknown =>
      nodes.map((n) => (n.children.length ? { [n.name]: names(n.children) } : n.name));
    expect(names(tree)).toEqual([{ a: [{ b: ['c'] }, 'd'] }, 'e', 'z']);
    expect(tree[0]!.file).toBeUndefined(); // implied, not changed by the layer
    expect(tree[0]!.children[0]!.children[0]!.file?.change).toBe('removed');
  });
});
