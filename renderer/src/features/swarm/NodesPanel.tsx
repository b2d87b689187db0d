import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { parseKeyValues, type NodeSummary } from '../../../../contract';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { swarmKeys, swarmQueries } from './queries';
import { TasksRow, TasksToggle } from './TasksTable';
import { nodeSettling } from './settling';
import { useSettle } from './useSettle';
import { useSwarmAction } from './useSwarmAction';

type Change = { availability?: NodeSummary['availability']; role?: NodeSummary['role'] };

export function NodesPanel({ engineId }: { engineId: string }) {
  const list = useQuery(swarmQueries.nodes(engineId));
  useSettle(list.data?.some(nodeSettling) ?? false, list.data, [swarmKeys.nodes(engineId)]);
  const [labels, setLabels] = useState<NodeSummary>();
  const [remove, setRemove] = useState<NodeSummary>();
  const [expanded, setExpanded] = useState<string>();
  const update = useSwarmAction(
    engineId,
    ({ n, verb }: { n: NodeSummary; verb: string; change: Change }) => `${verb} ${n.hostname}`,
    ({ n, change }) => call('nodes.update', { engineId, id: n.id, ...change }),
  );
  const act = (n: NodeSummary, verb: string, change: Change) => (
    <button
      type="button"
      className="small-button"
      disabled={update.isPending}
      onClick={() => update.mutate({ n, verb: verb.toLowerCase(), change })}
    >
      {verb} {n.hostname}
    </button>
  );
  return (
    <section aria-label="Nodes">
      {list.error && <p role="alert">Could not list nodes: {list.error.message}</p>}
      <table aria-label="Nodes" className="resource-table swarm-table">
        <thead>
          <tr>
            <th scope="col">Hostname</th>
            <th scope="col">Role</th>
            <th scope="col">Availability</th>
            <th scope="col">Status</th>
            <th scope="col">Engine</th>
            <th scope="col">Labels</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((n) => (
            <Fragment key={n.id}>
              <tr>
                <th scope="row" className="name">
                  {n.hostname}
                  {n.self && <span className="badge">this engine</span>}
                </th>
                <td>
                  {n.role}
                  {n.manager ? ` (${n.manager})` : ''}
                </td>
                <td>{n.availability}</td>
                <td>
                  {n.status} <span className="small mono">{n.addr}</span>
                </td>
                <td>{n.engineVersion}</td>
                <td className="mono small">
                  {Object.entries(n.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', ') || '—'}
                </td>
                <td className="actions">
                  <TasksToggle
                    name={n.hostname}
                    open={expanded === n.id}
                    onToggle={() => setExpanded((e) => (e === n.id ? undefined : n.id))}
                  />
                  {n.availability !== 'drain' && act(n, 'Drain', { availability: 'drain' })}
                  {n.availability === 'active' && act(n, 'Pause', { availability: 'pause' })}
                  {n.availability !== 'active' && act(n, 'Activate', { availability: 'active' })}
                  {n.role === 'worker'
                    ? act(n, 'Promote', { role: 'manager' })
                    : !n.self && act(n, 'Demote', { role: 'worker' })}
                  <button type="button" className="small-button" onClick={() => setLabels(n)}>
                    Edit labels {n.hostname}
                  </button>
                  {n.status === 'down' && (
                    <button
                      type="button"
                      className="small-button danger"
                      onClick={() => setRemove(n)}
                    >
                      Remove {n.hostname}
                    </button>
                  )}
                </td>
              </tr>
              {expanded === n.id && (
                <TasksRow
                  colSpan={7}
                  engineId={engineId}
                  filter={{ node: n.id }}
                  label={n.hostname}
                />
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {labels && (
        <LabelsDialog engineId={engineId} n={labels} onClose={() => setLabels(undefined)} />
      )}
      {remove && (
        <RemoveNodeDialog engineId={engineId} n={remove} onClose={() => setRemove(undefined)} />
      )}
    </section>
  );
}

function LabelsDialog({
  engineId,
  n,
  onClose,
}: {
  engineId: string;
  n: NodeSummary;
  onClose(): void;
}) {
  const [text, setText] = useState(
    Object.entries(n.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  const parsed = parseKeyValues(text);
  const save = useSwarmAction(
    engineId,
    () => `change the labels of ${n.hostname}`,
    () => call('nodes.update', { engineId, id: n.id, labels: parsed.ok ? parsed.value : {} }),
    onClose,
  );
  return (
    <Dialog title={`Labels of ${n.hostname}`} onCancel={onClose}>
      <Field
        label="Labels"
        hint="KEY=VALUE, one per line"
        error={parsed.ok ? undefined : parsed.message}
      >
        {(p) => <textarea {...p} rows={5} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!parsed.ok || save.isPending}
          onClick={() => save.mutate(undefined)}
        >
          Save
        </button>
      </div>
    </Dialog>
  );
}

function RemoveNodeDialog({
  engineId,
  n,
  onClose,
}: {
  engineId: string;
  n: NodeSummary;
  onClose(): void;
}) {
  const remove = useSwarmAction(
    engineId,
    () => `remove ${n.hostname}`,
    () => call('nodes.remove', { engineId, id: n.id, force: false }),
    onClose,
  );
  return (
    <ConfirmDialog
      verb="Remove"
      name={n.hostname}
      disabled={remove.isPending}
      onConfirm={() => remove.mutate(undefined)}
      onCancel={onClose}
    >
      <p>
        The swarm forgets this down node; its tasks are placed elsewhere. To come back it must join
        again with a token.
      </p>
    </ConfirmDialog>
  );
}
