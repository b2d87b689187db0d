import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useId, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { FileEntry } from '../../../contract';
import { formatBytes } from '../format/bytes';
import { treeKeyDown } from './treeKeys';
import './file-tree.css';

export type ChangeMark = 'added' | 'modified' | 'deleted';

/** One folder's children as the tree needs them. */
export interface TreeFolder {
  entries: FileEntry[];
  truncated: boolean;
}

export interface Selection {
  path: string;
  kind: FileEntry['kind'];
  entry: FileEntry | undefined;
}

type FolderOptions = UseQueryOptions<TreeFolder, Error, TreeFolder, readonly unknown[]>;

interface Props<T extends TreeFolder, K extends readonly unknown[]> {
  /** The tree's accessible name: "Files of web-1". */
  label: string;
  /** How a folder is read (a react-query options factory, so Refresh is an invalidation). */
  folder: (path: string) => UseQueryOptions<T, Error, T, K>;
  selected: string | undefined;
  onSelect(selection: Selection): void;
  /** "Changed since the image", by absolute path. */
  marks?: Map<string, ChangeMark> | undefined;
  /** Files dropped onto a folder (or onto a file: its folder). */
  onDrop?: ((folder: string, data: DataTransfer) => void) | undefined;
}

export const childPath = (dir: string, name: string) =>
  dir === '/' ? `/${name}` : `${dir}/${name}`;
export const parentOf = (path: string) =>
  path === '/' ? '/' : path.slice(0, path.lastIndexOf('/')) || '/';

function formatTime(iso: string | undefined) {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/**
 * A lazy file tree (WAI-ARIA tree): folders load when expanded; Up/Down move, Right opens (or
 * goes to the first child), Left closes (or goes to the parent), Home/End, Enter or Space
 * selects (a folder opens; on the selected folder it toggles). Each treeitem is named by its entry's name, its details describe it.
 */
export function FileTree<T extends TreeFolder, K extends readonly unknown[]>({
  label,
  folder,
  selected,
  onSelect,
  marks,
  onDrop,
}: Props<T, K>) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(['/']));
  const [focused, setFocused] = useState('/');
  const [dropTarget, setDropTarget] = useState<string | undefined>();
  const toggle = (path: string, open?: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (open ?? !next.has(path)) next.add(path);
      else next.delete(path);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) =>
    treeKeyDown(e, {
      isOpen: (path) => expanded.has(path),
      toggle,
      focus: (el) => {
        setFocused(el.dataset.path!);
        el.focus();
      },
    });

  const dropProps = (path: string, isDir: boolean) =>
    onDrop
      ? {
          onDragOver: (e: DragEvent) => {
            if (!e.dataTransfer.types.includes('Files')) return;
            e.preventDefault();
            e.stopPropagation();
            setDropTarget(isDir ? path : parentOf(path));
          },
          onDragLeave: () => setDropTarget(undefined),
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            e.stopPropagation();
            setDropTarget(undefined);
            onDrop(isDir ? path : parentOf(path), e.dataTransfer);
          },
        }
      : {};

  const ctx: NodeCtx = {
    // The tree reads only what TreeFolder has; the feature's own type stays its own.
    folder: folder as unknown as (path: string) => FolderOptions,
    expanded,
    toggle,
    focused,
    setFocused,
    selected,
    onSelect,
    marks,
    dropTarget,
    dropProps,
  };
  return (
    <ul role="tree" aria-label={label} className="file-tree" onKeyDown={onKeyDown}>
      <Node ctx={ctx} path="/" name="/" level={1} entry={undefined} kind="dir" />
    </ul>
  );
}

type AnyProps = Props<TreeFolder, readonly unknown[]>;

interface NodeCtx {
  folder: (path: string) => FolderOptions;
  expanded: Set<string>;
  toggle(path: string, open?: boolean): void;
  focused: string;
  setFocused(path: string): void;
  selected: string | undefined;
  onSelect: AnyProps['onSelect'];
  marks: AnyProps['marks'];
  dropTarget: string | undefined;
  dropProps: (path: string, isDir: boolean) => object;
}

