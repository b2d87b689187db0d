import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Generic → specific: invalidating ['system', engine] refreshes the summary and disk usage. */
export const systemKeys = {
  all: (engineId: string) => ['system', engineId] as const,
  info: (engineId: string) => [...systemKeys.all(engineId), 'info'] as const,
  df: (engineId: string) => [...systemKeys.all(engineId), 'df'] as const,
  prunePreview: (engineId: string) => [...systemKeys.all(engineId), 'prune-preview'] as const,
};

export const systemQueries = {
  info: (engineId: string) =>
    queryOptions({
      queryKey: systemKeys.info(engineId),
      queryFn: ({ signal }) => call('system.info', { engineId }, { signal }),
    }),
  df: (engineId: string) =>
    queryOptions({
      queryKey: systemKeys.df(engineId),
      queryFn: ({ signal }) => call('system.df', { engineId }, { signal }),
    }),
  prunePreview: (engineId: string) =>
    queryOptions({
      queryKey: systemKeys.prunePreview(engineId),
      queryFn: ({ signal }) => call('system.prunePreview', { engineId }, { signal }),
      // A preview is a promise about what goes: always fresh when the dialog opens.
      staleTime: 0,
      gcTime: 0,
    }),
};
