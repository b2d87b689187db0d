import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Generic → specific, so invalidating ['containers', engine] covers lists and details. */
export const containerKeys = {
  all: (engineId: string) => ['containers', engineId] as const,
  list: (engineId: string) => [...containerKeys.all(engineId), 'list'] as const,
  detail: (engineId: string, id: string) => [...containerKeys.all(engineId), 'detail', id] as const,
  /** Under detail: a container's events refresh its process list too. */
};

export const containerQueries = {
  list: (engineId: string) =>
    queryOptions({
      queryKey: containerKeys.list(engineId),
      queryFn: () => call('containers.list', { engineId }),
    }),
  detail: (engineId: string, id: string) =>
    queryOptions({
      queryKey: containerKeys.detail(engineId, id),
      queryFn: () => call('containers.inspect', { engineId, id }),
    }),
};
