import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { parseIp, type NetworkDetail } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { containerQueries } from '../containers/queries';
import { Field } from '../../components/Field';
import { networkKeys } from './queries';
import { naturalCompare } from '../../format/sort';

interface Props {
  engineId: string;
  network: NetworkDetail;
}

type Errors = Partial<Record<'container' | 'aliases' | 'ip', string>>;

/** "Connect container": pick one not on the network yet, optional aliases and fixed IP. */
export function ConnectForm({ engineId, network }: Props) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const containers = useQuery(containerQueries.list(engineId));
  const [container, setContainer] = useState('');
  const [aliases, setAliases] = useState('');
  const [ip, setIp] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const members = new Set(network.members.map((m) => m.id));
  const choices = (containers.data ?? [])
    .filter((c) => !members.has(c.id))
    .sort((a, b) => naturalCompare(a.name, b.name));
  const connect = useMutation({
    mutationFn: (input: { container: string; aliases: string[]; ip?: string }) =>
      call('networks.connect', { engineId, id: network.id, ...input }),
    onSuccess: () => {
      setContainer('');
      setAliases('');
      setIp('');
    },
    onError: (err, input) => {
      const name = choices.find((c) => c.id === input.container)?.name ?? input.container;
      showError(`Could not connect ${name} to ${network.name}`, err);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: networkKeys.all(engineId) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = aliases.split(/[\s,]+/).filter(Boolean);
    const parsed = ip.trim() ? parseIp(ip) : undefined;
    const next: Errors = {
      container: container ? undefined : 'Pick a container.',
      ip: parsed && !parsed.ok ? parsed.message : undefined,
    };
    setErrors(next);
    if (next.container || next.ip) return;
    connect.mutate({ container, aliases: list, ...(ip.trim() ? { ip: ip.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} className="rform" aria-label="Connect container" noValidate>
      <h3>Connect a container</h3>
      <div className="row-fields">
        <Field label="Container" error={errors.container}>
          {(p) => (
            <select {...p} value={container} onChange={(e) => setContainer(e.target.value)}>
              <option value="">{choices.length ? 'Choose…' : 'No other containers'}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Aliases" hint="Optional, separated by spaces" error={errors.aliases}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={aliases}
              onChange={(e) => setAliases(e.target.value)}
            />
          )}
        </Field>
        <Field label="IP address" hint="Optional, inside the subnet" error={errors.ip}>
          {(p) => <input {...p} type="text" value={ip} onChange={(e) => setIp(e.target.value)} />}
        </Field>
      </div>
      <div>
        <button type="submit" className="primary" disabled={connect.isPending}>
          {connect.isPending ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
