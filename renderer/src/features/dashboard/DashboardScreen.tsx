import { useQuery } from '@tanstack/react-query';
import type { EngineInfo } from '../../../../contract';
import { NoEngine } from '../../components/NoEngine';
import { statusOf, useEngine } from '../../engine/EngineContext';
import { formatBytes } from '../../format/bytes';
import { DiskUsage } from './DiskUsage';
import { privilege } from '../engines/format';
import { containerQueries } from '../containers/queries';
import { imageQueries } from '../images/queries';
import { countContainers, countImages } from './counts';
import { systemQueries } from './queries';
import './dashboard.css';

/** One engine's summary: version, storage, CPUs, memory, containers by state, images. */
function Summary({ engine }: { engine: EngineInfo }) {
  const { statuses } = useEngine();
  const status = statusOf(engine, statuses);
  const connected = status.state === 'connected';
  // Facts once; the counts from the lists the engine's events already keep fresh.
  const info = useQuery({ ...systemQueries.info(engine.id), enabled: connected });
  const containers = useQuery({ ...containerQueries.list(engine.id), enabled: connected });
  const images = useQuery({ ...imageQueries.list(engine.id), enabled: connected });
  if (!info.data) {
    if (info.error)
      return (
        <p role="alert">
          Could not read {engine.name}: {info.error.message}
        </p>
      );
    if (status.state !== 'connected') return <NoEngine engine={engine} status={status} />;
    return <p aria-live="polite">Loading {engine.name}…</p>;
  }
  const i = info.data;
  const c = containers.data ? countContainers(containers.data) : i.containers;
  const im = images.data ? countImages(images.data) : i.images;
  const card = (figure: string | number, label: string, href?: string) => {
    const body = (
      <>
        <span className="card-figure">{figure}</span> {label}
      </>
    );
    return href ? (
      <a className="card" href={href}>
        {body}
      </a>
    ) : (
      <div className="card">{body}</div>
    );
  };
  return (
    <>
      <section className="cards" aria-label={`Summary of ${engine.name}`}>
        {card(c.running, 'running', '#/containers')}
        {card(c.paused, 'paused', '#/containers')}
        {card(c.stopped, 'stopped', '#/containers')}
        {card(im.count, `images, ${formatBytes(im.bytes)}`, '#/images')}
      </section>
      <dl className="engine-facts">
        <dt>Engine</dt>
        <dd>
          {status.facts?.kind === 'podman' ? 'Podman' : 'Docker'} {i.version} (API {i.apiVersion}),{' '}
          {i.os}, {i.arch}
          {privilege(status.facts) ? `, ${privilege(status.facts)}` : ''}
        </dd>
        <dt>Storage driver</dt>
        <dd>{i.storageDriver}</dd>
        <dt>CPUs / memory</dt>
        <dd>
          {i.cpus} / {formatBytes(i.memory)}
        </dd>
        <dt>Kernel</dt>
        <dd>{i.kernel}</dd>
        <dt>Address</dt>
        <dd className="mono">{engine.endpoint}</dd>
      </dl>
    </>
  );
}

export function DashboardScreen() {
  const { all, current, engines, loading } = useEngine();
  return (
    <main className="screen" aria-labelledby="dashboard-heading">
      <header className="screen-header">
        <h1 id="dashboard-heading">Dashboard</h1>
      </header>
      {loading ? (
        <p className="empty" aria-live="polite">
          Loading…
        </p>
      ) : !current ? (
        <NoEngine />
      ) : all ? (
        <>
          {engines.map((e) => (
            <section key={e.id} aria-labelledby={`dash-${e.id}`} className="engine-section">
              <h2 id={`dash-${e.id}`}>{e.name}</h2>
              <Summary engine={e} />
            </section>
          ))}
          <p className="small">Pick one engine (above) to see its disk usage and prune it.</p>
        </>
      ) : (
        <>
          <Summary engine={current} />
          <DiskUsage engineId={current.id} engineName={current.name} />
        </>
      )}
    </main>
  );
}
