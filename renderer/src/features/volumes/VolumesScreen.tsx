import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { VolumeSummary } from '../../../../contract';
import type { Tagged } from '../../components/useEngineLists';
import { AllEnginesNote } from '../../components/AllEnginesNote';
import { EngineFailures } from '../../components/EngineCell';
import { ScreenBody } from '../../components/ScreenBody';
import { useEngineLists } from '../../components/useEngineLists';
import { useEngine } from '../../engine/EngineContext';
import { useNow } from '../../engine/useEngineStatuses';
import { BrowseVolumeDialog } from './BrowseVolumeDialog';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { volumeQueries } from './queries';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { RunWithVolumeDialog } from './RunWithVolumeDialog';
import { VolumeRow, type VolumeVerb } from './VolumeRow';
import './resources.css';
import { EmptyList } from '../../components/EmptyList';
import { naturalCompare } from '../../format/sort';

type Open =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: VolumeVerb; name: string; engineId: string }
  | undefined;

export function VolumesScreen() {
  const { scope } = useEngine();
  const list = useEngineLists(volumeQueries.list);
  const [sizesWanted, setSizesWanted] = useState(false);
  // Disk usage walks every volume: only when asked for, and never refetched by list events.
  const sizeQueries = useQueries({
    queries: scope.map((e) => ({ ...volumeQueries.sizes(e.id), enabled: sizesWanted })),
  });
  const sizes = {
    isFetching: sizeQueries.some((q) => q.isFetching),
    error: sizeQueries.find((q) => q.error)?.error ?? null,
    refetch: () => Promise.all(sizeQueries.map((q) => q.refetch())),
  };
  const sizeOf = (engine: string, name: string) =>
    sizeQueries[scope.findIndex((e) => e.id === engine)]?.data?.[name];
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Open>();
  const now = useNow(true, 30_000);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (list.data ?? [])
      .filter(
        (v) =>
          !f ||
          `${v.name} ${v.driver} ${Object.keys(v.labels).join(' ')}`.toLowerCase().includes(f),
      )
      .sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || naturalCompare(a.name, b.name));
  }, [list.data, filter]);
  const onAction = useCallback(
    (verb: VolumeVerb, v: Tagged<VolumeSummary>) =>
      setOpen({ kind: verb, name: v.name, engineId: v.engineId }),
    [],
  );
  const selected =
    open && 'name' in open
      ? list.data?.find((v) => v.name === open.name && v.engineId === open.engineId)
      : undefined;
  const close = () => setOpen(undefined);

  return (
    <main className="screen" aria-labelledby="volumes-heading">
      <header className="screen-header">
        <h1 id="volumes-heading">Volumes</h1>
        <div className="toolbar">
          <input
            type="text"
            aria-label="Filter volumes"
            placeholder="Filter by name, driver, label…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <button
            type="button"
            disabled={sizes.isFetching}
            onClick={() => (sizesWanted ? void sizes.refetch() : setSizesWanted(true))}
          >
            {sizes.isFetching ? 'Loading sizes…' : sizesWanted ? 'Refresh sizes' : 'Load sizes'}
          </button>
          <button type="button" onClick={() => setOpen({ kind: 'prune' })}>
            Prune
          </button>
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
            Create volume
          </button>
        </div>
      </header>
      <AllEnginesNote what="new volumes and prunes" pickable />
      {sizes.error && <p role="alert">Could not load sizes: {sizes.error.message}</p>}
      <EngineFailures failures={list.failures} noun="volumes" />
      <ScreenBody list={list} noun="volumes">
        {() => (
          <table aria-label="Volumes" aria-busy={list.isPending} className="resource-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                {list.multi && <th scope="col">Engine</th>}
                <th scope="col">Driver</th>
                <th scope="col">Mountpoint</th>
                <th scope="col">Created</th>
                <th scope="col">Labels</th>
                <th scope="col">Used by</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <VolumeRow
                  key={`${v.engineId}/${v.name}`}
                  volume={v}
                  multi={list.multi}
                  size={sizeOf(v.engineId, v.name)}
                  now={now}
                  busy={false}
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
        none="No volumes yet."
        filtered="No volumes match. Clear the filter."
      />
      {open?.kind === 'create' && <CreateVolumeDialog onClose={close} />}
      {open?.kind === 'prune' && <PruneVolumesDialog onClose={close} />}
      {open?.kind === 'Remove' && selected && (
        <RemoveVolumeDialog engineId={selected.engineId} volume={selected} onClose={close} />
      )}
      {open?.kind === 'Browse' && selected && (
        <BrowseVolumeDialog engineId={selected.engineId} volume={selected.name} onClose={close} />
      )}
      {open?.kind === 'Run with' && selected && (
        <RunWithVolumeDialog engineId={selected.engineId} volume={selected.name} onClose={close} />
      )}
    </main>
  );
}
