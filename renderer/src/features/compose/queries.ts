import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Generic → specific: invalidating ['compose', engine] covers the list and every config. */
export const composeKeys = {
  all: (engineId: string) => ['compose', engineId] as const,
  projects: (engineId: string) => [...composeKeys.all(engineId), 'projects'] as const,
  /** Outside the engine's root: a container event does not change what compose resolves. */
  config: (engineId: string, project: string) => ['compose-config', engineId, project] as const,
  /** Which compose CLI this machine has: not per engine. */
  cli: () => ['compose-cli'] as const,
};

export const composeQueries = {
  projects: (engineId: string) =>
    queryOptions({
      queryKey: composeKeys.projects(engineId),
      queryFn: () => call('compose.projects', { engineId }),
    }),
  config: (engineId: string, project: string) =>
    queryOptions({
      queryKey: composeKeys.config(engineId, project),
      queryFn: () => call('compose.config', { engineId, project }),
      gcTime: 0,
      retry: false,
    }),
  cli: () =>
    queryOptions({
      queryKey: composeKeys.cli(),
      queryFn: () => call('compose.cli', {}),
      // Installing compose while the app runs: asked again each time the screen opens.
      staleTime: 0,
    }),
};
