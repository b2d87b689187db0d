import type { Logger } from '../log';
import type { AppStore } from './app-store';
import { configLogins, helperFor, readDockerConfig } from './docker-config';
import { helperGet, helperList } from './helper';
import { normalizeRegistry, registryOf } from './names';

export { registryOf } from './names';

/** What the engine wants in X-Registry-Auth (and in /auth). */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
  /** Set instead of a password when the registry handed out an identity (refresh) token. */
  identitytoken?: string;
}

/** credential helpers mark an identity token with this username (docker CLI convention). */
export const TOKEN_USERNAME = '<token>';

export function toAuth(
  serveraddress: string,
  username: string,
  secret: string,
  token: boolean,
): RegistryAuth {
  return token || username === TOKEN_USERNAME
    ? { username: '', password: '', serveraddress, identitytoken: secret }
    : { username, password: secret, serveraddress };
}

/** A helper's get for one registry, also trying the keys it lists under another spelling
 * ("https://host/" vs "host"), as the CLI's config lookup does. */
export async function helperCredentials(helper: string, registry: string) {
  const direct = await helperGet(helper, registry);
  if (direct) return direct;
  const keys = Object.keys(await helperList(helper)).filter(
    (k) => k !== registry && normalizeRegistry(k) === registry,
  );
  for (const key of keys) {
    const found = await helperGet(helper, key);
    if (found) return found;
  }
  return undefined;
}

/** Looks up what to send with a pull, push or run: built once per core from its store. */
export type AuthResolver = (imageRef: string) => Promise<RegistryAuth | undefined>;

/**
 * The credentials to send with a pull, push or run of `imageRef`: the app's own store first, then
 * the docker config's credential helper (credHelpers, then credsStore), then config.json `auths`.
 * Undefined when none is known (anonymous pull).
 */
export function createAuthResolver(store: AppStore, log: Logger): AuthResolver {
  return async (imageRef) => {
    const registry = registryOf(imageRef);
    const own = await store.get(registry);
    if (own) return toAuth(registry, own.username, own.secret, own.token);

    const config = await readDockerConfig();
    const helper = helperFor(config, registry);
    if (helper) {
      try {
        const found = await helperCredentials(helper, registry);
        if (found) return toAuth(registry, found.username, found.secret, false);
      } catch (e) {
        // Fall through to config.json like the CLI's file store; the message has no secret.
        log.info(`credential helper ${helper}: ${(e as Error).message}`);
      }
    }

    const entry = configLogins(config).find((l) => l.registry === registry);
    if (entry) {
      return entry.identitytoken
        ? toAuth(registry, entry.username, entry.identitytoken, true)
        : toAuth(registry, entry.username, entry.password, false);
    }
    return undefined;
  };
}
