const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Built once: constructing an Intl formatter per row costs more than the rest of the row.
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "3 minutes ago" from epoch seconds; "just now" under a minute. */
export function relativeTime(epochSeconds: number, nowMs: number): string {
  const diff = Math.max(0, Math.round(nowMs / 1000 - epochSeconds));
  for (const [unit, secs] of UNITS) {
    if (diff >= secs) return rtf.format(-Math.floor(diff / secs), unit);
  }
  return 'just now';
}

export { humanDuration, statusAt } from '../../../contract';
