import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ServiceSummary } from '../../../../contract';
import { call, subscribe } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { swarmQueries } from './queries';
import { useSwarmAction } from './useSwarmAction';

/** Stacks: services grouped by com.docker.stack.namespace. */
export function StacksPanel({ engineId }: { engineId: string }) {
  const services = useQuery(swarmQueries.services(engineId));
  const [deploying, setDeploying] = useState(false);
  const [remove, setRemove] = useState<string>();
  const stacks = new Map<string, ServiceSummary[]>();
  for (const s of services.data ?? []) {
    if (s.stack) stacks.set(s.stack, [...(stacks.get(s.stack) ?? []), s]);
  }
  return (
    <section aria-label="Stacks">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setDeploying(true)}>
          Deploy stack
        </button>
      </div>
      <table aria-label="Stacks" className="resource-table">
        <thead>
          <tr>
            <th scope="col">Stack</th>
            <th scope="col">Services</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...stacks.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, list]) => (
              <tr key={name}>
                <th scope="row" className="name">
                  {name}
                </th>
                <td>
                  {list
                    .map((s) => `${s.name} (${s.running}/${s.desired})`)
                    .sort()
                    .join(', ')}
                </td>
                <td className="actions">
                  <button
                    type="button"
                    className="small-button danger"
                    onClick={() => setRemove(name)}
                  >
                    Remove {name}
                  </button>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {services.data && stacks.size === 0 && <p className="empty">No stacks on this swarm.</p>}
      {deploying && <DeployDialog engineId={engineId} onClose={() => setDeploying(false)} />}
      {remove && (
        <RemoveStackDialog
          engineId={engineId}
          name={remove}
          services={stacks.get(remove) ?? []}
          onClose={() => setRemove(undefined)}
        />
      )}
    </section>
  );
}

function DeployDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const cli = useQuery(swarmQueries.stackCli());
  const [name, setName] = useState('');
  const [yaml, setYaml] = useState('');
  const [lines, setLines] = useState<string[]>([]);
  const [phase, setPhase] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const stream = useRef<{ close(): void }>(undefined);
  useEffect(() => () => stream.current?.close(), []);
  const validName = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/.test(name.trim());
  const deploy = () => {
    setLines([]);
    setPhase('running');
    stream.current = subscribe(
      'stacks.deploy',
      { engineId, name: name.trim(), yaml },
      (e) => {
        if (e.kind === 'command') setLines((l) => [...l, `$ ${e.argv.join(' ')}`]);
        else if (e.kind === 'output') setLines((l) => [...l.slice(-999), e.text]);
        else setPhase(e.code === 0 ? 'done' : 'failed');
      },
      (err) => {
        if (err) {
          setLines((l) => [...l, err.message, ...(err.hint ? [err.hint] : [])]);
          setPhase('failed');
        }
      },
    );
  };
  return (
    <Dialog title="Deploy stack" onCancel={onClose} wide>
      {cli.data && !cli.data.available && (
        <p role="alert">
          {cli.data.message} {cli.data.hint}
        </p>
      )}
      <Field
        label="Stack name"
        error={name && !validName ? 'Letters, digits, “_” or “-”.' : undefined}
      >
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Compose file" hint="Paste the YAML, or pick a file below">
        {(p) => (
          <textarea
            {...p}
            rows={10}
            className="mono"
            spellCheck={false}
            value={yaml}
            onChange={(e) => setYaml(e.target.value)}
          />
        )}
      </Field>
      <label className="small">
        Or from a file:{' '}
        <input
          type="file"
          aria-label="Compose file to deploy"
          accept=".yml,.yaml"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) setYaml(await f.text());
          }}
        />
      </label>
      {phase !== 'idle' && (
        <>
          <p role="status">
            {phase === 'running' && `Deploying ${name}…`}
            {phase === 'done' && `Deployed ${name}.`}
            {phase === 'failed' && `Deploying ${name} failed.`}
          </p>
          <pre className="swarm-output" aria-label="Output of docker stack deploy">
            {lines.join('\n')}
          </pre>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {phase === 'idle' ? 'Cancel' : 'Close'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={
            !validName || !yaml.trim() || phase === 'running' || cli.data?.available === false
          }
          onClick={deploy}
        >
          Deploy
        </button>
      </div>
    </Dialog>
  );
}

function RemoveStackDialog({
  engineId,
  name,
  services,
  onClose,
}: {
  engineId: string;
  name: string;
  services: ServiceSummary[];
  onClose(): void;
}) {
  const remove = useSwarmAction(
    engineId,
    () => `remove stack ${name}`,
    () => call('stacks.remove', { engineId, name }),
    onClose,
  );
  return (
    <ConfirmDialog
      verb="Remove"
      name={name}
      disabled={remove.isPending}
      onConfirm={() => remove.mutate(undefined)}
      onCancel={onClose}
    >
      <p>
        Its services ({services.map((s) => s.name).join(', ')}) stop on every node, and the
        stack&apos;s networks, secrets and configs are removed. Volumes stay.
      </p>
    </ConfirmDialog>
  );
}
