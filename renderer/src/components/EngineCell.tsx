import type { EngineTag, EngineFailure } from './useEngineLists';
import './engine-merge.css';

/** The Engine column of a merged table: the engine's name, and "stale" while it is away. */
export function EngineCell({ row }: { row: EngineTag }) {
  return (
    <td className="engine-cell">
      {row.engineName}
      {row.stale && (
        <span
          className="badge badge--stale"
          title={`${row.engineName} is not connected: this row shows what it had when last seen`}
        >
          stale
        </span>
      )}
    </td>
  );
}

/** Engines whose list failed while others answered: said once above the table, not hidden. */
export function EngineFailures({ failures, noun }: { failures: EngineFailure[]; noun: string }) {
  if (failures.length === 0) return null;
  return (
    <ul className="engine-failures" aria-label={`Engines whose ${noun} could not be listed`}>
      {failures.map((f) => (
        <li key={f.engine.id}>
          Could not list {noun} on {f.engine.name}: {f.error.message}
        </li>
      ))}
    </ul>
  );
}
