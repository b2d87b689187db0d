import { useEffect, useState } from 'react';

/** Routes are hashes (#/containers, later #/logs/ENGINE/ID) so every window can deep-link. */
export function useHashRoute(): string[] {
  // A query (#/run?image=…) is not part of the path: useHashQuery() reads it.
  const read = () => (location.hash.replace(/^#\/?/, '').split('?')[0] || 'containers').split('/');
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The query of the hash route (#/run?image=x → "image=x"), kept up to date. */
export function useHashQuery(): string {
  const read = () => {
    const q = location.hash.indexOf('?');
    return q < 0 ? '' : location.hash.slice(q + 1);
  };
  const [query, setQuery] = useState(read);
  useEffect(() => {
    const onChange = () => setQuery(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return query;
}
