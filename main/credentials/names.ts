/** Registry naming lives in the contract (the renderer shows it too); these are main's extras. */
export {
  DOCKER_HUB,
  displayRegistry,
  normalizeRegistry,
  registryOf,
} from '../../contract/calls/registry-name';

/** config.json `auths[...].auth` is base64("user:password"); the password may contain ":". */
export function decodeBasicAuth(auth: string): { username: string; password: string } | undefined {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** credential helpers are executables named docker-credential-NAME on PATH; NAME is a word. */
export function isHelperName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name);
}
