import type { ContainerSummary } from '../../../../contract';
import { naturalCompare } from '../../format/sort';

export type SortKey = 'name' | 'state' | 'created' | 'image' | 'engine';
export interface Sort {
  key: SortKey;
  dir: 'ascending' | 'descending';
}

// Live ones first: what people look for when they sort by state.
const STATE_ORDER = ['running', 'restarting', 'paused', 'created', 'exited', 'dead', 'removing'];
const stateRank = (s: string) => {
  const i = STATE_ORDER.indexOf(s);
  return i < 0 ? STATE_ORDER.length : i;
};

const engineName = (c: ContainerSummary) => (c as { engineName?: string }).engineName ?? '';

export function sortContainers<T extends ContainerSummary>(list: T[], sort: Sort): T[] {
  const byName = (a: ContainerSummary, b: ContainerSummary) => naturalCompare(a.name, b.name);
  const cmp: Record<SortKey, (a: ContainerSummary, b: ContainerSummary) => number> = {
    name: byName,
    state: (a, b) => stateRank(a.state) - stateRank(b.state) || byName(a, b),
    created: (a, b) => a.created - b.created || byName(a, b),
    image: (a, b) => naturalCompare(a.image, b.image) || byName(a, b),
    // Rows merged from several engines carry their engine's name.
    engine: (a, b) => naturalCompare(engineName(a), engineName(b)) || byName(a, b),
  };
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...list].sort((a, b) => sign * cmp[sort.key](a, b));
}

export type ListItem<T extends ContainerSummary = ContainerSummary> =
  | { kind: 'group'; project: string; containers: T[]; collapsed: boolean }
  | { kind: 'container'; container: T; project: string | null };

/**
 * Compose projects become a header followed by their containers (unless collapsed); the group
 * sits where its first container would in the sorted list, so sorting still reads top to bottom.
 */
export function groupByProject<T extends ContainerSummary>(
  sorted: T[],
  collapsed: ReadonlySet<string>,
  /** The group a container belongs to; across engines, one project per engine. */
  projectOf: (c: T) => string | null = (c) => c.composeProject,
): ListItem<T>[] {
  const members = new Map<string, T[]>();
  for (const c of sorted) {
    const project = projectOf(c);
    if (project) {
      const list = members.get(project);
      if (list) list.push(c);
      else members.set(project, [c]);
    }
  }
  const items: ListItem<T>[] = [];
  for (const c of sorted) {
    const project = projectOf(c);
    if (!project) {
      items.push({ kind: 'container', container: c, project: null });
      continue;
    }
    const group = members.get(project)!;
    if (group[0] !== c) continue; // emitted with the first member
    const isCollapsed = collapsed.has(project);
    items.push({ kind: 'group', project, containers: group, collapsed: isCollapsed });
    if (!isCollapsed)
      for (const m of group) items.push({ kind: 'container', container: m, project });
  }
  return items;
}
