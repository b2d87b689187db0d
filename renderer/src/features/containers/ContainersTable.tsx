import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { ContainerSummary, StatsSample } from '../../../../contract';
import { handleRowKeys, type RowLetter } from '../../components/rowKeys';
import { ColumnResizer } from '../../components/ColumnResizer';
import { SelectAll } from '../../components/SelectAll';
import type { ColumnWidths } from '../../components/tablePrefs';
import type { Tagged } from '../../components/useEngineLists';
import type { Selection } from '../../components/useSelection';
import { useRowWindow } from '../../components/useRowWindow';
import { ContainerRow } from './ContainerRow';
import type { BulkVerb } from './bulk';
import { isRunning } from './format';
import type { ListItem, Sort, SortKey } from './list';
import type { MenuVerb } from './RowMenu';

type Row = Tagged<ContainerSummary>;
const keyOf = (c: Row) => `${c.engineId}/${c.id}`;

interface Props {
  items: ListItem<Row>[];
  /** Rows from several engines: an Engine column. */
  multi: boolean;
  scrollRef: RefObject<HTMLElement | null>;
  pending: boolean;
  /** engineId/id of the row an action is running on. */
  busyKey: string | undefined;
  sort: Sort;
  onSort(key: SortKey): void;
  /** The row checkboxes and "Select all" over the containers the filter lets through. */
  selection: Selection<Row>;
  /** Keyed "engineId/id". */
  stats: ReadonlyMap<string, StatsSample>;
  /** Running containers in the rendered window ("engineId/id"): worth streaming stats for. */
  onRendered(runningKeys: string[]): void;
  onAction(verb: 'Start' | 'Stop' | 'Restart' | 'Remove', c: Row): void;
  onMenu(verb: MenuVerb, c: Row): void;
  onToggleProject(project: string): void;
  onProjectAction(verb: BulkVerb, project: string, containers: Row[]): void;
  /** Column ids the user hid. */
  hidden: ReadonlySet<string>;
  /** Enter or a row letter (s/x/r/l/t) on a row. */
  onRowKey(key: 'open' | RowLetter, c: Row): void;
  /** Widths the user gave columns (px, by column id); the others have their default. */
  widths: ColumnWidths;
  onResize(id: string, px: number): void;
}

/**
 * The columns a user may hide (Name, selection and actions always show), with their default
 * widths in px: chosen so that every column fits a 1280 px window (1040 px of table beside the
 * sidebar) with Name taking what is left, at least NAME_MIN.
 */
export const CONTAINER_COLUMNS = [
  { id: 'image', label: 'Image', width: 130 },
  { id: 'state', label: 'State', width: 150 },
  { id: 'ports', label: 'Ports', width: 110 },
  { id: 'stats', label: 'CPU / Memory', width: 130 },
  { id: 'created', label: 'Created', width: 90 },
  { id: 'project', label: 'Project', width: 82 },
];
const ENGINE_WIDTH = 110;
const SELECT_WIDTH = 28;
/** Seven 24 px icon buttons (Logs, Shell, Start, Stop, Restart, Remove, More), 2 px apart. */
const ACTIONS_WIDTH = 188;
/** Name has no width of its own: it takes the rest, and never less than this. */
const NAME_MIN = 110;

