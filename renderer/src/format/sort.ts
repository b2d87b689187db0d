// Built once: a collator per comparison would cost more than the sort itself.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The one name comparator for every table: natural order (`idle-2` before `idle-10`), case and
 * accents ignored, ties broken by code point so the order is total and stable across renders.
 */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Sorts a copy by `key` in natural order. */
export function naturalSortBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  return [...list].sort((a, b) => naturalCompare(key(a), key(b)));
}
