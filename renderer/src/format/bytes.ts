const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/**
 * The one byte formatter: decimal units (1 kB = 1000 B) as `docker images` and `docker system
 * df` print them, so a size on screen reads like the CLI's. 999 → "999 B", 5000 → "5.0 kB",
 * 250 000 → "250 kB", 1.5e9 → "1.5 GB". One decimal below 100, none from 100 up. A negative or
 * non-finite count is the engine's "not known" (volume sizes: -1).
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  if (Math.round(bytes) < 1000) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  // Step up while the value would print as 1000 or more (999 960 is "1.0 MB", not "1000 kB").
  while (Math.round(value) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const text = value.toFixed(1);
  return `${Number(text) >= 100 ? Math.round(value) : text} ${UNITS[unit]}`;
}
