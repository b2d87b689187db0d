import type { ContainerSummary } from '../../../../contract';

export type SortKey = 'name' | 'state' | 'created' | 'image';
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

export function sortContainers(list: ContainerSummary[], sort: Sort): ContainerSummary[] {
  const byName = (a: ContainerSummary, b: ContainerSummary) => a.name.localeCompare(b.name);
  const cmp: Record<SortKey, (a: ContainerSummary, b: ContainerSummary) => number> = {
    name: byName,
    state: (a, b) => stateRank(a.state) - stateRank(b.state) || byName(a, b),
    created: (a, b) => a.created - b.created || byName(a, b),
    image: (a, b) => a.image.localeCompare(b.image) || byName(a, b),
  };
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...list].sort((a, b) => sign * cmp[sort.key](a, b));
}

export type ListItem =
  | { kind: 'group'; project: string; containers: ContainerSummary[]; collapsed: boolean }
  | { kind: 'container'; container: ContainerSummary; project: string | null };

/**
 * Compose projects become a header followed by their containers (unless collapsed); the group
 * sits where its first container would in the sorted list, so sorting still reads top to bottom.
 */
export function groupByProject(
  sorted: ContainerSummary[],
  collapsed: ReadonlySet<string>,
): ListItem[] {
  const members = new Map<string, ContainerSummary[]>();
  for (const c of sorted) {
    if (c.composeProject) {
      const list = members.get(c.composeProject);
      if (list) list.push(c);
      else members.set(c.composeProject, [c]);
    }
  }
  const items: ListItem[] = [];
  for (const c of sorted) {
    const project = c.composeProject;
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
