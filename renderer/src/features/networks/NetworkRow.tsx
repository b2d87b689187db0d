import { memo } from 'react';
import type { NetworkSummary } from '../../../../contract';
import { Icon } from '../../components/Icon';

export type NetworkVerb = 'Inspect' | 'Remove';

interface Props {
  network: NetworkSummary;
  onAction(verb: NetworkVerb, network: NetworkSummary): void;
}

export const NetworkRow = memo(function NetworkRow({ network: n, onAction }: Props) {
  return (
    <tr>
      <th scope="row" className="name">
        {n.name}
        {n.builtIn && <span className="badge">built-in</span>}
      </th>
      <td>{n.driver}</td>
      <td>{n.scope}</td>
      <td className="mono small">
        {n.subnets.length === 0
          ? '—'
          : n.subnets.map((s) => (
              <div key={s.subnet}>
                {s.subnet}
                {s.gateway ? ` via ${s.gateway}` : ''}
              </div>
            ))}
      </td>
      <td>{n.internal ? 'yes' : 'no'}</td>
      <td>{n.attachable ? 'yes' : 'no'}</td>
      <td className="num">{n.containers}</td>
      <td className="actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Inspect ${n.name}`}
          onClick={() => onAction('Inspect', n)}
        >
          Details
        </button>
        <button
          type="button"
          className="icon-button danger"
          aria-label={`Remove ${n.name}`}
          title={n.builtIn ? `${n.name} is built into the engine` : `Remove ${n.name}`}
          disabled={n.builtIn}
          onClick={() => onAction('Remove', n)}
        >
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  );
});
