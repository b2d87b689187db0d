import { naturalCompare } from '../../format/sort';

const isWordStart = (text: string, i: number) => i === 0 || /[\s\-_./:@]/.test(text[i - 1]!);

/**
 * How well one query word matches `text` (both lower case), or undefined when it does not:
 * a substring beats a scattered match, a match at a word's start beats one inside a word. Pure.
 */
function wordScore(word: string, text: string): number | undefined {
  const at = text.indexOf(word);
  if (at >= 0) {
    let best = at;
    // Prefer an occurrence at a word start ("web" in "stop web-1", not in "cobweb").
    for (let i = at; i >= 0; i = text.indexOf(word, i + 1)) {
      if (isWordStart(text, i)) {
        best = i;
        break;
      }
    }
    return 100 + word.length * 4 + (isWordStart(text, best) ? 40 : 0) + (best === 0 ? 20 : 0);
  }
  // A subsequence: every letter in order, rewarded for runs and word starts.
  let score = 0;
  let ti = 0;
  let prev = -2;
  for (const ch of word) {
    const i = text.indexOf(ch, ti);
    if (i < 0) return undefined;
    score += 1 + (i === prev + 1 ? 5 : 0) + (isWordStart(text, i) ? 8 : 0) - Math.min(3, i - ti);
    prev = i;
    ti = i + 1;
  }
  return score;
}

/**
 * A query's score against a label: every word of the query must match (in any order), or the
 * label does not match at all (undefined). Pure.
 */
export function fuzzyScore(query: string, label: string): number | undefined {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const text = label.toLowerCase();
  let total = 0;
  for (const w of words) {
    const s = wordScore(w, text);
    if (s === undefined) return undefined;
    total += s;
  }
  return total;
}

export interface Rankable {
  id: string;
  label: string;
}

/**
 * The items matching `query`, best first; equal scores go to the more recently used (`recent`
 * holds ids, most recent first), then shorter labels, then natural order. With no query: recent ones first, then the
 * rest in the order given. Pure.
 */
export function rank<T extends Rankable>(
  items: readonly T[],
  query: string,
  recent: readonly string[],
): T[] {
  const recency = new Map(recent.map((id, i) => [id, i]));
  const rec = (t: T) => recency.get(t.id) ?? Infinity;
  if (!query.trim()) {
    return items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => rec(a.item) - rec(b.item) || a.i - b.i)
      .map((x) => x.item);
  }
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    const score = fuzzyScore(query, item.label);
    if (score !== undefined) scored.push({ item, score });
  }
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        rec(a.item) - rec(b.item) ||
        a.item.label.length - b.item.label.length ||
        naturalCompare(a.item.label, b.item.label),
    )
    .map((x) => x.item);
}
