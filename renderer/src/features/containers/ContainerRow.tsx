import type { ContainerSummary } from '../../../../contract';
import { Icon, type IconName } from '../../components/Icon';
import { formatPort, isRunning, relativeTime } from './format';

interface Props {
  container: ContainerSummary;
  now: number;
  busy: boolean;
  onAction(verb: 'Start' | 'Stop' | 'Restart' | 'Remove'): void;
}

export function ContainerRow({ container: c, now, busy, onAction }: Props) {
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
      onClick={() => onAction(verb)}
    >
      <Icon name={icon} />
    </button>
  );
  return (
    <tr>
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
}
