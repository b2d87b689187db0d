/** 1536 → "1.5 kB" (decimal units, as `docker system df` prints them); negative = unknown. */
export function formatBytes(bytes: number): string {
  if (bytes < 0) return 'unknown';
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

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

/** Decodes one base64 chunk of a download. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
