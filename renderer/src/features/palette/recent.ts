const KEY = 'porthole.palette.recent';
const MAX = 30;

/** Command ids run from the palette, most recent first (kept across reloads). */
export function readRecent(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** `id` moved to the front. Pure. */
export function withRecent(list: readonly string[], id: string): string[] {
  return [id, ...list.filter((x) => x !== id)].slice(0, MAX);
}

export function rememberRecent(id: string) {
  try {
    localStorage.setItem(KEY, JSON.stringify(withRecent(readRecent(), id)));
  } catch {
    // Storage unavailable: recency lasts for this page only.
  }
}
