import { useCallback, useSyncExternalStore } from 'react';

/**
 * Table view preferences, remembered in localStorage and shared by every table in the window:
 * density (compact by default, comfortable on request) and each table's hidden columns.
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

// One Set per distinct stored value, so a re-render without a change keeps the same object.
const sets = new Map<string, ReadonlySet<string>>();
function useMemoSet(raw: string): ReadonlySet<string> {
  let s = sets.get(raw);
  if (!s) {
    s = new Set(parseHidden(raw));
    if (sets.size > 50) sets.clear();
    sets.set(raw, s);
  }
  return s;
}
