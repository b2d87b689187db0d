import type { StatsSample } from '../../../../contract';
import { rate } from './detail-format';
import { Sparkline } from './Sparkline';
import { formatPercent, useStats } from './stats';
import { formatBytes } from '../../format/bytes';

const HISTORY = 60;

function rates(history: StatsSample[], pick: (s: StatsSample) => number): number[] {
  return history.map((s, i) => {
    const prev = history[i - 1];
    return rate(prev ? { t: prev.t, v: pick(prev) } : undefined, { t: s.t, v: pick(s) });
  });
}

/** Live charts of one container; the stream stops when this panel goes away. */
export function StatsPanel({ engineId, id, name }: { engineId: string; id: string; name: string }) {
  const { history } = useStats(engineId, [id], HISTORY);
  const h = history.get(id) ?? [];
  const last = h.at(-1);
  if (!last) return <p className="empty">Waiting for the first reading…</p>;
  const rx = rates(h, (s) => s.netRx);
  const tx = rates(h, (s) => s.netTx);
  const rd = rates(h, (s) => s.blockRead);
  const wr = rates(h, (s) => s.blockWrite);
  const chart = (title: string, figure: string, values: number[], label: string, max?: number) => (
    <div className="chart">
      <dt>{title}</dt>
      <dd>{figure}</dd>
      <dd>
        <Sparkline label={label} values={values} {...(max !== undefined ? { max } : {})} />
      </dd>
    </div>
  );
  return (
    <section aria-label={`Stats of ${name}`}>
      <dl className="charts">
        {chart(
          'CPU',
          formatPercent(last.cpuPercent),
          h.map((s) => s.cpuPercent),
          `CPU of ${name}, last ${h.length} s`,
        )}
        {chart(
          'Memory',
          `${formatBytes(last.memUsed)} / ${formatBytes(last.memLimit)}`,
          h.map((s) => s.memUsed),
          `Memory of ${name}`,
          last.memLimit || undefined,
        )}
        {chart(
          'Network',
          `↓ ${formatBytes(rx.at(-1) ?? 0)}/s ↑ ${formatBytes(tx.at(-1) ?? 0)}/s (total ${formatBytes(last.netRx)} / ${formatBytes(last.netTx)})`,
          rx.map((v, i) => v + (tx[i] ?? 0)),
          `Network traffic of ${name}`,
        )}
        {chart(
          'Block I/O',
          `read ${formatBytes(last.blockRead)}, written ${formatBytes(last.blockWrite)}`,
          rd.map((v, i) => v + (wr[i] ?? 0)),
          `Block I/O of ${name}`,
        )}
        <div className="chart">
          <dt>PIDs</dt>
          <dd>{last.pids}</dd>
        </div>
      </dl>
    </section>
  );
}
