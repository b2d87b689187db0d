import { registryAuthFor, type RegistryAuth } from '../credentials/resolve';

/**
 * The one place image transfers get registry credentials: main/credentials/ resolves them (the
 * app's own logins, the docker config's credential helpers, config.json) on every pull and push,
 * so a login made a moment ago applies. Nothing is stored here.
 */
type Resolver = (imageRef: string) => Promise<RegistryAuth | undefined>;

let resolver: Resolver = registryAuthFor;

/** For callers that want a different lookup (tests, another credentials backend). */
export function setRegistryAuthResolver(fn: Resolver) {
  resolver = fn;
}

export function authFor(imageRef: string): Promise<RegistryAuth | undefined> {
  return resolver(imageRef);
}
