import type { StatsSample } from '../../../../contract';
import { formatPercent } from './stats';
import { formatBytes } from '../../format/bytes';

/** The compact CPU / memory figures of a running container's row. */
export function StatsCell({ name, sample }: { name: string; sample: StatsSample | undefined }) {
  if (!sample) return <span className="small">…</span>;
  const memPct = sample.memLimit ? (sample.memUsed / sample.memLimit) * 100 : 0;
  const text = `${name}: CPU ${formatPercent(sample.cpuPercent)}, memory ${formatBytes(sample.memUsed)}`;
  return (
    // The title: a narrowed column cuts the figures off.
    <span className="stats-compact" aria-label={text} title={text}>
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${Math.min(100, sample.cpuPercent)}%` }} />
      </span>
      <span className="mono">{formatPercent(sample.cpuPercent)}</span>
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${Math.min(100, memPct)}%` }} />
      </span>
      <span className="mono">{formatBytes(sample.memUsed)}</span>
    </span>
  );
}
