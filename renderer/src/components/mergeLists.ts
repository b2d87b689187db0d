import type { UseQueryResult } from '@tanstack/react-query';
import type { EngineInfo, EngineStatus } from '../../../contract';

/** Which engine a merged row came from, and whether that engine can be trusted right now. */
export interface EngineTag {
  engineId: string;
  engineName: string;
  /** The engine is not connected (or its last refresh failed): the row may be out of date. */
  stale: boolean;
}
export type Tagged<T> = T & EngineTag;

export interface EngineFailure {
  engine: EngineInfo;
  error: Error;
}

export interface MergedList<T> {
  /** Every engine's rows that have loaded; undefined while none has (or all failed). */
  data: Tagged<T>[] | undefined;
  /** Set only when no engine gave data: what ScreenBody shows instead of the table. */
  error: Error | null;
  isPending: boolean;
  /** More than one engine in view: tables show an Engine column. */
  multi: boolean;
  /** Engines whose list failed while others answered. */
  failures: EngineFailure[];
}

// Tagged copies are made once per (list answer, engine name, staleness): memoised rows keep
// their props when another engine's list changes.
const tagged = new WeakMap<object, Map<string, unknown[]>>();

function tag<T extends object>(rows: T[], t: EngineTag): Tagged<T>[] {
  const byTag = tagged.get(rows) ?? new Map<string, unknown[]>();
  tagged.set(rows, byTag);
  const key = `${t.engineId}\u0000${t.engineName}\u0000${t.stale}`;
  const hit = byTag.get(key) as Tagged<T>[] | undefined;
  if (hit) return hit;
  const out = rows.map((r) => ({ ...r, ...t }));
  byTag.set(key, out);
  return out;
}

/**
 * The merge of every engine's list answer, in the order of `scope`: rows tagged with their
 * engine, stale when the engine is not connected or its last refresh failed. Pure.
 */
export function mergeLists<T extends object>(
  scope: EngineInfo[],
  statuses: Record<string, EngineStatus>,
  results: Pick<UseQueryResult<T[], Error>, 'data' | 'error' | 'isPending' | 'isError'>[],
): MergedList<T> {
  const parts: Tagged<T>[][] = [];
  const errors: EngineFailure[] = [];
  results.forEach((r, i) => {
    const engine = scope[i]!;
    if (r.error) errors.push({ engine, error: r.error });
    if (!r.data) return;
    const connected = (statuses[engine.id] ?? engine.status).state === 'connected';
    const stale = !connected || r.isError;
    parts.push(tag(r.data, { engineId: engine.id, engineName: engine.name, stale }));
  });
  const loaded = parts.length > 0;
  return {
    data: loaded ? parts.flat() : undefined,
    // With rows in hand, failures are listed above the table; without, the screen shows one.
    error: loaded ? null : (errors[0]?.error ?? null),
    isPending: !loaded && results.some((r) => r.isPending),
    multi: scope.length > 1,
    failures: loaded ? errors : [],
  };
}
