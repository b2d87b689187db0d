import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { NoEngine } from '../../components/NoEngine';
import { screenState } from '../../components/screenState';
import { useRowWindow } from '../../components/useRowWindow';
import { useEngine } from '../../engine/EngineContext';
import { useNow } from '../../engine/useEngineStatuses';
import { ContainerRow } from './ContainerRow';
import { visibleContainers } from './format';
import { containerQueries } from './queries';
import { RemoveDialog } from './RemoveDialog';
import { useContainerAction } from './useContainerAction';

export function ContainersScreen() {
  const { current, currentStatus, loading, engineId: queryEngineId } = useEngine();
  const engineId = queryEngineId ?? '';
  const list = useQuery({ ...containerQueries.list(engineId), enabled: !!queryEngineId });
  const action = useContainerAction(engineId);
  const [filter, setFilter] = useState('');
  const [showStopped, setShowStopped] = useState(
    () => localStorage.getItem('porthole.showStopped') !== 'false',
  );
  const [removingId, setRemovingId] = useState<string | undefined>();
  // Always the latest state of the container being removed (it may stop while the dialog is open).
  const removing: ContainerSummary | undefined = list.data?.find((c) => c.id === removingId);
  const now = useNow(true, 30_000);
  const rows = useMemo(
    () => visibleContainers(list.data ?? [], filter, showStopped),
    [list.data, filter, showStopped],
  );
  const { mutate } = action;
  const onAction = useCallback(
    (verb: 'Start' | 'Stop' | 'Restart' | 'Remove', c: ContainerSummary) =>
      verb === 'Remove' ? setRemovingId(c.id) : mutate({ container: c, action: { verb } }),
    [mutate],
  );
  const scrollRef = useRef<HTMLElement>(null);
  const win = useRowWindow(rows.length, scrollRef);

  const view = screenState({
    loadingEngines: loading,
    hasEngine: !!current,
    connected: currentStatus?.state === 'connected',
    hasData: !!list.data,
    error: list.error,
  });

  return (
    <main className="screen" aria-labelledby="containers-heading" ref={scrollRef}>
      <header className="screen-header">
        <h1 id="containers-heading">Containers</h1>
        <div className="toolbar">
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
      {view === 'loading' ? (
        <p className="empty" aria-live="polite">
          Loading containers…
        </p>
      ) : view === 'unreachable' ? (
        <NoEngine
          {...(current ? { engine: current } : {})}
          {...(currentStatus ? { status: currentStatus } : {})}
        />
      ) : view === 'error' ? (
        <p role="alert">Could not list containers: {list.error?.message}</p>
      ) : (
        <table
          aria-label="Containers"
          aria-busy={list.isPending}
          aria-rowcount={win.virtual ? rows.length + 1 : undefined}
          className="resource-table"
        >
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Image</th>
              <th scope="col">State</th>
              <th scope="col">Status</th>
              <th scope="col">Ports</th>
              <th scope="col">Created</th>
              <th scope="col">Project</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {win.before > 0 && <tr aria-hidden="true" style={{ height: win.before }} />}
            {win.indexes
              .map((index) => rows[index]!)
              .map((c, i) => (
                <ContainerRow
                  key={c.id}
                  container={c}
                  {...(win.virtual ? { rowIndex: win.indexes[i]! } : {})}
                  measure={win.measure}
                  now={now}
                  busy={action.isPending && action.variables?.container.id === c.id}
                  onAction={onAction}
                />
              ))}
            {win.after > 0 && <tr aria-hidden="true" style={{ height: win.after }} />}
          </tbody>
        </table>
      )}
      {list.data && rows.length === 0 && (
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
    </main>
  );
}
