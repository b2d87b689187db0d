import type Docker from 'dockerode';
import type { CredentialStorage, LoginSource, RegistryLogin, StoredIn } from '../../contract';
import { checkRegistryAuth } from '../engine/registries';
import { fail } from '../engine/errors';
import type { Logger } from '../log';
import type { AppStore } from './app-store';
import {
  configLogins,
  dockerConfigPath,
  helperFor,
  readDockerConfig,
  removeConfigAuth,
  type DockerConfig,
} from './docker-config';
import { HelperError, helperErase, helperList, helperStore } from './helper';
import { displayRegistry, normalizeRegistry } from './names';
import { TOKEN_USERNAME } from './resolve';

const TOKEN_LABEL = '(identity token)';

/** Every helper the config names, with the registries it answers for (undefined: all others). */
function helpersOf(config: DockerConfig): Map<string, Set<string> | undefined> {
  const out = new Map<string, Set<string> | undefined>();
  for (const [registry, helper] of Object.entries(config.credHelpers)) {
    const set = out.get(helper) ?? new Set<string>();
    set.add(registry);
    out.set(helper, set);
  }
  if (config.credsStore) out.set(config.credsStore, undefined);
  return out;
}

/** The logins from all three sources, one row per registry, sources in lookup order. */
export async function listLogins(store: AppStore): Promise<{
  logins: RegistryLogin[];
  storage: CredentialStorage;
}> {
  const config = await readDockerConfig();
  const rows = new Map<string, RegistryLogin>();
  const add = (registry: string, username: string, source: LoginSource, helper?: string) => {
    const row = rows.get(registry);
    if (row) {
      if (!row.sources.includes(source)) row.sources.push(source);
      if (helper && !row.helper) row.helper = helper;
      return;
    }
    rows.set(registry, {
      registry,
      username: username === TOKEN_USERNAME ? TOKEN_LABEL : username,
      sources: [source],
      memoryOnly: false,
      ...(helper ? { helper } : {}),
    });
  };

  const memoryOnly = store.mode().mode === 'memory';
  for (const l of await store.list()) {
    add(l.registry, l.username, 'app');
    rows.get(l.registry)!.memoryOnly = memoryOnly;
  }
  const problems: string[] = [];
  for (const [helper, only] of helpersOf(config)) {
    let listed: Record<string, string>;
    try {
      listed = await helperList(helper);
    } catch (e) {
      problems.push(e instanceof HelperError ? e.message : `${helper}: ${String(e)}`);
      continue;
    }
    for (const [url, username] of Object.entries(listed)) {
      const registry = normalizeRegistry(url);
      // A registry with its own credHelpers entry is answered by that helper, not credsStore.
      const owner = helperFor(config, registry);
      if (owner !== helper || (only && !only.has(registry))) continue;
      add(registry, username, 'helper', helper);
    }
  }
  for (const l of configLogins(config)) {
    add(l.registry, l.identitytoken ? TOKEN_USERNAME : l.username, 'config');
  }

  const logins = [...rows.values()].sort((a, b) =>
    displayRegistry(a.registry).localeCompare(displayRegistry(b.registry)),
  );
  return {
    logins,
    storage: {
      configPath: dockerConfigPath(),
      credsStore: config.credsStore ?? null,
      credHelpers: config.credHelpers,
      appStore: store.mode().mode,
      problems,
    },
  };
}

const PLAINTEXT_REFUSED =
  'No OS keyring is available (Electron would use its "basic_text" store, whose key is public), ' +
  'so the password would be as good as plaintext on disk. Tick "Store without a keyring" to accept ' +
  'that, or install a keyring (GNOME Keyring, KWallet) or a docker credential helper.';

export interface LoginInput {
  registry: string;
  username: string;
  password: string;
  allowPlaintext?: boolean;
}

/**
 * Checks the credentials with the engine, then stores them: in the docker config's credential
 * helper when it names one (so the CLI sees the login), else in the app's own store.
 */
export async function login(
  store: AppStore,
  log: Logger,
  docker: Docker,
  input: LoginInput,
): Promise<{ registry: string; storedIn: StoredIn; helper?: string }> {
  const registry = normalizeRegistry(input.registry);
  const config = await readDockerConfig();
  const helper = helperFor(config, registry);
  if (!helper && store.mode().mode === 'plaintext-backend' && !input.allowPlaintext) {
    fail('INVALID_INPUT', PLAINTEXT_REFUSED);
  }

  const { identityToken } = await checkRegistryAuth(docker, {
    username: input.username,
    password: input.password,
    serveraddress: registry,
  });
  // Like the CLI: a registry's identity token replaces the password in storage.
  const secret = identityToken ?? input.password;
  const token = identityToken !== undefined;

  if (helper) {
    try {
      await helperStore(helper, registry, {
        username: token ? TOKEN_USERNAME : input.username,
        secret,
      });
    } catch (e) {
      fail(
        'INTERNAL',
        `Could not store the login with docker-credential-${helper}: ${(e as Error).message}`,
        `config.json (${dockerConfigPath()}) names this helper; install it or remove "credsStore"/"credHelpers" there.`,
      );
    }
    // An older copy in the app's store would shadow the helper's (lookup order): drop it.
    await store.remove(registry);
    log.info(`logged in to ${displayRegistry(registry)}; stored by docker-credential-${helper}`);
    return { registry, storedIn: 'helper', helper };
  }
  const storedIn = await store.put(
    registry,
    { username: input.username, secret, token },
    input.allowPlaintext === true,
  );
  log.info(`logged in to ${displayRegistry(registry)}; stored in the app (${storedIn})`);
  return { registry, storedIn };
}

/**
 * Removes a registry's login from the app's store and the credential helper; from config.json
 * (written by the CLI) only when the user said so.
 */
export async function logout(
  store: AppStore,
  log: Logger,
  registryInput: string,
  removeConfigEntry: boolean,
): Promise<{ removed: LoginSource[] }> {
  const registry = normalizeRegistry(registryInput);
  const removed: LoginSource[] = [];
  if (await store.remove(registry)) removed.push('app');

  const config = await readDockerConfig();
  const helper = helperFor(config, registry);
  if (helper) {
    const keys = Object.keys(await helperList(helper)).filter(
      (k) => normalizeRegistry(k) === registry,
    );
    for (const key of keys) await helperErase(helper, key);
    if (keys.length) removed.push('helper');
  }

  const inConfig = configLogins(config).some((l) => l.registry === registry);
  if (inConfig && removeConfigEntry && (await removeConfigAuth(registry)) > 0) {
    removed.push('config');
  }
  if (inConfig && !removeConfigEntry && removed.length === 0) {
    fail(
      'CONFLICT',
      `The login for ${displayRegistry(registry)} was made with the docker CLI and is in ${dockerConfigPath()}.`,
      'Choose to remove it from the docker config too, or run `docker logout` yourself.',
    );
  }
  if (removed.length)
    log.info(`logged out of ${displayRegistry(registry)} (${removed.join(', ')})`);
  return { removed };
}