export function ContainersTable(p: Props) {
  const win = useRowWindow(p.items.length, p.scrollRef);
  const rendered = win.indexes.map((i) => p.items[i]!);
  const runningKey = rendered
    .flatMap((it) =>
      it.kind === 'container' && isRunning(it.container)
        ? [`${it.container.engineId}/${it.container.id}`]
        : [],
    )
    .join(',');
  const { onRendered } = p;
  const show = (id: string) => !p.hidden.has(id);
  const resizable = [
    ...(p.multi ? [{ id: 'engine', label: 'Engine', width: ENGINE_WIDTH }] : []),
    ...CONTAINER_COLUMNS.filter((c) => show(c.id)),
  ];
  const columns = 3 + resizable.length;
  const width = (id: string) =>
    p.widths[id] ?? resizable.find((c) => c.id === id)?.width ?? NAME_MIN;
  // The table fills the screen (Name takes the slack) but never squeezes Name below NAME_MIN:
  // wider than that it scrolls sideways, with the actions column kept in view.
  const minWidth =
    SELECT_WIDTH + NAME_MIN + ACTIONS_WIDTH + resizable.reduce((sum, c) => sum + width(c.id), 0);
  // The row the keyboard is on (by identity, so it survives list updates and re-sorts); the
  // first row until one is focused, or when the focused one went away.
  const [focusedKey, setFocusedKey] = useState<string | undefined>();
  const byKey = useMemo(() => {
    const m = new Map<string, Row>();
    for (const it of p.items) if (it.kind === 'container') m.set(keyOf(it.container), it.container);
    return m;
  }, [p.items]);
  const firstKey = p.items.find((it) => it.kind === 'container');
  const currentKey =
    focusedKey && byKey.has(focusedKey)
      ? focusedKey
      : firstKey?.kind === 'container'
        ? keyOf(firstKey.container)
        : undefined;
  useEffect(() => onRendered(runningKey ? runningKey.split(',') : []), [runningKey, onRendered]);

  /** A column header: sortable when it has a sort key, resizable unless it is Name. */
  const head = (id: string, label: string, key?: SortKey) => (
    <th
      scope="col"
      aria-sort={key ? (p.sort.key === key ? p.sort.dir : 'none') : undefined}
      className={id === 'name' ? undefined : 'resizable'}
      title={label}
      // Named by its label alone: from its content it would also read the handle's name.
      aria-label={label}
    >
      {key ? (
        <button type="button" className="sort" onClick={() => p.onSort(key)}>
          {label}
          <span aria-hidden="true">
            {p.sort.key === key ? (p.sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}
          </span>
        </button>
      ) : (
        label
      )}
      {id !== 'name' && (
        <ColumnResizer label={label} width={width(id)} onResize={(px) => p.onResize(id, px)} />
      )}
    </th>
  );

  return (
    <table
      aria-label="Containers"
      aria-busy={p.pending}
      aria-rowcount={win.virtual ? p.items.length + 1 : undefined}
      className="resource-table fixed-columns"
      style={{ minWidth }}
    >
      {/* table-layout: fixed takes every width from here, so rows that come and go with the
          row window or a list update never move a column. */}
      <colgroup>
        <col style={{ width: SELECT_WIDTH }} />
        <col />
        {resizable.map((c) => (
          <col key={c.id} style={{ width: width(c.id) }} />
        ))}
        <col style={{ width: ACTIONS_WIDTH }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="select">
            <SelectAll {...p.selection.all} onChange={p.selection.setAll} />
          </th>
          {head('name', 'Name', 'name')}
          {p.multi && head('engine', 'Engine', 'engine')}
          {show('image') && head('image', 'Image', 'image')}
          {show('state') && head('state', 'State', 'state')}
          {show('ports') && head('ports', 'Ports')}
          {show('stats') && head('stats', 'CPU / Memory')}
          {show('created') && head('created', 'Created', 'created')}
          {show('project') && head('project', 'Project')}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody
        onFocus={(e) => {
          const key = (e.target as HTMLElement).closest<HTMLElement>('tr[data-row-key]')?.dataset
            .rowKey;
          if (key) setFocusedKey(key);
        }}
        onKeyDown={(e) =>
          handleRowKeys(e, (key, rowKey) => {
            const c = byKey.get(rowKey);
            if (c) p.onRowKey(key, c);
          })
        }
      >
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
                <td colSpan={columns}>
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
              key={`${c.engineId}/${c.id}`}
              container={c}
              multi={p.multi}
              {...(win.virtual ? { rowIndex: index } : {})}
              measure={win.measure}
              busy={p.busyKey === `${c.engineId}/${c.id}`}
              onAction={p.onAction}
              selected={p.selection.selected.has(c.id)}
              onSelect={p.selection.toggle}
              stats={p.stats.get(`${c.engineId}/${c.id}`)}
              onMenu={p.onMenu}
              grouped={item.project !== null}
              hidden={p.hidden}
              current={keyOf(c) === currentKey}
            />
          );
        })}
        {win.after > 0 && <tr aria-hidden="true" style={{ height: win.after }} />}
      </tbody>
    </table>
  );
}
