import type { KeyboardEvent } from 'react';

interface TreeState {
  isOpen(path: string): boolean;
  toggle(path: string, open?: boolean): void;
  focus(el: HTMLElement): void;
}

/**
 * WAI-ARIA tree keys over the rendered treeitems (each with data-path and data-kind): Up/Down
 * move through the visible items, Home/End to the ends, Right opens a folder or goes to its
 * first child, Left closes it or goes to the parent, Enter and Space click (select).
 */
export function treeKeyDown(e: KeyboardEvent<HTMLElement>, tree: TreeState): void {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!el) return;
  const path = el.dataset.path!;
  const isDir = el.dataset.kind === 'dir';
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const at = all.indexOf(el);
  const go = (target: HTMLElement | null | undefined) => target && tree.focus(target);
  const keys: Record<string, () => void> = {
    ArrowDown: () => go(all[at + 1]),
    ArrowUp: () => go(all[at - 1]),
    Home: () => go(all[0]),
    End: () => go(all[all.length - 1]),
    ArrowRight: () => {
      if (!isDir) return;
      if (!tree.isOpen(path)) return tree.toggle(path, true);
      go(el.querySelector<HTMLElement>(':scope > [role="group"] > [role="treeitem"]'));
    },
    ArrowLeft: () => {
      if (isDir && tree.isOpen(path)) return tree.toggle(path, false);
      go(el.parentElement?.closest<HTMLElement>('[role="treeitem"]'));
    },
    Enter: () => el.dispatchEvent(new MouseEvent('click', { bubbles: true })),
    ' ': () => el.dispatchEvent(new MouseEvent('click', { bubbles: true })),
  };
  const run = Object.hasOwn(keys, e.key) ? keys[e.key] : undefined;
  if (!run) return;
  e.preventDefault();
  e.stopPropagation();
  run();
}
