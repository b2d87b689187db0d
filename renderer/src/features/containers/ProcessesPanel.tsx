import { useEffect, useRef, useState } from 'react';
import type { ContainerTop } from '../../../../contract';
import { subscribe, type Stream } from '../../api/client';

const PACES = [
  { ms: 1000, label: 'Every second' },
  { ms: 5000, label: 'Every 5 seconds' },
  { ms: 30000, label: 'Every 30 seconds' },
];

/**
 * `docker top`, live: one stream while the panel is open; the pace travels on the stream itself
 * (a control message), and closing the panel stops main asking the engine.
 */
export function ProcessesPanel({
  engineId,
  id,
  name,
}: {
  engineId: string;
  id: string;
  name: string;
}) {
  const key = `${engineId}/${id}`;
  // What the stream said, for the container it was opened for (a new container starts empty).
  const [seen, setSeen] = useState<{ key: string; top?: ContainerTop; error?: string }>({ key });
  const stream = useRef<Stream<'containers.processes'> | undefined>(undefined);
  const [pace, setPace] = useState(1000);

  useEffect(() => {
    const k = `${engineId}/${id}`;
    const s = subscribe(
      'containers.processes',
      { engineId, id },
      (top) => setSeen({ key: k, top }),
      (e) => e && setSeen({ key: k, error: e.message }),
    );
    stream.current = s;
    return () => s.close();
  }, [engineId, id]);

  const { top, error } = seen.key === key ? seen : {};
  if (error) return <p role="alert">Could not list processes: {error}</p>;
  if (!top) return <p className="empty">Loading processes…</p>;
  return (
    <>
      <label className="processes-pace">
        Refresh{' '}
        <select
          value={pace}
          onChange={(e) => {
            const ms = Number(e.target.value);
            setPace(ms);
            stream.current?.control({ kind: 'interval', ms });
          }}
        >
          {PACES.map((p) => (
            <option key={p.ms} value={p.ms}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <table aria-label={`Processes in ${name}`} className="resource-table">
        <thead>
          <tr>
            {top.titles.map((t) => (
              <th key={t} scope="col">
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top.processes.map((row, i) => (
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
