import { useMemo, useSyncExternalStore } from 'react';

// The hash as an external store: read again when the listener is attached, so a change made
// between the first render and its effects (a test setting location.hash as soon as the page
// shows) is not lost, as it was with useState + a hashchange listener in an effect.
const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const hash = () => location.hash;
const useHash = () => useSyncExternalStore(subscribe, hash);

/** Routes are hashes (#/containers, later #/logs/ENGINE/ID) so every window can deep-link. */
export function useHashRoute(): string[] {
  const h = useHash();
  // A query (#/run?image=…) is not part of the path: useHashQuery() reads it.
  return useMemo(() => (h.replace(/^#\/?/, '').split('?')[0] || 'containers').split('/'), [h]);
}

/** The query of the hash route (#/run?image=x → "image=x"), kept up to date. */
export function useHashQuery(): string {
  const h = useHash();
  const q = h.indexOf('?');
  return q < 0 ? '' : h.slice(q + 1);
}
