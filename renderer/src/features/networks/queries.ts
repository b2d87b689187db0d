import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Generic → specific, so invalidating ['networks', engine] covers list, details and preview. */
export const networkKeys = {
  all: (engineId: string) => ['networks', engineId] as const,
  list: (engineId: string) => [...networkKeys.all(engineId), 'list'] as const,
  detail: (engineId: string, id: string) => [...networkKeys.all(engineId), 'detail', id] as const,
  drivers: (engineId: string) => [...networkKeys.all(engineId), 'drivers'] as const,
  prunePreview: (engineId: string) => [...networkKeys.all(engineId), 'prune-preview'] as const,
};

export const networkQueries = {
  list: (engineId: string) =>
    queryOptions({
      queryKey: networkKeys.list(engineId),
      queryFn: () => call('networks.list', { engineId }),
    }),
  detail: (engineId: string, id: string) =>
    queryOptions({
      queryKey: networkKeys.detail(engineId, id),
      queryFn: () => call('networks.inspect', { engineId, id }),
    }),
  drivers: (engineId: string) =>
    queryOptions({
      queryKey: networkKeys.drivers(engineId),
      queryFn: () => call('networks.drivers', { engineId }),
    }),
  prunePreview: (engineId: string) =>
    queryOptions({
      queryKey: networkKeys.prunePreview(engineId),
      queryFn: () => call('networks.prunePreview', { engineId }),
      gcTime: 0,
    }),
};
