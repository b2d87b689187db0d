import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { networkQueries } from '../networks/queries';
import { NameChecklist } from './NameChecklist';
import { swarmQueries } from './queries';
import { EMPTY_FORM, toCreateInput, type ServiceForm } from './service-form';
import { useSwarmAction } from './useSwarmAction';

export function CreateServiceDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const [f, setF] = useState<ServiceForm>(EMPTY_FORM);
  const [tried, setTried] = useState(false);
  const networks = useQuery(networkQueries.list(engineId));
  const secrets = useQuery(swarmQueries.secrets(engineId));
  const configs = useQuery(swarmQueries.configs(engineId));
  const parsed = toCreateInput(engineId, f);
  const errors = tried && !parsed.ok ? parsed.errors : {};
  const create = useSwarmAction(
    engineId,
    () => `create ${f.name}`,
    () => (parsed.ok ? call('services.create', parsed.input) : Promise.resolve()),
    onClose,
  );
  const set = <K extends keyof ServiceForm>(k: K, v: ServiceForm[K]) => setF({ ...f, [k]: v });
  const text = (k: keyof ServiceForm, label: string, hint?: string, area = false) => (
    <Field label={label} error={errors[k]} {...(hint ? { hint } : {})}>
      {(p) =>
        area ? (
          <textarea
            {...p}
            rows={2}
            value={f[k] as string}
            onChange={(e) => set(k, e.target.value as never)}
          />
        ) : (
          <input {...p} value={f[k] as string} onChange={(e) => set(k, e.target.value as never)} />
        )
      }
    </Field>
  );
  const swarmNetworks = (networks.data ?? []).filter(
    (n) => n.scope === 'swarm' && n.name !== 'ingress',
  );
  return (
    <Dialog title="Create a service" onCancel={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (parsed.ok) create.mutate(undefined);
        }}
      >
        <div className="swarm-form">
          {text('image', 'Image')}
          {text('name', 'Name')}
          <Field label="Mode">
            {(p) => (
              <select
                {...p}
                value={f.mode}
                onChange={(e) => set('mode', e.target.value as 'global')}
              >
                <option value="replicated">replicated</option>
                <option value="global">global (one task per node)</option>
              </select>
            )}
          </Field>
          {f.mode === 'replicated' ? text('replicas', 'Replicas') : <div />}
          {text(
            'command',
            'Command',
            'Words as a shell splits them (quotes group), e.g. sh -c "echo hi; sleep 3600"',
          )}
          {text('env', 'Environment', 'KEY=VALUE, one per line', true)}
          {text('ports', 'Published ports', 'PUBLISHED:TARGET[/udp], one per line', true)}
          {text('mounts', 'Mounts', 'volume:NAME:/path, bind:/host:/path[:ro], tmpfs::/path', true)}
          {text(
            'constraints',
            'Placement constraints',
            'e.g. node.role==manager, one per line',
            true,
          )}
          <NameChecklist
            legend="Networks"
            empty="No overlay networks on this swarm."
            items={swarmNetworks.map((n) => ({
              key: n.id,
              name: n.name,
              label: `${n.name} (${n.driver})`,
            }))}
            picked={f.networks}
            onChange={(v) => set('networks', v)}
          />
          <NameChecklist
            legend="Secrets"
            empty="No secrets yet."
            items={(secrets.data ?? []).map((x) => ({
              key: x.id,
              name: x.name,
              label: `Secret ${x.name}`,
            }))}
            picked={f.secrets}
            onChange={(v) => set('secrets', v)}
          />
          <NameChecklist
            legend="Configs"
            empty="No configs yet."
            items={(configs.data ?? []).map((x) => ({
              key: x.id,
              name: x.name,
              label: `Config ${x.name} (at /${x.name})`,
            }))}
            picked={f.configs}
            onChange={(v) => set('configs', v)}
          />
          <Field label="Restart">
            {(p) => (
              <select
                {...p}
                value={f.restart}
                onChange={(e) => set('restart', e.target.value as 'any')}
              >
                <option value="any">any</option>
                <option value="on-failure">on-failure</option>
                <option value="none">none</option>
              </select>
            )}
          </Field>
          {text('parallelism', 'Update parallelism')}
          <Field label="Update order">
            {(p) => (
              <select
                {...p}
                value={f.order}
                onChange={(e) => set('order', e.target.value as 'stop-first')}
              >
                <option value="stop-first">stop-first</option>
                <option value="start-first">start-first</option>
              </select>
            )}
          </Field>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
