import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { ServiceSummary, UpdatePolicy } from '../../../../contract';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { CreateServiceDialog } from './CreateServiceDialog';
import { swarmKeys, swarmQueries } from './queries';
import { TasksRow, TasksTable, TasksToggle } from './TasksTable';
import { converging } from './settling';
import { useSettle } from './useSettle';
import { useSwarmAction } from './useSwarmAction';

type Open = { kind: 'create' } | { kind: 'scale' | 'update' | 'remove'; s: ServiceSummary };

export function ServicesPanel({ engineId, stack }: { engineId: string; stack?: string }) {
  const list = useQuery(swarmQueries.services(engineId));
  const [open, setOpen] = useState<Open>();
  const [expanded, setExpanded] = useState<string>();
  // Tasks have no engine events: while a service converges (running ≠ desired, or an update
  // rolls), its counts are read again.
  useSettle(list.data?.some(converging) ?? false, list.data, [
    swarmKeys.services(engineId),
    swarmKeys.allTasks(engineId),
  ]);
  const rows = (list.data ?? [])
    .filter((s) => stack === undefined || s.stack === stack)
    .sort((a, b) => a.name.localeCompare(b.name));
  const rollback = useSwarmAction(
    engineId,
    (s: ServiceSummary) => `roll back ${s.name}`,
    (s) => call('services.rollback', { engineId, id: s.id }),
  );
  const close = () => setOpen(undefined);
  return (
    <section aria-label="Services">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
          Create service
        </button>
      </div>
      {list.error && <p role="alert">Could not list services: {list.error.message}</p>}
      <table aria-label="Services" className="resource-table swarm-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Image</th>
            <th scope="col">Mode</th>
            <th scope="col">Replicas</th>
            <th scope="col">Ports</th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <Fragment key={s.id}>
              <tr>
                <th scope="row" className="name">
                  {s.name}
                  {s.stack && <span className="badge">stack {s.stack}</span>}
                  {s.failing > 0 && (
                    <div className="swarm-failing">
                      {s.failing} {s.failing === 1 ? 'task' : 'tasks'} failing:{' '}
                      {s.failingError ?? 'see its tasks'}
                    </div>
                  )}
                  {s.update && s.update.state !== 'completed' && (
                    <div className="small">
                      Update {s.update.state.replace('_', ' ')}
                      {s.update.message ? `: ${s.update.message}` : ''}
                    </div>
                  )}
                </th>
                <td className="mono small">{s.image}</td>
                <td>{s.mode}</td>
                <td className="num">
                  {s.running}/{s.desired}
                </td>
                <td className="mono small">
                  {s.ports
                    .map((p) => `${p.published ?? '*'}→${p.target}/${p.protocol}`)
                    .join(', ') || '—'}
                </td>
                <td className="small">{new Date(s.updatedAt).toLocaleString()}</td>
                <td className="actions">
                  <TasksToggle
                    name={s.name}
                    open={expanded === s.id}
                    onToggle={() => setExpanded((e) => (e === s.id ? undefined : s.id))}
                  />
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => window.open(`#/logs/${engineId}/service:${s.id}`, '_blank')}
                  >
                    Logs {s.name}
                  </button>
                  {s.mode === 'replicated' && (
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => setOpen({ kind: 'scale', s })}
                    >
                      Scale {s.name}
                    </button>
                  )}
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => setOpen({ kind: 'update', s })}
                  >
                    Update {s.name}
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    disabled={!s.canRollback || rollback.isPending}
                    onClick={() => rollback.mutate(s)}
                  >
                    Rollback {s.name}
                  </button>
                  <button
                    type="button"
                    className="small-button danger"
                    onClick={() => setOpen({ kind: 'remove', s })}
                  >
                    Remove {s.name}
                  </button>
                </td>
              </tr>
              {expanded === s.id && (
                <TasksRow
                  colSpan={7}
                  engineId={engineId}
                  filter={{ service: s.id }}
                  label={s.name}
                />
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">No services yet.</p>}
      {open?.kind === 'create' && <CreateServiceDialog engineId={engineId} onClose={close} />}
      {open?.kind === 'scale' && <ScaleDialog engineId={engineId} s={open.s} onClose={close} />}
      {open?.kind === 'update' && (
        <UpdateDialog engineId={engineId} id={open.s.id} onClose={close} />
      )}
      {open?.kind === 'remove' && (
        <RemoveServiceDialog engineId={engineId} s={open.s} onClose={close} />
      )}
    </section>
  );
}

