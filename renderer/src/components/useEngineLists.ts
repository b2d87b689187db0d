import {
  useQueries,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { useEngine } from '../engine/EngineContext';
import { mergeLists, type MergedList } from './mergeLists';

export type { EngineFailure, EngineTag, MergedList, Tagged } from './mergeLists';

/** A feature's list query for one engine (its queryOptions factory). */
type ListQuery<T, K extends QueryKey> = UseQueryOptions<T[], Error, T[], K>;

/**
 * One list query per engine in view (the current engine, or every engine in All engines),
 * merged into one array of rows tagged with their engine. An engine that goes away keeps its
 * last rows, marked stale, and never holds up the others.
 */
export function useEngineLists<T extends object, K extends QueryKey>(
  query: (engineId: string) => ListQuery<T, K>,
): MergedList<T> {
  const { scope, statuses } = useEngine();
  const combine = useCallback(
    (results: UseQueryResult<T[], Error>[]) => mergeLists(scope, statuses, results),
    [scope, statuses],
  );
  return useQueries({ queries: scope.map((e) => query(e.id)), combine });
}
