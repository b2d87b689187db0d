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
  files: (engineId: string, name: string, path: string, helperImage = '') =>
    ['volume-files', engineId, name, helperImage, path] as const,
  helper: (engineId: string) => ['volume-helper', engineId] as const,
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
  /** `path` as the tree has it ("/logs"); the call takes it relative to the volume's root. */
  files: (engineId: string, name: string, path: string, helperImage: string) =>
    queryOptions({
      queryKey: volumeKeys.files(engineId, name, path, helperImage),
      queryFn: () =>
        call('volumes.browse', { engineId, name, path: path.replace(/^\/+/, ''), helperImage }),
      gcTime: 0,
      retry: false,
      staleTime: Infinity,
    }),
  helper: (engineId: string) =>
    queryOptions({
      queryKey: volumeKeys.helper(engineId),
      queryFn: () => call('volumes.helper', { engineId }),
      gcTime: 0,
    }),
};