function Node(props: {
  ctx: NodeCtx;
  path: string;
  name: string;
  level: number;
  entry: FileEntry | undefined;
  kind: FileEntry['kind'];
  ghost?: boolean;
}) {
  const { ctx, path, name, level, entry, kind, ghost } = props;
  const isDir = kind === 'dir';
  const open = isDir && ctx.expanded.has(path);
  const mark = ctx.marks?.get(path);
  const detailsId = useId();
  const details = entry
    ? [
        isDir ? '' : formatBytes(entry.size),
        entry.mode,
        entry.owner ? `owner ${entry.owner}` : '',
        formatTime(entry.mtime),
      ]
    : [];
  return (
    <li
      role="treeitem"
      aria-label={name}
      aria-level={level}
      aria-selected={ctx.selected === path}
      aria-expanded={isDir ? open : undefined}
      aria-describedby={entry || mark ? detailsId : undefined}
      aria-disabled={ghost || undefined}
      tabIndex={ctx.focused === path ? 0 : -1}
      data-path={path}
      data-kind={kind}
      className={[
        'file-node',
        ctx.dropTarget === path ? 'file-node--drop' : '',
        ghost ? 'file-node--ghost' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      onFocus={(e) => {
        if (e.target === e.currentTarget) ctx.setFocused(path);
      }}
      onClick={(e) => {
        e.stopPropagation();
        if (ghost) return;
        ctx.setFocused(path);
        // A first click selects (and opens) a folder; a click on the selected one toggles it,
        // so choosing an open folder as the upload target never closes it.
        if (isDir) ctx.toggle(path, ctx.selected === path ? !open : true);
        ctx.onSelect({ path, kind, entry });
      }}
      {...ctx.dropProps(path, isDir)}
    >
      <div className="file-row" style={{ paddingLeft: `${(level - 1) * 16 + 4}px` }}>
        <span className="file-twisty" aria-hidden="true">
          {isDir ? (open ? '▾' : '▸') : ''}
        </span>
        <span className={`file-icon file-icon--${kind}`} aria-hidden="true" />
        <span className="file-name mono">
          {name}
          {entry?.linkTarget && <span className="small"> → {entry.linkTarget}</span>}
        </span>
        <span id={detailsId} className="file-details small">
          {/* Spaces between the parts: the description reads "added 5 B -rw-r--r-- owner 0:0 …". */}
          {[
            mark && (
              <span key="mark" className={`file-mark file-mark--${mark}`}>
                {mark}
              </span>
            ),
            entry?.linkTarget && (
              <span key="link" className="visually-hidden">
                link to {entry.linkTarget}
              </span>
            ),
            ...details.filter(Boolean).map((d, i) => (
              <span key={i} className="file-detail">
                {d}
              </span>
            )),
          ]
            .filter(Boolean)
            .flatMap((el, i) => (i ? [' ', el] : [el]))}
        </span>
      </div>
      {open && <Children ctx={ctx} path={path} level={level + 1} />}
    </li>
  );
}

function Children({ ctx, path, level }: { ctx: NodeCtx; path: string; level: number }) {
  const q = useQuery(ctx.folder(path));
  const pad = { paddingLeft: `${(level - 1) * 16 + 24}px` };
  if (q.isPending) {
    return (
      <ul role="group">
        <li role="none" className="file-note small" style={pad}>
          Reading {path}…
        </li>
      </ul>
    );
  }
  if (q.error) {
    return (
      <ul role="group">
        <li role="none" className="file-note file-note--error" style={pad}>
          {q.error.message}
        </li>
      </ul>
    );
  }
  const names = new Set(q.data.entries.map((e) => e.name));
  // Deleted since the image: still named in their folder, greyed out.
  const deleted = [...(ctx.marks ?? [])]
    .filter(
      ([p, m]) =>
        m === 'deleted' && parentOf(p) === path && !names.has(p.slice(p.lastIndexOf('/') + 1)),
    )
    .map(([p]) => p);
  return (
    <ul role="group">
      {q.data.entries.map((e) => (
        <Node
          key={e.name}
          ctx={ctx}
          path={childPath(path, e.name)}
          name={e.name}
          level={level}
          entry={e}
          kind={e.kind}
        />
      ))}
      {deleted.map((p) => (
        <Node
          key={p}
          ctx={ctx}
          path={p}
          name={p.slice(p.lastIndexOf('/') + 1)}
          level={level}
          entry={undefined}
          kind="other"
          ghost
        />
      ))}
      {q.data.entries.length === 0 && deleted.length === 0 && (
        <li role="none" className="file-note small" style={pad}>
          Empty folder
        </li>
      )}
      {q.data.truncated && (
        <li role="none" className="file-note small" style={pad}>
          Listed in part: reading stopped at its limit.
        </li>
      )}
    </ul>
  );
}
