import { useEffect, useRef, type RefObject } from 'react';
import type { ContainerSummary, StatsSample } from '../../../../contract';
import { useRowWindow } from '../../components/useRowWindow';
import { ContainerRow } from './ContainerRow';
import type { BulkVerb } from './bulk';
import { isRunning } from './format';
import type { ListItem, Sort, SortKey } from './list';
import type { MenuVerb } from './RowMenu';

interface Props {
  items: ListItem[];
  /** Every container the filter lets through, for "Select all". */
  visible: ContainerSummary[];
  scrollRef: RefObject<HTMLElement | null>;
  pending: boolean;
  now: number;
  busyId: string | undefined;
  sort: Sort;
  onSort(key: SortKey): void;
  selected: ReadonlySet<string>;
  onSelect(id: string, on: boolean): void;
  onSelectAll(on: boolean): void;
  stats: ReadonlyMap<string, StatsSample>;
  /** Running containers in the rendered window: the ones worth streaming stats for. */
  onRendered(runningIds: string[]): void;
  onAction(verb: 'Start' | 'Stop' | 'Restart' | 'Remove', c: ContainerSummary): void;
  onMenu(verb: MenuVerb, c: ContainerSummary): void;
  onToggleProject(project: string): void;
  onProjectAction(verb: BulkVerb, project: string, containers: ContainerSummary[]): void;
}

const COLUMNS = 9;

export function ContainersTable(p: Props) {
  const win = useRowWindow(p.items.length, p.scrollRef);
  const rendered = win.indexes.map((i) => p.items[i]!);
  const runningKey = rendered
    .flatMap((it) => (it.kind === 'container' && isRunning(it.container) ? [it.container.id] : []))
    .join(',');
  const { onRendered } = p;
  useEffect(() => onRendered(runningKey ? runningKey.split(',') : []), [runningKey, onRendered]);

  const allBox = useRef<HTMLInputElement>(null);
  const nSelected = p.visible.filter((c) => p.selected.has(c.id)).length;
  const all = p.visible.length > 0 && nSelected === p.visible.length;
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = nSelected > 0 && !all;
  }, [nSelected, all]);

  const sortable = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={p.sort.key === key ? p.sort.dir : 'none'}>
      <button type="button" className="sort" onClick={() => p.onSort(key)}>
        {label}
        <span aria-hidden="true">
          {p.sort.key === key ? (p.sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <table
      aria-label="Containers"
      aria-busy={p.pending}
      aria-rowcount={win.virtual ? p.items.length + 1 : undefined}
      className="resource-table"
    >
      <thead>
        <tr>
          <th scope="col" className="select">
            <input
              ref={allBox}
              type="checkbox"
              aria-label="Select all"
              checked={all}
              disabled={p.visible.length === 0}
              onChange={(e) => p.onSelectAll(e.target.checked)}
            />
          </th>
          {sortable('name', 'Name')}
          {sortable('image', 'Image')}
          {sortable('state', 'State')}
          <th scope="col">Ports</th>
          <th scope="col">CPU / Memory</th>
          {sortable('created', 'Created')}
          <th scope="col">Project</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {win.before > 0 && <tr aria-hidden="true" style={{ height: win.before }} />}
        {rendered.map((item, i) => {
          const index = win.indexes[i]!;
          const position = win.virtual ? { 'data-index': index, 'aria-rowindex': index + 2 } : {};
          if (item.kind === 'group') {
            const { project, containers, collapsed } = item;
            const up = containers.filter(isRunning).length;
            const act = (verb: BulkVerb) => (
              <button type="button" onClick={() => p.onProjectAction(verb, project, containers)}>
                {verb}
                <span className="visually-hidden"> project {project}</span>
              </button>
            );
            return (
              <tr key={`project:${project}`} ref={win.measure} className="group-row" {...position}>
                <td colSpan={COLUMNS}>
                  <button
                    type="button"
                    className="disclosure"
                    aria-expanded={!collapsed}
                    aria-label={`${collapsed ? 'Expand' : 'Collapse'} project ${project}`}
                    onClick={() => p.onToggleProject(project)}
                  >
                    {collapsed ? '▸' : '▾'}
                  </button>
                  <strong>{project}</strong>{' '}
                  <span className="small">
                    compose project · {containers.length} container
                    {containers.length === 1 ? '' : 's'}, {up} running
                  </span>
                  <span className="group-actions">
                    {act('Start')}
                    {act('Stop')}
                    {act('Restart')}
                    {act('Remove')}
                  </span>
                </td>
              </tr>
            );
          }
          const c = item.container;
          return (
            <ContainerRow
              key={c.id}
              container={c}
              {...(win.virtual ? { rowIndex: index } : {})}
              measure={win.measure}
              now={p.now}
              busy={p.busyId === c.id}
              onAction={p.onAction}
              selected={p.selected.has(c.id)}
              onSelect={p.onSelect}
              stats={p.stats.get(c.id)}
              onMenu={p.onMenu}
              grouped={item.project !== null}
            />
          );
        })}
        {win.after > 0 && <tr aria-hidden="true" style={{ height: win.after }} />}
      </tbody>
    </table>
  );
}
