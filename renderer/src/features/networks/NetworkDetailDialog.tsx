import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NetworkSummary } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { formatLabels } from '../volumes/format';
import { Dialog } from '../../components/Dialog';
import { ConnectForm } from './ConnectForm';
import { networkKeys, networkQueries } from './queries';

interface Props {
  engineId: string;
  network: NetworkSummary;
  onClose(): void;
}

export function NetworkDetailDialog({ engineId, network, onClose }: Props) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const detail = useQuery(networkQueries.detail(engineId, network.id));
  const disconnect = useMutation({
    mutationFn: (m: { id: string; name: string }) =>
      call('networks.disconnect', { engineId, id: network.id, container: m.id, force: false }),
    onError: (err, m) => showError(`Could not disconnect ${m.name} from ${network.name}`, err),
    onSettled: () => queryClient.invalidateQueries({ queryKey: networkKeys.all(engineId) }),
  });
  const d = detail.data;
  return (
    <Dialog title={`Network ${network.name}`} onCancel={onClose} wide>
      {detail.isPending ? (
        <p>Loading {network.name}…</p>
      ) : detail.error ? (
        <p role="alert">
          Could not inspect {network.name}: {detail.error.message}
        </p>
      ) : (
        <>
          <dl className="detail-grid">
            <dt>ID</dt>
            <dd className="mono small">{d!.id.slice(0, 12)}</dd>
            <dt>Driver / scope</dt>
            <dd>
              {d!.driver} / {d!.scope}
              {d!.builtIn ? ' (built-in)' : ''}
            </dd>
            <dt>Subnets</dt>
            <dd className="mono small">
              {d!.subnets.length
                ? d!.subnets
                    .map((s) =>
                      [
                        s.subnet,
                        s.gateway && `gateway ${s.gateway}`,
                        s.ipRange && `range ${s.ipRange}`,
                      ]
                        .filter(Boolean)
                        .join(', '),
                    )
                    .join('; ')
                : '—'}
            </dd>
            <dt>Internal / attachable</dt>
            <dd>
              {d!.internal ? 'yes' : 'no'} / {d!.attachable ? 'yes' : 'no'}
            </dd>
            <dt>Labels</dt>
            <dd className="small">{formatLabels(d!.labels) || '—'}</dd>
          </dl>
          {d!.members.length === 0 ? (
            <p>No containers are connected.</p>
          ) : (
            <div className="scroll-box">
              <table aria-label={`Containers on ${network.name}`} className="resource-table">
                <thead>
                  <tr>
                    <th scope="col">Container</th>
                    <th scope="col">State</th>
                    <th scope="col">IPv4</th>
                    <th scope="col">IPv6</th>
                    <th scope="col">Aliases</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d!.members.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{m.name}</th>
                      <td>{m.state}</td>
                      <td className="mono small">{m.ipv4 || '—'}</td>
                      <td className="mono small">{m.ipv6 || '—'}</td>
                      <td className="small">{m.aliases.join(', ') || '—'}</td>
                      <td className="actions">
                        <button
                          type="button"
                          aria-label={`Disconnect ${m.name}`}
                          disabled={disconnect.isPending}
                          onClick={() => disconnect.mutate(m)}
                        >
                          Disconnect
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {d!.driver !== 'host' && d!.driver !== 'null' && (
            <ConnectForm engineId={engineId} network={d!} />
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
