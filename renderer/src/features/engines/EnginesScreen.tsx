import { statusText } from '../../engine/format';
import { useEngine } from '../../engine/EngineContext';
import { useNow } from '../../engine/useEngineStatuses';

const SOURCES = {
  env: 'DOCKER_HOST',
  context: 'docker context',
  default: 'default socket',
  podman: 'Podman socket',
} as const;

export function EnginesScreen() {
  const { engines, statuses, current, select } = useEngine();
  const now = useNow(true);
  return (
    <main className="screen" aria-labelledby="engines-heading">
      <header className="screen-header">
        <h1 id="engines-heading">Engines</h1>
      </header>
      <table aria-label="Engines" className="resource-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Found via</th>
            <th scope="col">State</th>
            <th scope="col">Version</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {engines.map((e) => {
            const status = statuses[e.id] ?? e.status;
            return (
              <tr key={e.id}>
                <th scope="row">{e.name}</th>
                <td className="mono">{e.endpoint}</td>
                <td>{SOURCES[e.source]}</td>
                <td>{statusText(status, now)}</td>
                <td>{status.version ?? ''}</td>
                <td>
                  {current?.id === e.id ? (
                    'In use'
                  ) : (
                    <button type="button" onClick={() => select(e.id)} aria-label={`Use ${e.name}`}>
                      Use
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
