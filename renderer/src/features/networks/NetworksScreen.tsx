import { useCallback, useMemo, useState } from 'react';
import type { NetworkSummary } from '../../../../contract';
import { AllEnginesNote } from '../../components/AllEnginesNote';
import { EngineFailures } from '../../components/EngineCell';
import { ScreenBody } from '../../components/ScreenBody';
import { useEngineLists, type Tagged } from '../../components/useEngineLists';
import '../volumes/resources.css';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworkDetailDialog } from './NetworkDetailDialog';
import { NetworkRow, type NetworkVerb } from './NetworkRow';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { networkQueries } from './queries';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';
import { EmptyList } from '../../components/EmptyList';
import { naturalCompare } from '../../format/sort';

type Open =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: NetworkVerb; id: string; engineId: string }
  | undefined;

export function NetworksScreen() {
  const list = useEngineLists(networkQueries.list);
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
      .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || naturalCompare(a.name, b.name));
  }, [list.data, filter]);
  const onAction = useCallback(
    (verb: NetworkVerb, n: Tagged<NetworkSummary>) =>
      setOpen({ kind: verb, id: n.id, engineId: n.engineId }),
    [],
  );
  const selected =
    open && 'id' in open
      ? list.data?.find((n) => n.id === open.id && n.engineId === open.engineId)
      : undefined;
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
      <AllEnginesNote what="new networks and prunes" pickable />
      <EngineFailures failures={list.failures} noun="networks" />
      <ScreenBody list={list} noun="networks">
        {() => (
          <table aria-label="Networks" aria-busy={list.isPending} className="resource-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                {list.multi && <th scope="col">Engine</th>}
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
                <NetworkRow
                  key={`${n.engineId}/${n.id}`}
                  network={n}
                  multi={list.multi}
                  onAction={onAction}
                />
              ))}
            </tbody>
          </table>
        )}
      </ScreenBody>
      <EmptyList
        total={list.data?.length}
        shown={rows.length}
        none="No networks match. Clear the filter."
        filtered="No networks match. Clear the filter."
      />
      {open?.kind === 'create' && <CreateNetworkDialog onClose={close} />}
      {open?.kind === 'prune' && <PruneNetworksDialog onClose={close} />}
      {open?.kind === 'Remove' && selected && (
        <RemoveNetworkDialog engineId={selected.engineId} network={selected} onClose={close} />
      )}
      {open?.kind === 'Inspect' && selected && (
        <NetworkDetailDialog engineId={selected.engineId} network={selected} onClose={close} />
      )}
    </main>
  );
}
