import { memo } from 'react';
import type { ContainerSummary, StatsSample } from '../../../../contract';
import { Icon, type IconName } from '../../components/Icon';
import { ContainerWindowButtons } from '../logs/WindowButtons';
import { formatPort, isRunning, relativeTime } from './format';
import { RowMenu, type MenuVerb } from './RowMenu';
import { StatsCell } from './StatsCell';

interface Props {
  container: ContainerSummary;
  /** Position in the whole list, when the table only renders a window of it. */
  rowIndex?: number;
  measure?: ((el: Element | null) => void) | undefined;
  now: number;
  busy: boolean;
  onAction(verb: 'Start' | 'Stop' | 'Restart' | 'Remove', container: ContainerSummary): void;
  selected: boolean;
  onSelect(id: string, selected: boolean): void;
  /** The latest stats reading, for running containers in view. */
  stats: StatsSample | undefined;
  onMenu(verb: MenuVerb, container: ContainerSummary): void;
  /** Indented under its compose project's header row. */
  grouped?: boolean;
}

/** Memoized: a list refresh re-renders only the rows whose container changed. */
export const ContainerRow = memo(function ContainerRow({
  container: c,
  rowIndex,
  measure,
  now,
  busy,
  onAction,
  selected,
  onSelect,
  stats,
  onMenu,
  grouped,
}: Props) {
  const running = isRunning(c);
  const button = (
    verb: 'Start' | 'Stop' | 'Restart' | 'Remove',
    icon: IconName,
    disabled: boolean,
  ) => (
    <button
      type="button"
      className={`icon-button${verb === 'Remove' ? ' danger' : ''}`}
      aria-label={`${verb} ${c.name}`}
      title={`${verb} ${c.name}`}
      disabled={busy || disabled}
      onClick={() => onAction(verb, c)}
    >
      <Icon name={icon} />
    </button>
  );
  return (
    <tr
      ref={measure}
      data-index={rowIndex}
      aria-rowindex={rowIndex === undefined ? undefined : rowIndex + 2}
      className={grouped ? 'grouped' : undefined}
    >
      <td className="select">
        <input
          type="checkbox"
          aria-label={`Select ${c.name}`}
          checked={selected}
          onChange={(e) => onSelect(c.id, e.target.checked)}
        />
      </td>
      <th scope="row" className="name">
        {c.name}
      </th>
      <td className="mono">{c.image}</td>
      <td>
        <span className={`state state--${c.state}`}>{c.state}</span>
        <div className="small">{c.status}</div>
      </td>
      <td className="mono">
        {c.ports.map((p) => (
          <div key={formatPort(p)}>{formatPort(p)}</div>
        ))}
      </td>
      <td className="stats-cell">{running && <StatsCell name={c.name} sample={stats} />}</td>
      <td title={new Date(c.created * 1000).toLocaleString()}>{relativeTime(c.created, now)}</td>
      <td>{c.composeProject ?? ''}</td>
      <td className="actions">
        <ContainerWindowButtons container={c} />
        {button('Start', 'play', running || c.state === 'paused')}
        {button('Stop', 'stop', !running)}
        {button('Restart', 'restart', false)}
        {button('Remove', 'trash', false)}
        <RowMenu container={c} disabled={busy} onAction={onMenu} />
      </td>
    </tr>
  );
});
