import { memo } from 'react';
import type { ContainerSummary } from '../../../../contract';
import { Icon, type IconName } from '../../components/Icon';
import { formatPort, isRunning, relativeTime } from './format';

interface Props {
  container: ContainerSummary;
  /** Position in the whole list, when the table only renders a window of it. */
  rowIndex?: number;
  measure?: ((el: Element | null) => void) | undefined;
  now: number;
  busy: boolean;
  onAction(verb: 'Start' | 'Stop' | 'Restart' | 'Remove', container: ContainerSummary): void;
}

/** Memoized: a list refresh re-renders only the rows whose container changed. */
export const ContainerRow = memo(function ContainerRow({
  container: c,
  rowIndex,
  measure,
  now,
  busy,
  onAction,
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
    >
      <th scope="row" className="name">
        {c.name}
      </th>
      <td className="mono">{c.image}</td>
      <td>
        <span className={`state state--${c.state}`}>{c.state}</span>
      </td>
      <td>{c.status}</td>
      <td className="mono">
        {c.ports.map((p) => (
          <div key={formatPort(p)}>{formatPort(p)}</div>
        ))}
      </td>
      <td title={new Date(c.created * 1000).toLocaleString()}>{relativeTime(c.created, now)}</td>
      <td>{c.composeProject ?? ''}</td>
      <td className="actions">
        {button('Start', 'play', running || c.state === 'paused')}
        {button('Stop', 'stop', !running)}
        {button('Restart', 'restart', false)}
        {button('Remove', 'trash', false)}
      </td>
    </tr>
  );
});
