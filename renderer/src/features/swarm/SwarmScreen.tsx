import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ScreenBody } from '../../components/ScreenBody';
import { useEngine } from '../../engine/EngineContext';
import { ClusterFacts, LeaveDialog } from './ClusterFacts';
import { NodesPanel } from './NodesPanel';
import { swarmQueries } from './queries';
import { ServicesPanel } from './ServicesPanel';
import { StacksPanel } from './StacksPanel';
import { SwarmDataPanel } from './SwarmDataPanel';
import { SwarmSetup } from './SwarmSetup';
import './swarm.css';

const TABS = ['Services', 'Nodes', 'Stacks', 'Secrets', 'Configs'] as const;
type Tab = (typeof TABS)[number];

/** #/swarm: the engine's swarm — set up, facts, services, nodes, stacks, secrets and configs. */
export function SwarmScreen() {
  const { engineId: queryEngineId } = useEngine();
  const engineId = queryEngineId ?? '';
  const state = useQuery({ ...swarmQueries.state(engineId), enabled: !!queryEngineId });
  const [tab, setTab] = useState<Tab>('Services');
  const [leaving, setLeaving] = useState(false);
  const s = state.data;
  const active = s?.state === 'active';
  return (
    <main className="screen" aria-labelledby="swarm-heading">
      <header className="screen-header">
        <h1 id="swarm-heading">Swarm</h1>
        {active && (
          <div className="toolbar">
            <button type="button" className="danger" onClick={() => setLeaving(true)}>
              Leave swarm
            </button>
          </div>
        )}
      </header>
      <ScreenBody list={state} noun="the swarm state">
        {() =>
          !s || s.state === 'inactive' || s.state === 'error' ? (
            <SwarmSetup engineId={engineId} error={s?.error} />
          ) : !active ? (
            <p role="status">
              This engine&apos;s swarm is {s.state}
              {s.error ? `: ${s.error}` : ''}.
            </p>
          ) : !s.isManager ? (
            <>
              <ClusterFacts engineId={engineId} swarm={s} />
              <p>
                This engine is a worker: services, nodes and secrets are managed from a manager (
                {s.cluster?.managerAddrs.join(', ') || 'see docker node ls there'}).
              </p>
            </>
          ) : (
            <>
              <ClusterFacts engineId={engineId} swarm={s} />
              <div role="tablist" aria-label="Swarm views" className="swarm-tabs">
                {TABS.map((t) => (
                  <button
                    key={t}
                    type="button"
                    role="tab"
                    aria-selected={tab === t}
                    onClick={() => setTab(t)}
                  >
                    {t}
                  </button>
                ))}
              </div>
              <div role="tabpanel" aria-label={tab}>
                {tab === 'Services' && <ServicesPanel engineId={engineId} />}
                {tab === 'Nodes' && <NodesPanel engineId={engineId} />}
                {tab === 'Stacks' && <StacksPanel engineId={engineId} />}
                {tab === 'Secrets' && <SwarmDataPanel engineId={engineId} kind="secret" />}
                {tab === 'Configs' && <SwarmDataPanel engineId={engineId} kind="config" />}
              </div>
            </>
          )
        }
      </ScreenBody>
      {leaving && s && (
        <LeaveDialog engineId={engineId} swarm={s} onClose={() => setLeaving(false)} />
      )}
    </main>
  );
}
