import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Generic → specific, so invalidating ['volumes', engine] covers the list and the preview. */
export const volumeKeys = {
  all: (engineId: string) => ['volumes', engineId] as const,
  list: (engineId: string) => [...volumeKeys.all(engineId), 'list'] as const,
  prunePreview: (engineId: string) => [...volumeKeys.all(engineId), 'prune-preview'] as const,
  /**
   * Deliberately outside the ['volumes', engine] root: sizes come from the expensive disk-usage
   * call (loaded on demand, never on each list refresh), and a folder listing runs a helper
   * container whose own mount events would otherwise trigger a new listing, forever.
   */
  sizes: (engineId: string) => ['volume-sizes', engineId] as const,
  files: (engineId: string, name: string, path: string) =>
    ['volume-files', engineId, name, path] as const,
};

export const volumeQueries = {
  list: (engineId: string) =>
    queryOptions({
      queryKey: volumeKeys.list(engineId),
      queryFn: () => call('volumes.list', { engineId }),
    }),
  sizes: (engineId: string) =>
    queryOptions({
      queryKey: volumeKeys.sizes(engineId),
      queryFn: () => call('volumes.sizes', { engineId }),
      staleTime: Infinity,
    }),
  prunePreview: (engineId: string) =>
    queryOptions({
      queryKey: volumeKeys.prunePreview(engineId),
      queryFn: () => call('volumes.prunePreview', { engineId }),
      gcTime: 0,
    }),
  files: (engineId: string, name: string, path: string) =>
    queryOptions({
      queryKey: volumeKeys.files(engineId, name, path),
      queryFn: () => call('volumes.browse', { engineId, name, path }),
      gcTime: 0,
      retry: false,
    }),
};
