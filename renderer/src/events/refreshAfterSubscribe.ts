import type { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from './event-keys';

/** Once no query under `queryKey` is fetching. */
function noFetchInFlight(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  return new Promise<void>((resolve) => {
    if (queryClient.isFetching({ queryKey }) === 0) return resolve();
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching({ queryKey }) > 0) return;
      stop();
      resolve();
    });
  });
}

/**
 * An engine's events subscription was just sent. What the engine reported before main had it
 * will not come on it, so what is cached under `keys` (the page's first list, one in flight,
 * one cached while another engine was in view) may lack those changes: each is asked again,
 * after it. A fetch in flight is not cancelled for that (the page's first list would come
 * later): the key is invalidated once it has landed. Main answers a container list from its
 * copy, reading again only the rows those events changed. Returns: stop (the engine left view).
 */
export function refreshAfterSubscribe(
  queryClient: QueryClient,
  keys: readonly QueryKey[],
): () => void {
  let stopped = false;
  for (const queryKey of keys) {
    void noFetchInFlight(queryClient, queryKey).then(() =>
      stopped ? undefined : queryClient.invalidateQueries({ queryKey }),
    );
  }
  return () => {
    stopped = true;
  };
}
