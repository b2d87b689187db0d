import type { KeyboardEvent } from 'react';

/** Keys typed into a field are text, never shortcuts (checkboxes and radios are not fields). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button'].includes(target.type);
  // xterm's hidden textarea is a textarea; a combobox or a role=textbox element is typing too.
  const role = target.getAttribute('role');
  return role === 'combobox' || role === 'textbox' || role === 'searchbox';
}

export type RowMove = 'next' | 'previous' | 'first' | 'last';
/** The row shortcut letters: start, stop, restart, logs, terminal. */
export type RowLetter = 's' | 'x' | 'r' | 'l' | 't';

/** What a key does in a table of rows, or undefined when it is not a row key. Pure. */
export function rowKey(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): RowMove | 'open' | RowLetter | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  switch (e.key) {
    case 'ArrowDown':
    case 'j':
      return 'next';
    case 'ArrowUp':
    case 'k':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
      return 'open';
    case 's':
    case 'x':
    case 'r':
    case 'l':
    case 't':
      return e.key;
    default:
      return undefined;
  }
}

/** Rows a keyboard moves between carry data-row-key; the focused one is tabbable. */
export const ROW_SELECTOR = 'tr[data-row-key]';

/**
 * onKeyDown for a tbody: moves focus between rows (j/k, arrows, Home/End) and hands Enter and
 * the row letters to `onRowKey` with the row's key. Keys typed into fields pass through.
 */
export function handleRowKeys(
  e: KeyboardEvent<HTMLElement>,
  onRowKey: (key: 'open' | RowLetter, rowKeyValue: string, onRow: boolean) => void,
) {
  if (isTypingTarget(e.target)) return;
  const what = rowKey(e);
  if (!what) return;
  const target = e.target as HTMLElement;
  const row = target.closest<HTMLElement>(ROW_SELECTOR);
  if (!row) return;
  const onRow = row === target;
  // Enter on a button or link inside the row is that control's own business.
  if (what === 'open' && !onRow) return;
  e.preventDefault();
  if (what === 'next' || what === 'previous' || what === 'first' || what === 'last') {
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>(ROW_SELECTOR)];
    const at = rows.indexOf(row);
    const to =
      what === 'first'
        ? 0
        : what === 'last'
          ? rows.length - 1
          : Math.min(rows.length - 1, Math.max(0, at + (what === 'next' ? 1 : -1)));
    const next = rows[to];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
    return;
  }
  onRowKey(what, row.dataset.rowKey ?? '', onRow);
}