function ScaleDialog({
  engineId,
  s,
  onClose,
}: {
  engineId: string;
  s: ServiceSummary;
  onClose(): void;
}) {
  const [n, setN] = useState(String(s.desired));
  const valid = /^\d{1,4}$/.test(n) && Number(n) <= 1000;
  const scale = useSwarmAction(
    engineId,
    () => `scale ${s.name}`,
    () => call('services.scale', { engineId, id: s.id, replicas: Number(n) }),
    onClose,
  );
  return (
    <Dialog title={`Scale ${s.name}`} onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) scale.mutate(undefined);
        }}
      >
        <Field label="Replicas" error={valid ? undefined : 'A whole number from 0 to 1000.'}>
          {(p) => (
            <input {...p} inputMode="numeric" value={n} onChange={(e) => setN(e.target.value)} />
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!valid || scale.isPending}>
            Scale
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** New image with rolling-update settings, then the rollout as it happens (tasks by image). */
function UpdateDialog({
  engineId,
  id,
  onClose,
}: {
  engineId: string;
  id: string;
  onClose(): void;
}) {
  const list = useQuery(swarmQueries.services(engineId));
  const s = list.data?.find((x) => x.id === id);
  const tasks = useQuery(swarmQueries.tasks(engineId, { service: id }));
  const [image, setImage] = useState(s?.image ?? '');
  const [policy, setPolicy] = useState<UpdatePolicy>(
    s?.updatePolicy ?? {
      parallelism: 1,
      delaySeconds: 0,
      failureAction: 'pause',
      order: 'stop-first',
    },
  );
  const [target, setTarget] = useState<string>();
  const update = useSwarmAction(
    engineId,
    () => `update ${s?.name ?? 'the service'}`,
    () => call('services.updateImage', { engineId, id, image: image.trim(), update: policy }),
    () => setTarget(image.trim()),
  );
  if (!s) return null;
  const current = (tasks.data ?? []).filter((t) => t.desired === 'running');
  const done = target
    ? current.filter((t) => t.image === target && t.state === 'running').length
    : 0;
  const state = s.update?.state;
  return (
    <Dialog title={`Update ${s.name}`} onCancel={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(undefined);
        }}
      >
        <div className="swarm-form">
          <Field label="Image">
            {(p) => <input {...p} value={image} onChange={(e) => setImage(e.target.value)} />}
          </Field>
          <Field label="Parallelism" hint="Tasks replaced at a time (0: all at once)">
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={1000}
                value={policy.parallelism}
                onChange={(e) => setPolicy({ ...policy, parallelism: Number(e.target.value) })}
              />
            )}
          </Field>
          <Field label="Delay between batches (seconds)">
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={3600}
                value={policy.delaySeconds}
                onChange={(e) => setPolicy({ ...policy, delaySeconds: Number(e.target.value) })}
              />
            )}
          </Field>
          <Field label="On failure">
            {(p) => (
              <select
                {...p}
                value={policy.failureAction}
                onChange={(e) =>
                  setPolicy({
                    ...policy,
                    failureAction: e.target.value as UpdatePolicy['failureAction'],
                  })
                }
              >
                <option value="pause">pause</option>
                <option value="continue">continue</option>
                <option value="rollback">rollback</option>
              </select>
            )}
          </Field>
          <Field label="Order">
            {(p) => (
              <select
                {...p}
                value={policy.order}
                onChange={(e) =>
                  setPolicy({ ...policy, order: e.target.value as UpdatePolicy['order'] })
                }
              >
                <option value="stop-first">stop-first</option>
                <option value="start-first">start-first</option>
              </select>
            )}
          </Field>
        </div>
        {target && (
          <div>
            <p role="status">
              {state === 'completed' && done >= s.desired
                ? `Rollout of ${target} complete: ${done} of ${s.desired} tasks updated.`
                : `Rolling out ${target}: ${done} of ${s.desired} tasks updated${state ? ` (${state.replace('_', ' ')})` : ''}.`}
            </p>
            <progress aria-label={`Updating ${s.name}`} max={Math.max(s.desired, 1)} value={done} />
            <TasksTable engineId={engineId} filter={{ service: id }} label={s.name} />
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {target ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={!image.trim() || update.isPending}>
            Update
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveServiceDialog({
  engineId,
  s,
  onClose,
}: {
  engineId: string;
  s: ServiceSummary;
  onClose(): void;
}) {
  const remove = useSwarmAction(
    engineId,
    () => `remove ${s.name}`,
    () => call('services.remove', { engineId, id: s.id }),
    onClose,
  );
  return (
    <ConfirmDialog
      verb="Remove"
      name={s.name}
      disabled={remove.isPending}
      onConfirm={() => remove.mutate(undefined)}
      onCancel={onClose}
    >
      <p>
        Its {s.running} running {s.running === 1 ? 'task stops' : 'tasks stop'} and their containers
        are removed on every node. Volumes stay.
      </p>
    </ConfirmDialog>
  );
}
