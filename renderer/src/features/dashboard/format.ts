import type { DiskKind, DiskUsageRow } from '../../../../contract';

export const DISK_LABELS: Record<DiskKind, string> = {
  images: 'Images',
  containers: 'Containers',
  volumes: 'Local volumes',
  buildCache: 'Build cache',
};

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * A size exactly as `docker system df` prints it (go-units HumanSize: decimal units, "%.4g"):
 * 0 → "0B", 1987653 → "1.988MB", 12300 → "12.3kB". Pure.
 */
export function dockerSize(bytes: number): string {
  let size = Math.max(0, bytes);
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(4))}${UNITS[unit]}`;
}

/**
 * The Reclaimable column as the CLI prints it: "1.2MB (40%)", the percent rounded down; the
 * build cache line has no percent.
 */
export function dockerReclaimable(
  row: Pick<DiskUsageRow, 'kind' | 'bytes' | 'reclaimable'>,
): string {
  const size = dockerSize(row.reclaimable);
  if (row.bytes <= 0 || row.kind === 'buildCache') return size;
  return `${size} (${Math.trunc((row.reclaimable * 100) / row.bytes)}%)`;
}
