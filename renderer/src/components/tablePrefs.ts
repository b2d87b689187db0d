import { useCallback, useSyncExternalStore } from 'react';

/**
 * Table view preferences, remembered in localStorage and shared by every table in the window:
 * density (compact by default, comfortable on request), each table's hidden columns and the
 * widths its user gave its columns.
 */
export type Density = 'compact' | 'comfortable';

const DENSITY_KEY = 'porthole.tableDensity';
const columnsKey = (table: string) => `porthole.hiddenColumns.${table}`;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  // Another window (a log window, a second tab) changed it.
  window.addEventListener('storage', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', l);
  };
};

const read = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
  notify();
};

export function readDensity(): Density {
  return read(DENSITY_KEY) === 'comfortable' ? 'comfortable' : 'compact';
}

export function useDensity(): [Density, (d: Density) => void] {
  const density = useSyncExternalStore(subscribe, readDensity);
  const set = useCallback((d: Density) => write(DENSITY_KEY, d), []);
  return [density, set];
}

/** Parses the stored list; anything unexpected counts as "nothing hidden". Pure. */
export function parseHidden(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The table's hidden column ids (a stable string, so rows memoise on it) and a toggle. */
export function useHiddenColumns(table: string): [ReadonlySet<string>, (id: string) => void] {
  const raw = useSyncExternalStore(subscribe, () => read(columnsKey(table)) ?? '[]');
  const hidden = useMemoSet(raw);
  const toggle = useCallback(
    (id: string) => {
      const now = new Set(parseHidden(read(columnsKey(table))));
      if (!now.delete(id)) now.add(id);
      write(columnsKey(table), JSON.stringify([...now].sort()));
    },
    [table],
  );
  return [hidden, toggle];
}

/**
 * One parsed value per distinct stored text, so a re-render without a change keeps the same
 * object (and the table memoises on it). A small cache: cleared when it grows past 50.
 */
function parsedOnce<T>(cache: Map<string, T>, raw: string, parse: (raw: string) => T): T {
  let v = cache.get(raw);
  if (v === undefined) {
    v = parse(raw);
    if (cache.size > 50) cache.clear();
    cache.set(raw, v);
  }
  return v;
}
const sets = new Map<string, ReadonlySet<string>>();
const useMemoSet = (raw: string) => parsedOnce(sets, raw, (r) => new Set(parseHidden(r)));

/** A column is never narrower than this (its handle must stay grabbable) nor absurdly wide. */
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 1200;
const widthsKey = (table: string) => `porthole.columnWidths.${table}`;

export type ColumnWidths = Readonly<Record<string, number>>;

/**
 * Parses the stored widths ({ columnId: px }); anything that is not a finite number in range is
 * dropped (that column falls back to its default), anything unparseable counts as "no widths".
 * Pure.
 */
export function parseWidths(raw: string | null): ColumnWidths {
  if (!raw) return {};
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  // fromEntries defines own keys: an id such as "__proto__" stays data, never a prototype.
  return Object.fromEntries(
    Object.entries(v).flatMap(([id, px]: [string, unknown]) =>
      typeof px === 'number' && px >= MIN_COLUMN_WIDTH && px <= MAX_COLUMN_WIDTH
        ? [[id, Math.round(px)]]
        : [],
    ),
  );
}

/** The stored widths with one column set (clamped to the allowed range), as stored text. Pure. */
export function withWidth(raw: string | null, id: string, px: number): string {
  const clamped = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, px)));
  return JSON.stringify(Object.fromEntries([...Object.entries(parseWidths(raw)), [id, clamped]]));
}

/** The table's remembered column widths in px, a setter for one column, and "forget them all". */
export function useColumnWidths(
  table: string,
): [ColumnWidths, (id: string, px: number) => void, () => void] {
  const raw = useSyncExternalStore(subscribe, () => read(widthsKey(table)) ?? '{}');
  const widths = useMemoWidths(raw);
  const set = useCallback(
    (id: string, px: number) => write(widthsKey(table), withWidth(read(widthsKey(table)), id, px)),
    [table],
  );
  const reset = useCallback(() => {
    try {
      localStorage.removeItem(widthsKey(table));
    } catch {
      // Storage disabled: nothing was stored either.
    }
    notify();
  }, [table]);
  return [widths, set, reset];
}

const widthMaps = new Map<string, ColumnWidths>();
const useMemoWidths = (raw: string) => parsedOnce(widthMaps, raw, parseWidths);
