import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { ApiError } from '../../api/client';
import { NoEngine } from '../../components/NoEngine';
import { useEngine } from '../../engine/EngineContext';
import { useNow } from '../../engine/useEngineStatuses';
import { ContainerRow } from './ContainerRow';
import { visibleContainers } from './format';
import { containerQueries } from './queries';
import { RemoveDialog } from './RemoveDialog';
import { useContainerAction } from './useContainerAction';

export function ContainersScreen() {
  const { current, currentStatus } = useEngine();
  const engineId = current?.id ?? '';
  const list = useQuery({ ...containerQueries.list(engineId), enabled: !!current });
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

  const unreachable =
    !current ||
    (list.error instanceof ApiError && list.error.code === 'ENGINE_UNREACHABLE') ||
    (currentStatus?.state !== 'connected' && !list.data);

  return (
    <main className="screen" aria-labelledby="containers-heading">
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
      {unreachable ? (
        <NoEngine
          {...(current ? { engine: current } : {})}
          {...(currentStatus ? { status: currentStatus } : {})}
        />
      ) : list.error ? (
        <p role="alert">Could not list containers: {list.error.message}</p>
      ) : (
        <table aria-label="Containers" aria-busy={list.isPending} className="resource-table">
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
            {rows.map((c) => (
              <ContainerRow
                key={c.id}
                container={c}
                now={now}
                busy={action.isPending && action.variables?.container.id === c.id}
                onAction={(verb) =>
                  verb === 'Remove'
                    ? setRemovingId(c.id)
                    : action.mutate({ container: c, action: { verb } })
                }
              />
            ))}
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
