import { queryOptions } from '@tanstack/react-query';
import type { PruneMode } from '../../../../contract';
import { call } from '../../api/client';

/** Generic → specific, so the events hub's ['images', engine] covers lists and details. */
export const imageKeys = {
  all: (engineId: string) => ['images', engineId] as const,
  list: (engineId: string) => [...imageKeys.all(engineId), 'list'] as const,
  detail: (engineId: string, id: string) => [...imageKeys.all(engineId), 'detail', id] as const,
  history: (engineId: string, id: string) => [...imageKeys.all(engineId), 'history', id] as const,
  prunePreview: (engineId: string, mode: PruneMode) =>
    [...imageKeys.all(engineId), 'prune-preview', mode] as const,
};

export const imageQueries = {
  list: (engineId: string) =>
    queryOptions({
      queryKey: imageKeys.list(engineId),
      queryFn: () => call('images.list', { engineId }),
    }),
  detail: (engineId: string, id: string) =>
    queryOptions({
      queryKey: imageKeys.detail(engineId, id),
      queryFn: () => call('images.inspect', { engineId, id }),
    }),
  prunePreview: (engineId: string, mode: PruneMode) =>
    queryOptions({
      queryKey: imageKeys.prunePreview(engineId, mode),
      queryFn: () => call('images.prunePreview', { engineId, mode }),
    }),
  history: (engineId: string, id: string) =>
    queryOptions({
      queryKey: imageKeys.history(engineId, id),
      queryFn: () => call('images.history', { engineId, id }),
    }),
};
