import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { CopyText } from './CopyText';
import { maskInspect, maskSpec, secretNames } from './detail-format';
import { composeService, dockerRunCommand } from './export';
import { OverviewPanel } from './OverviewPanel';
import { FilesPanel } from '../files/FilesPanel';
import { LogPanel } from '../logs/LogsScreen';
import { ProcessesPanel } from './ProcessesPanel';
import { containerQueries } from './queries';
import { RunDialog } from './RunDialog';
import { StatsPanel } from './StatsPanel';

const TABS = ['Overview', 'Logs', 'Stats', 'Processes', 'Files', 'Export', 'Raw JSON'] as const;
type Tab = (typeof TABS)[number];
// ids hold no spaces ("Raw JSON"): an id reference with one is not a valid IDREF.
const slug = (t: Tab) => t.toLowerCase().replace(/\s+/g, '-');
const tabId = (t: Tab) => `tab-${slug(t)}`;
const panelId = (t: Tab) => `panel-${slug(t)}`;

/** #/containers/ENGINE/ID: one container, kept fresh by its engine events. */
export function ContainerDetailScreen({ engineId, id }: { engineId: string; id: string }) {
  const detail = useQuery(containerQueries.detail(engineId, id));
  const [tab, setTab] = useState<Tab>('Overview');
  const [recreating, setRecreating] = useState(false);
  // One switch for Export and Raw JSON: what is hidden in Overview is hidden there too.
  const [revealed, setRevealed] = useState(false);
  const d = detail.data;
  const back = (
    <a href="#/containers" className="back">
      ← Containers
    </a>
  );
  if (!d) {
    const gone = detail.error instanceof ApiError && detail.error.code === 'NOT_FOUND';
    return (
      <main className="screen" aria-labelledby="detail-heading">
        {back}
        <h1 id="detail-heading">Container</h1>
        {detail.error ? (
          <p role="alert">
            {gone
              ? 'This container no longer exists.'
              : `Could not inspect it: ${detail.error.message}`}
          </p>
        ) : (
          <p className="empty">Loading…</p>
        )}
      </main>
    );
  }
  const running = d.state.running && !d.state.paused;
  const secrets = secretNames(d.spec);
  const hidden = secrets.length > 0 && !revealed;
  const spec = hidden ? maskSpec(d.spec) : d.spec;
  const secretsNote = secrets.length > 0 && (
    <p className="secrets-note">
      {hidden
        ? `The values of ${secrets.join(', ')} look secret and are hidden (copies too).`
        : `The values of ${secrets.join(', ')} are shown.`}{' '}
      <button type="button" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
        {revealed ? 'Hide secrets' : 'Reveal secrets'}
      </button>
    </p>
  );
  return (
    <main className="screen" aria-labelledby="detail-heading">
      {back}
      <header className="screen-header">
        <h1 id="detail-heading">
          {d.name} <span className={`state state--${d.state.status}`}>{d.state.status}</span>
        </h1>
        <div className="toolbar">
          <button type="button" onClick={() => setRecreating(true)}>
            Recreate {d.name}
          </button>
        </div>
      </header>
      <div role="tablist" aria-label={`Details of ${d.name}`} className="tabs">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={tabId(t)}
            aria-selected={tab === t}
            aria-controls={panelId(t)}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="tab-panel">
        {tab === 'Overview' && <OverviewPanel d={d} />}
        {tab === 'Logs' && <LogPanel engineId={engineId} ids={[d.id]} inline />}
        {tab === 'Stats' &&
          (running ? (
            <StatsPanel engineId={engineId} id={d.id} name={d.name} />
          ) : (
            <p className="empty">{d.name} is not running: no live stats.</p>
          ))}
        {tab === 'Processes' &&
          (running ? (
            <ProcessesPanel engineId={engineId} id={d.id} name={d.name} />
          ) : (
            <p className="empty">{d.name} is not running: no processes.</p>
          ))}
        {tab === 'Files' && (
          <FilesPanel key={d.id} engineId={engineId} id={d.id} name={d.name} running={running} />
        )}
        {tab === 'Export' && (
          <>
            {secretsNote}
            <CopyText
              label="docker run command"
              button="Copy docker run command"
              text={dockerRunCommand(spec)}
            />
            <CopyText
              label="Compose service"
              button="Copy compose service"
              text={composeService(spec)}
            />
          </>
        )}
        {tab === 'Raw JSON' && (
          <>
            {secretsNote}
            <CopyText
              label="docker inspect"
              button="Copy JSON"
              text={JSON.stringify(hidden ? maskInspect(d.raw) : d.raw, null, 2)}
            />
          </>
        )}
      </div>
      {recreating && (
        <RunDialog
          initial={d.spec}
          replace={{ id: d.id, name: d.name }}
          engineId={engineId}
          onClose={(result) => {
            setRecreating(false);
            if (result) location.hash = `#/containers/${engineId}/${result.id}`;
          }}
        />
      )}
    </main>
  );
}
