import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ContainerSummary, RunSpec } from '../../../../contract';
import { AllEnginesNote } from '../../components/AllEnginesNote';
import { EngineFailures } from '../../components/EngineCell';
import { ScreenBody } from '../../components/ScreenBody';
import { useEngineLists, type Tagged } from '../../components/useEngineLists';
import { useSelection } from '../../components/useSelection';
import type { RowLetter } from '../../components/rowKeys';
import { TableOptions } from '../../components/TableOptions';
import { useColumnWidths, useHiddenColumns } from '../../components/tablePrefs';
import { openWindow } from '../logs/WindowButtons';
import { isRunning } from './format';
import { useShowError } from '../../components/Toasts';
import { useEngine } from '../../engine/EngineContext';
import type { BulkVerb } from './bulk';
import { BulkDialog } from './BulkDialog';
import { ContainerDetailScreen } from './ContainerDetailScreen';
import { CONTAINER_COLUMNS, ContainersTable } from './ContainersTable';
import { visibleContainers } from './format';
import { groupByProject, sortContainers, type Sort, type SortKey } from './list';
import { containerQueries } from './queries';
import { RemoveDialog } from './RemoveDialog';
import { RenameDialog } from './RenameDialog';
import type { MenuVerb } from './RowMenu';
import { RunDialog } from './RunDialog';
import { useRowStats } from './EngineStats';
import { useContainerAction } from './useContainerAction';
import './containers.css';

type Row = Tagged<ContainerSummary>;
// One empty list for "not loaded yet", so the selection's memo does not recompute every render.
const NONE: Row[] = [];

type Bulk = { verb: BulkVerb; containers: Row[]; project?: string };
type Run = {
  initial?: Partial<RunSpec>;
  replace?: { id: string; name: string };
  engineId?: string;
};
/** A row's identity across engines: the same id may exist on two engines. */
const keyOf = (c: { engineId: string; id: string }) => `${c.engineId}/${c.id}`;

/** #/containers lists; #/containers/ENGINE/ID shows one container. */
export function ContainersScreen({ params }: { params: string[] }) {
  const [routeEngine, routeId] = params;
  if (routeEngine && routeId) return <ContainerDetailScreen engineId={routeEngine} id={routeId} />;
  return <ContainersList />;
}

