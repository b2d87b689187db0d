import type { StatsSample } from '../../../../contract';
import { formatPercent } from './stats';
import { formatBytes } from '../../format/bytes';

/** The compact CPU / memory figures of a running container's row. */
export function StatsCell({ name, sample }: { name: string; sample: StatsSample | undefined }) {
  if (!sample) return <span className="small">…</span>;
  const memPct = sample.memLimit ? (sample.memUsed / sample.memLimit) * 100 : 0;
  return (
    <span
      className="stats-compact"
      aria-label={`${name}: CPU ${formatPercent(sample.cpuPercent)}, memory ${formatBytes(sample.memUsed)}`}
    >
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
