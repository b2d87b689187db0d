import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ContainerSummary, RunSpec } from '../../../../contract';
import { ScreenBody } from '../../components/ScreenBody';
import { useShowError } from '../../components/Toasts';
import { useEngine } from '../../engine/EngineContext';
import { useNow } from '../../engine/useEngineStatuses';
import type { BulkVerb } from './bulk';
import { BulkDialog } from './BulkDialog';
import { ContainerDetailScreen } from './ContainerDetailScreen';
import { ContainersTable } from './ContainersTable';
import { visibleContainers } from './format';
import { groupByProject, sortContainers, type Sort, type SortKey } from './list';
import { containerQueries } from './queries';
import { RemoveDialog } from './RemoveDialog';
import { RenameDialog } from './RenameDialog';
import type { MenuVerb } from './RowMenu';
import { RunDialog } from './RunDialog';
import { useStats } from './stats';
import { useContainerAction } from './useContainerAction';
import './containers.css';

type Bulk = { verb: BulkVerb; containers: ContainerSummary[]; project?: string };
type Run = { initial?: Partial<RunSpec>; replace?: { id: string; name: string } };

/** #/containers lists; #/containers/ENGINE/ID shows one container. */
export function ContainersScreen({ params }: { params: string[] }) {
  const [routeEngine, routeId] = params;
  if (routeEngine && routeId) return <ContainerDetailScreen engineId={routeEngine} id={routeId} />;
  return <ContainersList />;
}

function ContainersList() {
  const { current, engineId: queryEngineId } = useEngine();
  const engineId = queryEngineId ?? '';
  const queryClient = useQueryClient();
  const showError = useShowError();
  const list = useQuery({ ...containerQueries.list(engineId), enabled: !!queryEngineId });
  const action = useContainerAction(engineId);
  const [filter, setFilter] = useState('');
  const [showStopped, setShowStopped] = useState(
    () => localStorage.getItem('porthole.showStopped') !== 'false',
  );
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'ascending' });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [removingId, setRemovingId] = useState<string | undefined>();
  const [renamingId, setRenamingId] = useState<string | undefined>();
  const [bulk, setBulk] = useState<Bulk | undefined>();
  const [run, setRun] = useState<Run | undefined>();
  const [statsIds, setStatsIds] = useState<string[]>([]);
  const { latest } = useStats(queryEngineId, statsIds);
  // Always the latest state of the container in a dialog (it may stop while the dialog is open).
  const byId = (id: string | undefined) => list.data?.find((c) => c.id === id);
  const removing = byId(removingId);
  const renaming = byId(renamingId);
  const now = useNow(true, 30_000);
  const visible = useMemo(
    () => sortContainers(visibleContainers(list.data ?? [], filter, showStopped), sort),
    [list.data, filter, showStopped, sort],
  );
  const items = useMemo(() => groupByProject(visible, collapsed), [visible, collapsed]);
  // Containers that went away drop out of the selection.
  const selected = useMemo(
    () => new Set((list.data ?? []).filter((c) => selectedIds.has(c.id)).map((c) => c.id)),
    [list.data, selectedIds],
  );
  const selection = visible.filter((c) => selected.has(c.id));

  const { mutate } = action;
  const onAction = useCallback(
    (verb: 'Start' | 'Stop' | 'Restart' | 'Remove', c: ContainerSummary) =>
      verb === 'Remove' ? setRemovingId(c.id) : mutate({ container: c, action: { verb } }),
    [mutate],
  );
  const onMenu = useCallback(
    (verb: MenuVerb, c: ContainerSummary) => {
      if (verb === 'Pause' || verb === 'Unpause' || verb === 'Kill') {
        mutate({ container: c, action: { verb } });
      } else if (verb === 'Rename') setRenamingId(c.id);
      else if (verb === 'Inspect') location.hash = `#/containers/${engineId}/${c.id}`;
      else {
        queryClient
          .fetchQuery(containerQueries.detail(engineId, c.id))
          .then((d) => setRun({ initial: d.spec, replace: { id: c.id, name: c.name } }))
          .catch((err: unknown) => showError(`Could not read ${c.name}`, err));
      }
    },
    [mutate, engineId, queryClient, showError],
  );
  const onSelect = useCallback(
    (id: string, on: boolean) =>
      setSelectedIds((s) => {
        const next = new Set(s);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const onSort = (key: SortKey) =>
    setSort((s) => ({
      key,
      dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending',
    }));
  const onRendered = useCallback(
    (ids: string[]) => setStatsIds((prev) => (prev.join(',') === ids.join(',') ? prev : ids)),
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
      <ScreenBody list={list} noun="containers">
        {() => (
          <ContainersTable
            items={items}
            visible={visible}
            scrollRef={scrollRef}
            pending={list.isPending}
            now={now}
            busyId={action.isPending ? action.variables?.container.id : undefined}
            sort={sort}
            onSort={onSort}
            selected={selected}
            onSelect={onSelect}
            onSelectAll={(on) => setSelectedIds(on ? new Set(visible.map((c) => c.id)) : new Set())}
            stats={latest}
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
          onCancel={() => setRemovingId(undefined)}
          onConfirm={(opts) => {
            action.mutate({ container: removing, action: { verb: 'Remove', ...opts } });
            setRemovingId(undefined);
          }}
        />
      )}
      {renaming && (
        <RenameDialog
          engineId={engineId}
          container={renaming}
          onClose={() => setRenamingId(undefined)}
        />
      )}
      {bulk && (
        <BulkDialog
          engineId={engineId}
          {...bulk}
          onClose={() => {
            setBulk(undefined);
            setSelectedIds(new Set());
          }}
        />
      )}
      {run && <RunDialog {...run} onClose={() => setRun(undefined)} />}
    </main>
  );
}
