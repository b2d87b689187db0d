import { useQuery } from '@tanstack/react-query';
import { NoEngine } from '../../components/NoEngine';
import { useScreenView } from '../../components/screenState';
import { useEngine } from '../../engine/EngineContext';
import { containerQueries } from '../containers/queries';
import { isRunning } from '../containers/format';

export function DashboardScreen() {
  const { current, currentStatus, engineId: queryEngineId } = useEngine();
  const list = useQuery({
    ...containerQueries.list(queryEngineId ?? ''),
    enabled: !!queryEngineId,
  });
  const all = list.data ?? [];
  const view = useScreenView(list);
  const running = all.filter(isRunning).length;
  return (
    <main className="screen" aria-labelledby="dashboard-heading">
      <header className="screen-header">
        <h1 id="dashboard-heading">Dashboard</h1>
      </header>
      {view === 'loading' ? (
        <p className="empty" aria-live="polite">
          Loading…
        </p>
      ) : view !== 'ready' ? (
        <NoEngine
          {...(current ? { engine: current } : {})}
          {...(currentStatus ? { status: currentStatus } : {})}
        />
      ) : (
        <section className="cards" aria-label="Summary">
          <a className="card" href="#/containers">
            <span className="card-figure">{running}</span> running
          </a>
          <a className="card" href="#/containers">
            <span className="card-figure">{all.length - running}</span> stopped
          </a>
          <div className="card">
            <span className="card-figure">{currentStatus?.version ?? '—'}</span> engine version
            <div className="mono small">{current?.endpoint}</div>
          </div>
        </section>
      )}
    </main>
  );
}
