import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { VolumeSummary } from '../../../../contract';
import { ScreenBody } from '../../components/ScreenBody';
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

type Open = { kind: 'create' } | { kind: 'prune' } | { kind: VolumeVerb; name: string } | undefined;

export function VolumesScreen() {
  const { engineId: queryEngineId } = useEngine();
  const engineId = queryEngineId ?? '';
  const list = useQuery({ ...volumeQueries.list(engineId), enabled: !!queryEngineId });
  const [sizesWanted, setSizesWanted] = useState(false);
  // Disk usage walks every volume: only when asked for, and never refetched by list events.
  const sizes = useQuery({
    ...volumeQueries.sizes(engineId),
    enabled: !!queryEngineId && sizesWanted,
  });
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
      .sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || a.name.localeCompare(b.name));
  }, [list.data, filter]);
  const onAction = useCallback(
    (verb: VolumeVerb, v: VolumeSummary) => setOpen({ kind: verb, name: v.name }),
    [],
  );
  const selected =
    open && 'name' in open ? list.data?.find((v) => v.name === open.name) : undefined;
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
      {sizes.error && <p role="alert">Could not load sizes: {sizes.error.message}</p>}
      <ScreenBody list={list} noun="volumes">
        {() => (
          <table aria-label="Volumes" aria-busy={list.isPending} className="resource-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
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
                  key={v.name}
                  volume={v}
                  size={sizes.data?.[v.name]}
                  now={now}
                  busy={false}
                  onAction={onAction}
                />
              ))}
            </tbody>
          </table>
        )}
      </ScreenBody>
      {list.data && rows.length === 0 && (
        <p className="empty">
          {list.data.length === 0 ? 'No volumes yet.' : 'No volumes match. Clear the filter.'}
        </p>
      )}
      {open?.kind === 'create' && <CreateVolumeDialog engineId={engineId} onClose={close} />}
      {open?.kind === 'prune' && <PruneVolumesDialog engineId={engineId} onClose={close} />}
      {open?.kind === 'Remove' && selected && (
        <RemoveVolumeDialog engineId={engineId} volume={selected} onClose={close} />
      )}
      {open?.kind === 'Browse' && selected && (
        <BrowseVolumeDialog engineId={engineId} volume={selected.name} onClose={close} />
      )}
      {open?.kind === 'Run with' && selected && (
        <RunWithVolumeDialog engineId={engineId} volume={selected.name} onClose={close} />
      )}
    </main>
  );
}