function ContainersList() {
  const { current } = useEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const list = useEngineLists(containerQueries.list);
  const action = useContainerAction();
  const [filter, setFilter] = useState('');
  const [showStopped, setShowStopped] = useState(
    () => localStorage.getItem('porthole.showStopped') !== 'false',
  );
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'ascending' });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [removingKey, setRemovingKey] = useState<string | undefined>();
  const [renamingKey, setRenamingKey] = useState<string | undefined>();
  const [bulk, setBulk] = useState<Bulk | undefined>();
  const [run, setRun] = useState<Run | undefined>();
  const [statsKeys, setStatsKeys] = useState<string[]>([]);
  const { stats, streams: statsStreams } = useRowStats(statsKeys);
  // Always the latest state of the container in a dialog (it may stop while the dialog is open).
  const byKey = (key: string | undefined) => list.data?.find((c) => keyOf(c) === key);
  const removing = byKey(removingKey);
  const renaming = byKey(renamingKey);
  const visible = useMemo(
    () => sortContainers(visibleContainers(list.data ?? [], filter, showStopped), sort),
    [list.data, filter, showStopped, sort],
  );
  // Across engines a project name is one project per engine.
  const items = useMemo(
    () =>
      groupByProject(visible, collapsed, (c) =>
        c.composeProject && list.multi
          ? `${c.composeProject} on ${c.engineName}`
          : c.composeProject,
      ),
    [visible, collapsed, list.multi],
  );
  const select = useSelection(list.data ?? NONE, visible);
  const { selection } = select;

  const { mutate } = action;
  const onAction = useCallback(
    (verb: 'Start' | 'Stop' | 'Restart' | 'Remove', c: Row) =>
      verb === 'Remove' ? setRemovingKey(keyOf(c)) : mutate({ container: c, action: { verb } }),
    [mutate],
  );
  const onMenu = useCallback(
    (verb: MenuVerb, c: Row) => {
      if (verb === 'Pause' || verb === 'Unpause' || verb === 'Kill') {
        mutate({ container: c, action: { verb } });
      } else if (verb === 'Rename') setRenamingKey(keyOf(c));
      else if (verb === 'Inspect') location.hash = `#/containers/${c.engineId}/${c.id}`;
      else {
        queryClient
          .fetchQuery(containerQueries.detail(c.engineId, c.id))
          .then((d) =>
            setRun({
              initial: d.spec,
              replace: { id: c.id, name: c.name },
              engineId: c.engineId,
            }),
          )
          .catch((err: unknown) => showError(`Could not read ${c.name}`, err));
      }
    },
    [mutate, queryClient, showError],
  );
  const [hidden, toggleColumn] = useHiddenColumns('containers');
  const [widths, setWidth, resetWidths] = useColumnWidths('containers');
  // Keyboard: Enter opens the row's detail; s/x/r start/stop/restart; l/t logs/terminal.
  const onRowKey = useCallback(
    (key: 'open' | RowLetter, c: Row) => {
      const running = isRunning(c);
      if (key === 'open') location.hash = `#/containers/${c.engineId}/${c.id}`;
      else if (key === 'l') openWindow('logs', c.engineId, c.id);
      else if (key === 't') {
        if (running) openWindow('shell', c.engineId, c.id);
      } else if (key === 's') {
        if (!running && c.state !== 'paused') mutate({ container: c, action: { verb: 'Start' } });
      } else if (key === 'x') {
        if (running) mutate({ container: c, action: { verb: 'Stop' } });
      } else mutate({ container: c, action: { verb: 'Restart' } });
    },
    [mutate],
  );
  const onSort = (key: SortKey) =>
    setSort((s) => ({
      key,
      dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending',
    }));
  const onRendered = useCallback(
    (ids: string[]) => setStatsKeys((prev) => (prev.join(',') === ids.join(',') ? prev : ids)),
    [],
  );
  const scrollRef = useRef<HTMLElement>(null);

  const bulkButton = (verb: BulkVerb) => (
    <button
      type="button"
      disabled={selection.length === 0}
      onClick={() => setBulk({ verb, containers: selection })}
    >
      {verb} selected
    </button>
  );

  return (
    <main className="screen" aria-labelledby="containers-heading" ref={scrollRef}>
      {statsStreams}
      <header className="screen-header">
        <h1 id="containers-heading">Containers</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setRun({})} disabled={!current}>
            Run a container
          </button>
          <input
            type="text"
            aria-label="Filter containers"
            placeholder="Filter by name, image, port…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              // ↓ from the filter steps into the table (then j/k, Enter, s/x/r/l/t).
              if (e.key !== 'ArrowDown') return;
              const row = scrollRef.current?.querySelector<HTMLElement>(
                'tr[data-row-key][tabindex="0"]',
              );
              if (row) {
                e.preventDefault();
                row.focus();
              }
            }}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={showStopped}
              onChange={(e) => {
                localStorage.setItem('porthole.showStopped', String(e.target.checked));
                setShowStopped(e.target.checked);
              }}
            />
            Show stopped
          </label>
          <TableOptions
            table="Containers"
            columns={CONTAINER_COLUMNS}
            hidden={hidden}
            onToggle={toggleColumn}
            onResetWidths={resetWidths}
          />
        </div>
      </header>
      <div className="bulk-bar" role="toolbar" aria-label="Selected containers">
        <span className="small" aria-live="polite">
          {selection.length} selected
        </span>
        {bulkButton('Start')}
        {bulkButton('Stop')}
        {bulkButton('Remove')}
      </div>
      <AllEnginesNote what="new containers" pickable />
      <EngineFailures failures={list.failures} noun="containers" />
      <ScreenBody list={list} noun="containers">
        {() => (
          <ContainersTable
            items={items}
            multi={list.multi}
            scrollRef={scrollRef}
            pending={list.isPending}
            busyKey={
              action.isPending && action.variables ? keyOf(action.variables.container) : undefined
            }
            sort={sort}
            onSort={onSort}
            selection={select}
            stats={stats}
            onRendered={onRendered}
            onAction={onAction}
            onMenu={onMenu}
            onToggleProject={(project) =>
              setCollapsed((s) => {
                const next = new Set(s);
                if (!next.delete(project)) next.add(project);
                return next;
              })
            }
            onProjectAction={(verb, project, containers) => setBulk({ verb, containers, project })}
            hidden={hidden}
            onRowKey={onRowKey}
            widths={widths}
            onResize={setWidth}
          />
        )}
      </ScreenBody>
      {list.data && visible.length === 0 && (
        <p className="empty">
          {list.data.length === 0
            ? 'No containers yet.'
            : 'No containers match. Clear the filter or tick “Show stopped”.'}
        </p>
      )}
      {removing && (
        <RemoveDialog
          container={removing}
          onCancel={() => setRemovingKey(undefined)}
          onConfirm={(opts) => {
            action.mutate({ container: removing, action: { verb: 'Remove', ...opts } });
            setRemovingKey(undefined);
          }}
        />
      )}
      {renaming && (
        <RenameDialog
          engineId={renaming.engineId}
          container={renaming}
          onClose={() => setRenamingKey(undefined)}
        />
      )}
      {bulk && (
        <BulkDialog
          {...bulk}
          onClose={() => {
            setBulk(undefined);
            select.clear();
          }}
        />
      )}
      {run && <RunDialog {...run} onClose={() => setRun(undefined)} />}
    </main>
  );
}
