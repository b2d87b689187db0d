import { useState, type ReactNode } from 'react';
import type { ContainerDetail } from '../../../../contract';
import { looksSecret, portLink } from './detail-format';
import { formatPort } from './format';

function EnvValue({ name, value }: { name: string; value: string }) {
  const [shown, setShown] = useState(false);
  if (!looksSecret(name)) return <span className="mono">{value}</span>;
  return (
    <>
      <span className="mono">{shown ? value : '••••••••'}</span>{' '}
      <button type="button" className="link-button" onClick={() => setShown((s) => !s)}>
        {shown ? 'Hide' : 'Reveal'} {name}
      </button>
    </>
  );
}

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="detail-section" aria-label={title}>
    <h2>{title}</h2>
    {children}
  </section>
);

/** The readable half of inspect: state, image, command, env, mounts, networks, ports, labels. */
export function OverviewPanel({ d }: { d: ContainerDetail }) {
  const s = d.state;
  return (
    <div className="detail-grid">
      <Section title="State">
        <dl className="kv">
          <dt>Status</dt>
          <dd>
            {s.status}
            {s.status === 'exited' ? ` (code ${s.exitCode})` : ''}
          </dd>
          {s.health && (
            <>
              <dt>Health</dt>
              <dd>{s.health}</dd>
            </>
          )}
          <dt>Started</dt>
          <dd>
            {s.startedAt.startsWith('0001') ? 'never' : new Date(s.startedAt).toLocaleString()}
          </dd>
          {s.error && (
            <>
              <dt>Error</dt>
              <dd>{s.error}</dd>
            </>
          )}
          <dt>Restart policy</dt>
          <dd>{d.restart}</dd>
          <dt>Image</dt>
          <dd className="mono">{d.image}</dd>
          <dt>Command</dt>
          <dd className="mono">{d.command.join(' ')}</dd>
          <dt>Created</dt>
          <dd>{new Date(d.created).toLocaleString()}</dd>
          <dt>ID</dt>
          <dd className="mono">{d.id.slice(0, 12)}</dd>
        </dl>
      </Section>
      <Section title="Ports">
        {d.ports.length === 0 ? (
          <p className="small">None published.</p>
        ) : (
          <ul>
            {d.ports.map((p) => {
              const href = portLink(p);
              return (
                <li key={formatPort(p)} className="mono">
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer">
                      {formatPort(p)}
                    </a>
                  ) : (
                    formatPort(p)
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <Section title="Networks">
        <table className="kv-table" aria-label="Networks">
          <tbody>
            {d.networks.map((n) => (
              <tr key={n.name}>
                <th scope="row">{n.name}</th>
                <td className="mono">{n.ip || '—'}</td>
                <td className="small">gateway {n.gateway || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Environment">
        <table className="kv-table" aria-label="Environment">
          <tbody>
            {d.env.map((e, i) => (
              <tr key={`${e.key}-${i}`}>
                <th scope="row" className="mono">
                  {e.key}
                </th>
                <td>
                  <EnvValue name={e.key} value={e.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Mounts">
        {d.mounts.length === 0 ? (
          <p className="small">None.</p>
        ) : (
          <ul>
            {d.mounts.map((m) => (
              <li key={m.target} className="mono">
                {m.type} {m.source} → {m.target}
                {m.readOnly ? ' (read-only)' : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Labels">
        <table className="kv-table" aria-label="Labels">
          <tbody>
            {Object.entries(d.labels).map(([k, v]) => (
              <tr key={k}>
                <th scope="row" className="mono">
                  {k}
                </th>
                <td className="mono">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
