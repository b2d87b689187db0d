import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LayerFile } from '../../../../contract';
import { formatBytes } from '../../format/bytes';
import { isFolder, layerTree, type LayerNode } from './layer-tree';

/**
 * What one layer added, changed and removed, as a WAI-ARIA tree (every folder open at first:
 * the list is bounded by main). Up/Down move, Right opens or enters, Left closes or goes to the
 * parent, Home/End. Each treeitem is named by its file's name; its change and size follow.
 */
export function LayerTree({ label, files }: { label: string; files: LayerFile[] }) {
  const nodes = useMemo(() => layerTree(files), [files]);
  const [closed, setClosed] = useState<Set<string>>(() => new Set());
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const ref = useRef<HTMLUListElement>(null);
  const toggle = (path: string, open: boolean) =>
    setClosed((s) => {
      const next = new Set(s);
      if (open) next.delete(path);
      else next.add(path);
      return next;
    });
  const open = (n: LayerNode) => n.children.length > 0 && !closed.has(n.path);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!el) return;
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const at = all.indexOf(el);
    const path = el.dataset.path!;
    const expanded = el.getAttribute('aria-expanded');
    const go = (target: HTMLElement | null | undefined) => {
      e.preventDefault();
      if (target) {
        setFocused(target.dataset.path);
        target.focus();
      }
    };
    if (e.key === 'ArrowDown') go(all[at + 1]);
    else if (e.key === 'ArrowUp') go(all[at - 1]);
    else if (e.key === 'Home') go(all[0]);
    else if (e.key === 'End') go(all[all.length - 1]);
    else if (e.key === 'ArrowRight' && expanded === 'false') {
      e.preventDefault();
      toggle(path, true);
    } else if (e.key === 'ArrowRight' && expanded === 'true') {
      go(el.querySelector<HTMLElement>(':scope > [role="group"] > [role="treeitem"]'));
    } else if (e.key === 'ArrowLeft' && expanded === 'true') {
      e.preventDefault();
      toggle(path, false);
    } else if (e.key === 'ArrowLeft')
      go(el.parentElement?.closest<HTMLElement>('[role="treeitem"]'));
  };

  const first = nodes[0]?.path;
  const item = (n: LayerNode, level: number) => (
    <li
      key={n.path}
      role="treeitem"
      aria-label={n.name}
      aria-level={level}
      aria-expanded={n.children.length ? open(n) : undefined}
      tabIndex={(focused ?? first) === n.path ? 0 : -1}
      data-path={n.path}
      className="layer-node"
      onFocus={(e) => e.target === e.currentTarget && setFocused(n.path)}
      onClick={(e) => {
        e.stopPropagation();
        setFocused(n.path);
        if (n.children.length) toggle(n.path, !open(n));
      }}
    >
      <div className="layer-node-row" style={{ paddingLeft: `${(level - 1) * 16 + 4}px` }}>
        <span className="layer-twisty" aria-hidden="true">
          {n.children.length ? (open(n) ? '▾' : '▸') : ''}
        </span>
        <span className={`mono layer-name${isFolder(n) ? ' layer-name--dir' : ''}`}>
          {n.name}
          {isFolder(n) ? '/' : ''}
        </span>
        {n.file && (
          <span className={`layer-change layer-change--${n.file.change}`}>{n.file.change}</span>
        )}
        <span className="layer-size small">
          {n.file && !n.file.dir ? formatBytes(n.file.size) : ''}
        </span>
      </div>
      {open(n) && <ul role="group">{n.children.map((c) => item(c, level + 1))}</ul>}
    </li>
  );
  return (
    <ul ref={ref} role="tree" aria-label={label} className="layer-tree" onKeyDown={onKeyDown}>
      {nodes.map((n) => item(n, 1))}
    </ul>
  );
}
