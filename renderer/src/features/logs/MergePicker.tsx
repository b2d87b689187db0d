import { useQuery } from '@tanstack/react-query';
import { containerQueries } from '../containers/queries';

/**
 * The merged timeline: tick other containers to interleave their lines with these by time.
 * The selection lives in the route (#/logs/ENGINE/ID1,ID2) so a merged window can be reopened.
 */
export function MergePicker({ engineId, ids }: { engineId: string; ids: string[] }) {
  const list = useQuery({ ...containerQueries.list(engineId), enabled: !!engineId });
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...ids, id] : ids.filter((x) => x !== id);
    if (next.length) window.location.assign(`#/logs/${engineId}/${next.join(',')}`);
  };
  return (
    <details className="merge-picker">
      <summary>Merge containers…</summary>
      <fieldset>
        <legend>Containers in this view</legend>
        {(list.data ?? []).map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              aria-label={`Include ${c.name}`}
              checked={ids.includes(c.id)}
              disabled={ids.length === 1 && ids[0] === c.id}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            {c.name}
            {c.composeProject ? ` (${c.composeProject})` : ''}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
