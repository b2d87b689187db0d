import { statusText } from './format';
import { useEngine } from './EngineContext';
import { useNow } from './useEngineStatuses';

/** The engine picker (when there are several) and the always-visible status. */
export function EngineStatusBar() {
  const { engines, current, currentStatus, select } = useEngine();
  const now = useNow(currentStatus?.state === 'disconnected');
  const several = engines.length > 1;
  const state = currentStatus?.state ?? 'connecting';
  return (
    <div className="engine-bar">
      {several && (
        <label>
          Engine{' '}
          <select value={current?.id} onChange={(e) => select(e.target.value)}>
            {engines.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <span role="status" className={`engine-status engine-status--${state}`}>
        <span className="dot" aria-hidden="true" />
        {statusText(currentStatus, now, several ? current?.name : undefined)}
      </span>
    </div>
  );
}
