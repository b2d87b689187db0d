import type { ImageSummary } from '../../../../contract';
import { naturalCompare } from '../../format/sort';

/** "sha256:0123…" → "0123456789ab", as `docker images` shows ids. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** What a row is called, and what its buttons name: repo:tag, or the short id when untagged. */
export function imageRef(image: ImageSummary): string {
  return image.repoTag ?? shortId(image.id);
}

/** Stable across refreshes: one image can have several rows (one per tag). */
export function rowKey(image: ImageSummary): string {
  return `${image.id}|${image.repoTag ?? ''}`;
}

// Only for TransferPanel.tsx until it imports ../../format/bytes itself; then delete this line.
export { formatBytes } from '../../format/bytes';

export function matchesImageFilter(image: ImageSummary, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  return [image.repoTag ?? '<none>', shortId(image.id), ...image.repoDigests]
    .join(' ')
    .toLowerCase()
    .includes(f);
}

/** Sorted by reference, untagged last; dangling images only when asked for. */
export function visibleImages<T extends ImageSummary>(
  list: T[],
  filter: string,
  showDangling: boolean,
): T[] {
  return list
    .filter((i) => (showDangling || !i.dangling) && matchesImageFilter(i, filter))
    .sort((a, b) => {
      if (!a.repoTag !== !b.repoTag) return a.repoTag ? -1 : 1;
      return naturalCompare(imageRef(a), imageRef(b)) || naturalCompare(engineOf(a), engineOf(b));
    });
}

// Rows merged from several engines (All engines) carry their engine: same ref, engine order.
const engineOf = (i: ImageSummary) => (i as { engineName?: string }).engineName ?? '';

/** The other tags of the same image: removing one of several tags only untags. */
export function otherTags(list: ImageSummary[], image: ImageSummary): string[] {
  return list
    .filter((i) => i.id === image.id && i.repoTag && i.repoTag !== image.repoTag)
    .map((i) => i.repoTag!);
}
