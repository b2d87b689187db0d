import { useQuery } from '@tanstack/react-query';
import { swarmQueries } from './queries';

/** Tasks of one service or of one node: slot, node, desired/current state, error. */
export function TasksTable({
  engineId,
  filter,
  label,
}: {
  engineId: string;
  filter: { service?: string; node?: string };
  label: string;
}) {
  const tasks = useQuery(swarmQueries.tasks(engineId, filter));
  if (tasks.error) return <p role="alert">Could not list tasks: {tasks.error.message}</p>;
  return (
    <table aria-label={`Tasks of ${label}`} className="resource-table swarm-tasks">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Node</th>
          <th scope="col">Image</th>
          <th scope="col">Desired</th>
          <th scope="col">Current</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {(tasks.data ?? []).slice(0, 100).map((t) => (
          <tr key={t.id}>
            <th scope="row" className="name mono">
              {t.serviceName}.{t.slot ?? t.nodeName}{' '}
              <span className="small">{t.id.slice(0, 12)}</span>
            </th>
            <td>{t.nodeName || '—'}</td>
            <td className="mono small">{t.image}</td>
            <td>{t.desired}</td>
            <td>
              {t.state} <span className="small">{new Date(t.updatedAt).toLocaleTimeString()}</span>
            </td>
            <td className="small">{t.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Tasks NAME" on a service or node row: shows or hides its tasks below the row. */
export function TasksToggle({
  name,
  open,
  onToggle,
}: {
  name: string;
  open: boolean;
  onToggle(): void;
}) {
  return (
    <button type="button" className="small-button" aria-expanded={open} onClick={onToggle}>
      Tasks {name}
    </button>
  );
}

/** The row under a service or node that holds its tasks, across the whole table. */
export function TasksRow({
  colSpan,
  ...table
}: Parameters<typeof TasksTable>[0] & { colSpan: number }) {
  return (
    <tr>
      <td colSpan={colSpan}>
        <TasksTable {...table} />
      </td>
    </tr>
  );
}
