import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatBytes } from '../../format/bytes';
import { DISK_LABELS, dockerReclaimable, dockerSize } from './format';
import { PruneSystemDialog } from './PruneSystemDialog';
import { systemQueries } from './queries';

/**
 * `docker system df` for one engine, on demand (it walks every layer and volume): a table that
 * reads like the CLI's, a bar per line (reclaimable part shaded), and "Prune…".
 */
export function DiskUsage({ engineId, engineName }: { engineId: string; engineName: string }) {
  const [wanted, setWanted] = useState(false);
  const [pruning, setPruning] = useState(false);
  const df = useQuery({ ...systemQueries.df(engineId), enabled: wanted });
  const max = Math.max(1, ...(df.data?.rows.map((r) => r.bytes) ?? [1]));
  return (
    <section className="disk-usage" aria-labelledby="disk-heading">
      <div className="section-header">
        <h2 id="disk-heading">Disk usage</h2>
        <button
          type="button"
          disabled={df.isFetching}
          onClick={() => (wanted ? void df.refetch() : setWanted(true))}
        >
          {df.isFetching ? 'Measuring…' : wanted ? 'Refresh disk usage' : 'Show disk usage'}
        </button>
        <button type="button" onClick={() => setPruning(true)}>
          Prune…
        </button>
      </div>
      {df.error && <p role="alert">Could not read disk usage: {df.error.message}</p>}
      {df.data && (
        <table aria-label="Disk usage" className="resource-table disk-table">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Total</th>
              <th scope="col">Active</th>
              <th scope="col">Size</th>
              <th scope="col">Reclaimable</th>
              <th scope="col">
                <span className="visually-hidden">Chart</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {df.data.rows.map((r) => (
              <tr key={r.kind}>
                <th scope="row">{DISK_LABELS[r.kind]}</th>
                <td className="num">{r.total}</td>
                <td className="num">{r.active}</td>
                <td className="num" title={`${r.bytes} bytes`}>
                  {dockerSize(r.bytes)}
                </td>
                <td className="num" title={`${r.reclaimable} bytes`}>
                  {dockerReclaimable(r)}
                </td>
                <td className="chart-cell" aria-hidden="true">
                  <span className="bar" style={{ width: `${(r.bytes / max) * 100}%` }}>
                    <span
                      className="bar-reclaimable"
                      style={{ width: `${r.bytes ? (r.reclaimable / r.bytes) * 100 : 0}%` }}
                    />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {df.data && (
        <p className="small">
          Total {formatBytes(df.data.rows.reduce((n, r) => n + r.bytes, 0))}; shaded: reclaimable.
        </p>
      )}
      {pruning && (
        <PruneSystemDialog
          engineId={engineId}
          engineName={engineName}
          onClose={() => {
            setPruning(false);
            if (wanted) void df.refetch();
          }}
        />
      )}
    </section>
  );
}
