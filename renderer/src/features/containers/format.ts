import type { ContainerSummary, PortBinding } from '../../../../contract';

export function formatPort(p: PortBinding): string {
  if (!p.publicPort) return `${p.privatePort}/${p.type}`;
  return `${p.ip ?? '0.0.0.0'}:${p.publicPort}→${p.privatePort}/${p.type}`;
}

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

export function isRunning(c: ContainerSummary): boolean {
  return c.state === 'running' || c.state === 'restarting';
}

/** Case-insensitive match on name, image, compose project and published ports. */
export function matchesFilter(c: ContainerSummary, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  const haystack = [c.name, c.image, c.composeProject ?? '', ...c.ports.map(formatPort)]
    .join(' ')
    .toLowerCase();
  return haystack.includes(f);
}

export function visibleContainers(
  list: ContainerSummary[],
  filter: string,
  showStopped: boolean,
): ContainerSummary[] {
  return list
    .filter(
      (c) => (showStopped || isRunning(c) || c.state === 'paused') && matchesFilter(c, filter),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
