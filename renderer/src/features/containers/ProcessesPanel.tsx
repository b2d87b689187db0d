import { useQuery } from '@tanstack/react-query';
import { containerQueries } from './queries';

/** `docker top`: a snapshot, refreshed on demand (processes change too fast for events). */
export function ProcessesPanel({
  engineId,
  id,
  name,
}: {
  engineId: string;
  id: string;
  name: string;
}) {
  const top = useQuery(containerQueries.top(engineId, id));
  if (top.error) return <p role="alert">Could not list processes: {top.error.message}</p>;
  if (!top.data) return <p className="empty">Loading processes…</p>;
  return (
    <>
      <button type="button" onClick={() => void top.refetch()}>
        Refresh processes
      </button>
      <table aria-label={`Processes in ${name}`} className="resource-table">
        <thead>
          <tr>
            {top.data.titles.map((t) => (
              <th key={t} scope="col">
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top.data.processes.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className="mono">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
