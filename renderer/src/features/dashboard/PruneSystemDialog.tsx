import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DiskKind, PruneResult } from '../../../../contract';
import { call } from '../../api/client';
import { PruneDialog } from '../../components/PruneDialog';
import { formatBytes } from '../../format/bytes';
import { systemKeys, systemQueries } from './queries';

/** The exact count, so the preview can be held to what the engine then reports. */
const exact = (bytes: number) => `${bytes.toLocaleString('en')} bytes`;

const WHAT: Record<DiskKind, string> = {
  containers: 'Stopped containers',
  images: 'Dangling images',
  volumes: 'Unused volumes',
  buildCache: 'Unused build cache',
};

/**
 * `docker system prune`, previewed: what each prune frees (from the same disk-usage answer the
 * engine prunes by), chosen kind by kind, then what the engine says it freed.
 */
export function PruneSystemDialog(p: { engineId: string; engineName: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const preview = useQuery(systemQueries.prunePreview(p.engineId));
  const [skip, setSkip] = useState<ReadonlySet<DiskKind>>(new Set());
  const [report, setReport] = useState<PruneResult | undefined>();
  const rows = preview.data?.rows ?? [];
  const chosen = rows.filter((r) => r.count > 0 && !skip.has(r.kind));
  const prune = useMutation({
    mutationFn: () =>
      call('system.prune', { engineId: p.engineId, kinds: chosen.map((r) => r.kind) }),
    onSuccess: (r) => {
      setReport(r);
      void queryClient.invalidateQueries({ queryKey: systemKeys.all(p.engineId) });
    },
  });
  return (
    <PruneDialog
      title={`Prune ${p.engineName}`}
      onClose={p.onClose}
      preview={preview}
      count={chosen.length}
      pendingText="Measuring what a prune would free…"
      errorText="Could not measure what a prune would free"
      emptyText="Nothing to prune: no stopped containers, dangling images, unused volumes or unused build cache."
      prune={{ isPending: prune.isPending, run: () => prune.mutate() }}
      report={
        report && (
          <table aria-label="Freed" className="resource-table">
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.kind}>
                  <th scope="row">{WHAT[r.kind]}</th>
                  <td>
                    {r.error
                      ? `Failed: ${r.error}`
                      : `${r.count} removed, ${formatBytes(r.bytes)} freed (${exact(r.bytes)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {prune.error && <p role="alert">Prune failed: {prune.error.message}</p>}
      <table aria-label="Prune preview" className="resource-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind}>
              <th scope="row">
                <label className="check">
                  <input
                    type="checkbox"
                    disabled={r.count === 0}
                    checked={r.count > 0 && !skip.has(r.kind)}
                    onChange={(e) =>
                      setSkip((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.delete(r.kind);
                        else next.add(r.kind);
                        return next;
                      })
                    }
                  />
                  {WHAT[r.kind]}
                </label>
              </th>
              <td>
                {r.count === 0
                  ? 'none'
                  : `${r.count}, frees ${formatBytes(r.bytes)} (${exact(r.bytes)})`}
                {r.items.length > 0 && (
                  <div className="small wrap-anywhere">
                    {r.items
                      .slice(0, 8)
                      .map((i) => i.name)
                      .join(', ')}
                    {r.count > 8 ? ` and ${r.count - 8} more` : ''}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </PruneDialog>
  );
}
