import type { ComposeProject, ComposeService } from '../../../../contract';
import type { Tagged } from '../../components/useEngineLists';
import { formatPort } from '../containers/format';
import { openWindow } from '../logs/WindowButtons';
import { leftOutText, logIds, runningText, shellTarget } from './format';

export type ServiceVerb = 'scale' | 'recreate';

interface Props {
  /** Its engine is where its logs, shells, scale and recreate go. */
  project: Tagged<ComposeProject>;
  /** Several engines in view: the heading names the project's. */
  multi: boolean;
  /** Scale and recreate need compose and the project's files. */
  canChange: boolean;
  onService(verb: ServiceVerb, s: ComposeService): void;
}

/** A project's services, each with its containers, their states and ports. */
export function ProjectDetail({ project: p, multi, canChange, onService }: Props) {
  const { engineId } = p;
  const headingId = `compose-${p.name}-heading`;
  const openLogs = (s: ComposeService) => {
    const { ids } = logIds([s]);
    if (ids.length) window.open(`#/logs/${engineId}/${ids.join(',')}`, '_blank');
  };
  // The log window merges a bounded number of containers: say which ones Logs leaves out.
  const leftOut = leftOutText(logIds(p.services));
  return (
    <section className="compose-detail" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {p.name}
        {multi && <span className="small"> on {p.engineName}</span>}
      </h2>
      <dl className="compose-facts">
        <dt>Working dir</dt>
        <dd className="mono">{p.workingDir ?? '—'}</dd>
        <dt>Config files</dt>
        <dd className="mono">{p.configFiles.join(', ') || '—'}</dd>
        {p.envFile && (
          <>
            <dt>Env file</dt>
            <dd className="mono">{p.envFile}</dd>
          </>
        )}
        <dt>Networks</dt>
        <dd className="mono">{p.networks.join(', ') || '—'}</dd>
        <dt>Volumes</dt>
        <dd className="mono">{p.volumes.join(', ') || '—'}</dd>
        {p.composeVersion && (
          <>
            <dt>Made by</dt>
            <dd>compose {p.composeVersion}</dd>
          </>
        )}
      </dl>
      {!p.filesPresent && (
        <p className="compose-note">
          {p.missingFiles.length
            ? `Its compose files are gone from this machine (${p.missingFiles.join(', ')}).`
            : 'No compose files are recorded for it.'}{' '}
          Start, stop and remove still work from its labels; config, scale and recreate need the
          files.
        </p>
      )}
      {leftOut && (
        <p className="compose-note">
          Logs of {p.name}: {leftOut} Open their service’s Logs to see them.
        </p>
      )}
      <table aria-label={`Services of ${p.name}`} className="resource-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Image</th>
            <th scope="col">Containers</th>
            <th scope="col">Running</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.services.map((s) => {
            const shell = shellTarget(s);
            return (
              <tr key={s.name}>
                <th scope="row" className="name mono">
                  {s.name}
                </th>
                <td className="mono small wrap-anywhere">{s.image}</td>
                <td>
                  {s.containers.map((c) => (
                    <div key={c.id} className="compose-ctr">
                      <span className="mono">{c.name}</span>{' '}
                      <span className={`state state--${c.state}`}>{c.state}</span>{' '}
                      {c.ports.length > 0 && (
                        <span className="mono small">{c.ports.map(formatPort).join(', ')}</span>
                      )}
                      {c.oneOff && <span className="small"> (one-off)</span>}
                    </div>
                  ))}
                </td>
                <td>{runningText(s)}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Logs ${s.name}`}
                    onClick={() => openLogs(s)}
                  >
                    Logs
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Shell ${s.name}`}
                    disabled={!shell}
                    title={shell ? undefined : 'No running container'}
                    onClick={() => shell && openWindow('shell', engineId, shell)}
                  >
                    Shell
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Scale ${s.name}`}
                    disabled={!canChange}
                    onClick={() => onService('scale', s)}
                  >
                    Scale
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Recreate ${s.name}`}
                    disabled={!canChange}
                    onClick={() => onService('recreate', s)}
                  >
                    Recreate
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
