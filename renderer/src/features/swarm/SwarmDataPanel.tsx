import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_SWARM_DATA, type SwarmDataSummary } from '../../../../contract';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { swarmQueries } from './queries';
import { useSwarmAction } from './useSwarmAction';

type Kind = 'secret' | 'config';
const Title = { secret: 'Secret', config: 'Config' } as const;

/** Secrets or configs: list, used by, create from text or a file, remove. */
export function SwarmDataPanel({ engineId, kind }: { engineId: string; kind: Kind }) {
  const list = useQuery(swarmQueries.data(engineId, kind));
  const [creating, setCreating] = useState(false);
  const [remove, setRemove] = useState<SwarmDataSummary>();
  const plural = `${Title[kind]}s`;
  return (
    <section aria-label={plural}>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          Create {kind}
        </button>
      </div>
      {list.error && (
        <p role="alert">
          Could not list {kind}s: {list.error.message}
        </p>
      )}
      <table aria-label={plural} className="resource-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Used by</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((x) => (
            <tr key={x.id}>
              <th scope="row" className="name">
                {x.name}
              </th>
              <td>{x.usedBy.join(', ') || '—'}</td>
              <td className="small">{new Date(x.createdAt).toLocaleString()}</td>
              <td className="actions">
                <button type="button" className="small-button danger" onClick={() => setRemove(x)}>
                  Remove {x.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.length === 0 && <p className="empty">No {kind}s yet.</p>}
      {creating && (
        <CreateDialog engineId={engineId} kind={kind} onClose={() => setCreating(false)} />
      )}
      {remove && (
        <RemoveDialog
          engineId={engineId}
          kind={kind}
          x={remove}
          onClose={() => setRemove(undefined)}
        />
      )}
    </section>
  );
}

function CreateDialog({
  engineId,
  kind,
  onClose,
}: {
  engineId: string;
  kind: Kind;
  onClose(): void;
}) {
  const [name, setName] = useState('');
  const [data, setData] = useState('');
  const [fileNote, setFileNote] = useState<string>();
  const tooBig = new TextEncoder().encode(data).length > MAX_SWARM_DATA;
  const create = useSwarmAction(
    engineId,
    () => `create ${kind} ${name}`,
    () =>
      call(kind === 'secret' ? 'secrets.create' : 'configs.create', {
        engineId,
        name: name.trim(),
        data,
        labels: {},
      }),
    onClose,
  );
  return (
    <Dialog title={`Create a ${kind}`} onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(undefined);
        }}
      >
        <Field label="Name">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Value"
          error={tooBig ? 'At most 500 KiB.' : undefined}
          hint={
            kind === 'secret'
              ? 'Sent to the engine once; Porthole never shows it again. Services read it at /run/secrets/NAME.'
              : 'Services read it at /NAME.'
          }
        >
          {(p) =>
            kind === 'secret' ? (
              <textarea
                {...p}
                rows={4}
                autoComplete="off"
                spellCheck={false}
                className="secret-value"
                value={data}
                onChange={(e) => setData(e.target.value)}
              />
            ) : (
              <textarea {...p} rows={6} value={data} onChange={(e) => setData(e.target.value)} />
            )
          }
        </Field>
        <label className="small">
          Or from a file:{' '}
          <input
            type="file"
            aria-label={`${Title[kind]} file`}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setData(await file.text());
              setFileNote(`${file.name} read (${file.size.toLocaleString()} bytes).`);
            }}
          />
        </label>
        {fileNote && <p className="small">{fileNote}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={!name.trim() || !data || tooBig || create.isPending}
          >
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveDialog({
  engineId,
  kind,
  x,
  onClose,
}: {
  engineId: string;
  kind: Kind;
  x: SwarmDataSummary;
  onClose(): void;
}) {
  const remove = useSwarmAction(
    engineId,
    () => `remove ${x.name}`,
    () => call(kind === 'secret' ? 'secrets.remove' : 'configs.remove', { engineId, id: x.id }),
    onClose,
  );
  return (
    <ConfirmDialog
      verb="Remove"
      name={x.name}
      disabled={remove.isPending}
      onConfirm={() => remove.mutate(undefined)}
      onCancel={onClose}
    >
      <p>
        The {kind}&apos;s value is gone for good: the engine never gives it back.
        {x.usedBy.length > 0 && ` ${x.usedBy.join(', ')} use it: the engine refuses while they do.`}
      </p>
    </ConfirmDialog>
  );
}
