import { memo } from 'react';
import type { NetworkSummary } from '../../../../contract';
import { EngineCell } from '../../components/EngineCell';
import { Icon } from '../../components/Icon';
import type { Tagged } from '../../components/useEngineLists';

export type NetworkVerb = 'Inspect' | 'Remove';

interface Props {
  network: Tagged<NetworkSummary>;
  /** Rows from several engines: show the Engine cell. */
  multi: boolean;
  onAction(verb: NetworkVerb, network: Tagged<NetworkSummary>): void;
}

export const NetworkRow = memo(function NetworkRow({ network: n, multi, onAction }: Props) {
  return (
    <tr className={n.stale ? 'stale' : undefined}>
      <th scope="row" className="name">
        {n.name}
        {n.builtIn && <span className="badge">built-in</span>}
      </th>
      {multi && <EngineCell row={n} />}
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
