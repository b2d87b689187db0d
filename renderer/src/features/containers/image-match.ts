import type { ImageSummary } from '../../../../contract';

/** "busybox" → "busybox:latest", "docker.io/library/x:1" → "x:1": how local tags are listed. */
export function normalizeRef(ref: string): string {
  let r = ref.trim();
  r = r.replace(/^(docker\.io|index\.docker\.io)\/(library\/)?/, '');
  if (r.includes('@')) return r;
  const lastSlash = r.lastIndexOf('/');
  return r.slice(lastSlash + 1).includes(':') ? r : `${r}:latest`;
}

/** Every local tag, once, sorted. */
export function localTags(images: ImageSummary[]): string[] {
  return [...new Set(images.flatMap((i) => (i.repoTag ? [i.repoTag] : [])))].sort();
}

/** Whether the engine has `ref` already: a tag (":latest" implied), a digest or an id. */
export function isLocalImage(ref: string, images: ImageSummary[]): boolean {
  const r = ref.trim();
  if (!r) return false;
  const wanted = normalizeRef(r);
  return images.some(
    (i) =>
      (i.repoTag !== null && normalizeRef(i.repoTag) === wanted) ||
      i.repoDigests.some((d) => normalizeRef(d) === wanted) ||
      (/^(sha256:)?[0-9a-f]{12,64}$/.test(r) &&
        i.id.replace(/^sha256:/, '').startsWith(r.replace(/^sha256:/, ''))),
  );
}

/** The tags the combobox lists for what is typed: containing it, those starting with it first. */
export function matchTags(tags: string[], typed: string, max = 50): string[] {
  const t = typed.trim().toLowerCase();
  if (!t) return tags.slice(0, max);
  const hits = tags.filter((tag) => tag.toLowerCase().includes(t));
  const starts = hits.filter((tag) => tag.toLowerCase().startsWith(t));
  return [...starts, ...hits.filter((tag) => !starts.includes(tag))].slice(0, max);
}
