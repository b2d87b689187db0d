/**
 * Registry names as the docker CLI spells them, so a login made in Porthole and one made with
 * `docker login` land under the same key (config.json `auths`, credential helpers). Pure: the
 * renderer shows the same normalization the router applies.
 */

/** Docker Hub's index server name: the key `docker login` (no argument) stores under. */
export const DOCKER_HUB = 'https://index.docker.io/v1/';

const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/;
const IPV6 = /^\[[0-9a-f:.]+\](?::\d{1,5})?$/;

/**
 * One key per registry: the CLI's `ConvertToHostname` (drop scheme and path) plus Docker Hub's
 * aliases mapped to its index server name. Empty input means Docker Hub, like `docker login`.
 */
export function normalizeRegistry(input: string): string {
  let host = input.trim().replace(/^https?:\/\//i, '');
  host = (host.split('/')[0] ?? '').toLowerCase();
  if (host === '' || HUB_ALIASES.has(host)) return DOCKER_HUB;
  return host;
}

/** Why a registry address is unusable, or undefined when it is fine. */
export function registryProblem(input: string): string | undefined {
  if (input.length > 512) return 'A registry address is at most 512 characters.';
  const key = normalizeRegistry(input);
  if (key === DOCKER_HUB || HOST.test(key) || IPV6.test(key)) return undefined;
  return `"${input.trim()}" is not a registry address: use host or host:port, e.g. registry.example.com:5000.`;
}

/**
 * The registry an image reference pulls from. The first path component is a host when it
 * contains "." or ":" or is "localhost" (the rule of distribution/reference); otherwise Docker Hub.
 */
export function registryOf(imageRef: string): string {
  const slash = imageRef.indexOf('/');
  if (slash < 0) return DOCKER_HUB;
  const first = imageRef.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') {
    return normalizeRegistry(first);
  }
  return DOCKER_HUB;
}

/** A registry as people read it: "docker.io" rather than the index URL. */
export function displayRegistry(registry: string): string {
  return registry === DOCKER_HUB ? 'docker.io' : registry;
}
