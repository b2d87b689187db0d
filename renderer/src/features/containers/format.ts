import type { ContainerSummary, PortBinding } from '../../../../contract';
import { naturalCompare } from '../../format/sort';

export function formatPort(p: PortBinding): string {
  if (!p.publicPort) return `${p.privatePort}/${p.type}`;
  return `${p.ip ?? '0.0.0.0'}:${p.publicPort}→${p.privatePort}/${p.type}`;
}

// Moved to the shared formatting place; re-exported for the rows that import it from here.
export { relativeTime } from '../../format/time';

export function isRunning(c: ContainerSummary): boolean {
  return c.state === 'running' || c.state === 'restarting';
}

/** Case-insensitive match on name, image, compose project and published ports. */
export function matchesFilter(c: ContainerSummary, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  const haystack = [
    c.name,
    c.image,
    c.composeProject ?? '',
    c.pod ?? '',
    ...c.ports.map(formatPort),
  ]
    .join(' ')
    .toLowerCase();
  return haystack.includes(f);
}

export function visibleContainers<T extends ContainerSummary>(
  list: T[],
  filter: string,
  showStopped: boolean,
): T[] {
  return list
    .filter(
      (c) => (showStopped || isRunning(c) || c.state === 'paused') && matchesFilter(c, filter),
    )
    .sort((a, b) => naturalCompare(a.name, b.name));
}
