import { memo } from 'react';
import type { VolumeSummary } from '../../../../contract';
import { EngineCell } from '../../components/EngineCell';
import { Icon } from '../../components/Icon';
import type { Tagged } from '../../components/useEngineLists';
import { relativeTime } from '../containers/format';
import { formatLabels } from './format';
import { formatBytes } from '../../format/bytes';

export type VolumeVerb = 'Browse' | 'Run with' | 'Remove';

interface Props {
  volume: Tagged<VolumeSummary>;
  /** Rows from several engines: show the Engine cell. */
  multi: boolean;
  /** undefined until sizes are loaded. */
  size: number | undefined;
  now: number;
  busy: boolean;
  onAction(verb: VolumeVerb, volume: Tagged<VolumeSummary>): void;
}

export const VolumeRow = memo(function VolumeRow({
  volume: v,
  multi,
  size,
  now,
  busy,
  onAction,
}: Props) {
  const created = v.created ? Date.parse(v.created) : NaN;
  const labels = formatLabels(v.labels);
  const button = (verb: VolumeVerb, text: string) => (
    <button
      type="button"
      className={verb === 'Remove' ? 'icon-button danger' : 'icon-button'}
      aria-label={`${verb} ${v.name}`}
      title={`${verb} ${v.name}`}
      disabled={busy}
      onClick={() => onAction(verb, v)}
    >
      {verb === 'Remove' ? <Icon name="trash" /> : text}
    </button>
  );
  return (
    <tr className={v.stale ? 'stale' : undefined}>
      <th scope="row" className="name mono wrap-anywhere">
        {v.name}
        {v.anonymous && <span className="badge">anonymous</span>}
      </th>
      {multi && <EngineCell row={v} />}
      <td>{v.driver}</td>
      <td className="mono small wrap-anywhere">{v.mountpoint}</td>
      <td title={Number.isNaN(created) ? '' : new Date(created).toLocaleString()}>
        {Number.isNaN(created) ? '—' : relativeTime(created / 1000, now)}
      </td>
      <td className="small wrap-anywhere" title={labels}>
        {labels || '—'}
      </td>
      <td>
        {v.usedBy.length === 0
          ? 'unused'
          : v.usedBy.map((u) => (
              <div key={u.id}>
                {u.name} <span className="small">({u.state})</span>
              </div>
            ))}
      </td>
      <td className="num">{size === undefined ? '—' : formatBytes(size)}</td>
      <td className="actions">
        {button('Browse', 'Files')}
        {button('Run with', 'Run')}
        {button('Remove', 'Remove')}
      </td>
    </tr>
  );
});
