import { memo } from 'react';
import type { ContainerSummary, StatsSample } from '../../../../contract';
import { EngineCell } from '../../components/EngineCell';
import { Icon, type IconName } from '../../components/Icon';
import type { Tagged } from '../../components/useEngineLists';
import { ContainerWindowButtons } from '../logs/WindowButtons';
import { LiveRelative, LiveStatus } from '../../components/LiveText';
import { formatPort, isRunning } from './format';
import { RowMenu, type MenuVerb } from './RowMenu';
import { StatsCell } from './StatsCell';

type Row = Tagged<ContainerSummary>;

interface Props {
  container: Row;
  /** Rows from several engines: show the Engine cell. */
  multi: boolean;
  /** Position in the whole list, when the table only renders a window of it. */
  rowIndex?: number;
  measure?: ((el: Element | null) => void) | undefined;
  busy: boolean;
  onAction(verb: 'Start' | 'Stop' | 'Restart' | 'Remove', container: Row): void;
  selected: boolean;
  onSelect(id: string, selected: boolean): void;
  /** The latest stats reading, for running containers in view. */
  stats: StatsSample | undefined;
  onMenu(verb: MenuVerb, container: Row): void;
  /** Indented under its compose project's header row. */
  grouped?: boolean;
  /** Column ids the user chose to hide (see CONTAINER_COLUMNS). */
  hidden: ReadonlySet<string>;
  /** The row the keyboard is on: the one row in the tab order. */
  current: boolean;
}

/** Memoized: a list refresh re-renders only the rows whose container changed. */
export const ContainerRow = memo(function ContainerRow({
  container: c,
  multi,
  rowIndex,
  measure,
  busy,
  onAction,
  selected,
  onSelect,
  stats,
  onMenu,
  grouped,
  hidden,
  current,
}: Props) {
  const show = (id: string) => !hidden.has(id);
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
      data-row-key={`${c.engineId}/${c.id}`}
      tabIndex={current ? 0 : -1}
      className={
        [grouped ? 'grouped' : '', c.stale ? 'stale' : '', current ? 'row-current' : '']
          .join(' ')
          .trim() || undefined
      }
    >
      <td className="select">
        <input
          type="checkbox"
          aria-label={`Select ${c.name}`}
          checked={selected}
          onChange={(e) => onSelect(c.id, e.target.checked)}
        />
      </td>
      <th scope="row" className="name" title={c.name}>
        <a href={`#/containers/${c.engineId}/${c.id}`}>{c.name}</a>
      </th>
      {multi && <EngineCell row={c} />}
      {show('image') && (
        <td className="mono" title={c.image}>
          {c.image}
        </td>
      )}
      {show('state') && (
        <td className="state-cell">
          <span className={`state state--${c.state}`}>{c.state}</span>
          <div className="small">
            <LiveStatus status={c.status} since={c.statusSince} />
          </div>
        </td>
      )}
      {show('ports') && (
        <td className="mono ports-cell" title={c.ports.map(formatPort).join(', ') || undefined}>
          {c.ports.map((p) => (
            <div key={formatPort(p)}>{formatPort(p)}</div>
          ))}
        </td>
      )}
      {show('stats') && (
        <td className="stats-cell">{running && <StatsCell name={c.name} sample={stats} />}</td>
      )}
      {show('created') && (
        <td title={new Date(c.created * 1000).toLocaleString()}>
          <LiveRelative epochSeconds={c.created} />
        </td>
      )}
      {show('project') && (
        <td title={c.composeProject ?? undefined}>
          {c.composeProject ?? ''}
          {c.pod && (
            <div className="small" title={`Podman pod ${c.pod}`}>
              pod {c.pod}
            </div>
          )}
        </td>
      )}
      <td className="actions">
        <ContainerWindowButtons container={c} engineId={c.engineId} />
        {button('Start', 'play', running || c.state === 'paused')}
        {button('Stop', 'stop', !running)}
        {button('Restart', 'restart', false)}
        {button('Remove', 'trash', false)}
        <RowMenu container={c} disabled={busy} onAction={(verb) => onMenu(verb, c)} />
      </td>
    </tr>
  );
});
