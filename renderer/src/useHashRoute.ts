import { useEffect, useState } from 'react';

/** Routes are hashes (#/containers, later #/logs/ENGINE/ID) so every window can deep-link. */
export function useHashRoute(): string[] {
  const read = () => (location.hash.replace(/^#\/?/, '') || 'containers').split('/');
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
