// Only for BrowseVolumeDialog.tsx until it imports ../../format/bytes itself; then delete this.
export { formatBytes } from '../../format/bytes';

/** "a=1, b=2" for a table cell; the full list goes in a title. */
export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => (v ? `${k}=${v}` : k))
    .join(', ');
}

/** Joins a folder path inside a volume: ("", "logs") → "logs"; ("logs", "a") → "logs/a". */
export function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** The parent of a folder path: "logs/app" → "logs"; "logs" → "". */
export function parentPath(dir: string): string {
  const i = dir.lastIndexOf('/');
  return i < 0 ? '' : dir.slice(0, i);
}

/** A file name safe to offer as a download name. */
export function downloadName(path: string): string {
  const base = path.split('/').pop() ?? 'file';
  return base.replace(/[\\/:*?"<>|]+/g, '_') || 'file';
}
