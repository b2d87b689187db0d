import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Logins belong to registries, not engines: one key for every engine. */
export const registryKeys = {
  all: () => ['registries'] as const,
  list: () => [...registryKeys.all(), 'list'] as const,
};

export const registryQueries = {
  list: () =>
    queryOptions({
      queryKey: registryKeys.list(),
      queryFn: () => call('registries.list', {}),
      // A `docker login` in a terminal changes the sources behind our back; the engine has no
      // event for it, so re-read when the user comes back to the window or the screen.
      refetchOnWindowFocus: true,
      refetchOnMount: 'always',
    }),
};
