import type { EngineInfo, EngineStatus } from '../../../contract';
import { statusText } from './format';
import { ALL_ENGINES, statusOf, useEngine } from './EngineContext';
import { useNow } from './useEngineStatuses';

function EngineState({
  engine,
  status,
  now,
  named,
}: {
  engine: EngineInfo | undefined;
  status: EngineStatus | undefined;
  now: number;
  named: boolean;
}) {
  const state = status?.state ?? 'connecting';
  return (
    <span role="status" className={`engine-status engine-status--${state}`}>
      <span className="dot" aria-hidden="true" />
      {statusText(status, now, named ? engine?.name : undefined)}
    </span>
  );
}

/**
 * The engine switcher (every engine plus All engines) and the always-visible state: of the
 * current engine, or of each engine in All engines, so one going away shows on its own.
 */
export function EngineStatusBar() {
  const { engines, all, current, currentStatus, statuses, select, loading } = useEngine();
  const shown = all ? engines : current ? [current] : [];
  const disconnected = shown.some((e) => statusOf(e, statuses).state === 'disconnected');
  const now = useNow(disconnected);
  const several = engines.length > 1;
  return (
    <div className="engine-bar">
      <label>
        Engine{' '}
        <select
          aria-label="Engine"
          value={all ? ALL_ENGINES : (current?.id ?? '')}
          onChange={(e) => select(e.target.value)}
          disabled={loading && engines.length === 0}
        >
          {engines.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
          <option value={ALL_ENGINES}>All engines</option>
        </select>
      </label>
      {all ? (
        engines.map((e) => (
          <EngineState key={e.id} engine={e} status={statusOf(e, statuses)} now={now} named />
        ))
      ) : (
        <EngineState engine={current} status={currentStatus} now={now} named={several} />
      )}
    </div>
  );
}
