import type { EngineInfo, EngineStatus } from '../../../contract';

/** Shown instead of a resource list when the engine cannot be reached: what to do, not a stack. */
export function NoEngine({ engine, status }: { engine?: EngineInfo; status?: EngineStatus }) {
  return (
    <section className="empty-state" aria-labelledby="no-engine-heading">
      <h2 id="no-engine-heading">
        {engine ? `Cannot reach ${engine.name}` : 'No container engine found'}
      </h2>
      {engine && (
        <p>
          Porthole is looking for an engine at <code>{engine.endpoint}</code>
          {status?.error ? ` (${status.error})` : ''}. It keeps trying and connects as soon as the
          engine answers.
        </p>
      )}
      <p>To start one:</p>
      <ul>
        <li>Docker Desktop (Mac, Windows): open Docker Desktop and wait for “Engine running”.</li>
        <li>
          Docker Engine on Linux: <code>sudo systemctl start docker</code>
        </li>
        <li>
          Podman: <code>systemctl --user start podman.socket</code> (or{' '}
          <code>podman machine start</code> on Mac and Windows)
        </li>
        <li>
          A remote engine: set <code>DOCKER_HOST</code> (and <code>DOCKER_TLS_VERIFY</code>,{' '}
          <code>DOCKER_CERT_PATH</code>) or <code>docker context use NAME</code>, then restart
          Porthole.
        </li>
      </ul>
    </section>
  );
}
