import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_SETTINGS, type Settings } from '../../../../contract';
import { call } from '../../api/client';

export const settingsKeys = {
  all: () => ['settings'] as const,
};

export const settingsQueries = {
  get: () =>
    queryOptions({
      queryKey: settingsKeys.all(),
      queryFn: () => call('settings.get', {}),
    }),
};

/** The saved settings; the defaults until they arrive (or when main cannot be reached). */
export function useSettings(): Settings & { loaded: boolean } {
  const q = useQuery(settingsQueries.get());
  return { ...(q.data ?? DEFAULT_SETTINGS), loaded: q.isSuccess };
}

/** Saves some fields; the cache takes what main answers (all fields, as written to disk). */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => call('settings.set', patch),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.all(), saved),
  });
}
