import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { NetworkSummary } from '../../../../contract';
import { ScreenBody } from '../../components/ScreenBody';
import { useEngine } from '../../engine/EngineContext';
import '../volumes/resources.css';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworkDetailDialog } from './NetworkDetailDialog';
import { NetworkRow, type NetworkVerb } from './NetworkRow';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { networkQueries } from './queries';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';

type Open = { kind: 'create' } | { kind: 'prune' } | { kind: NetworkVerb; id: string } | undefined;

export function NetworksScreen() {
  const { engineId: queryEngineId } = useEngine();
  const engineId = queryEngineId ?? '';
  const list = useQuery({ ...networkQueries.list(engineId), enabled: !!queryEngineId });
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Open>();
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (list.data ?? [])
      .filter(
        (n) =>
          !f ||
          `${n.name} ${n.driver} ${n.subnets.map((s) => s.subnet).join(' ')}`
            .toLowerCase()
            .includes(f),
      )
      .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
  }, [list.data, filter]);
  const onAction = useCallback(
    (verb: NetworkVerb, n: NetworkSummary) => setOpen({ kind: verb, id: n.id }),
    [],
  );
  const selected = open && 'id' in open ? list.data?.find((n) => n.id === open.id) : undefined;
  const close = () => setOpen(undefined);

  return (
    <main className="screen" aria-labelledby="networks-heading">
      <header className="screen-header">
        <h1 id="networks-heading">Networks</h1>
        <div className="toolbar">
          <input
            type="text"
            aria-label="Filter networks"
            placeholder="Filter by name, driver, subnet…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <button type="button" onClick={() => setOpen({ kind: 'prune' })}>
            Prune
          </button>
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
            Create network
          </button>
        </div>
      </header>
      <ScreenBody list={list} noun="networks">
        {() => (
          <table aria-label="Networks" aria-busy={list.isPending} className="resource-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Driver</th>
                <th scope="col">Scope</th>
                <th scope="col">Subnet / gateway</th>
                <th scope="col">Internal</th>
                <th scope="col">Attachable</th>
                <th scope="col">Containers</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <NetworkRow key={n.id} network={n} onAction={onAction} />
              ))}
            </tbody>
          </table>
        )}
      </ScreenBody>
      {list.data && rows.length === 0 && (
        <p className="empty">No networks match. Clear the filter.</p>
      )}
      {open?.kind === 'create' && <CreateNetworkDialog engineId={engineId} onClose={close} />}
      {open?.kind === 'prune' && <PruneNetworksDialog engineId={engineId} onClose={close} />}
      {open?.kind === 'Remove' && selected && (
        <RemoveNetworkDialog engineId={engineId} network={selected} onClose={close} />
      )}
      {open?.kind === 'Inspect' && selected && (
        <NetworkDetailDialog engineId={engineId} network={selected} onClose={close} />
      )}
    </main>
  );
}
