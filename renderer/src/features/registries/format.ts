import type { CredentialStorage, LoginSource, RegistryLogin } from '../../../../contract';
import { normalizeRegistry } from '../../../../contract';

/** How a source reads in the table. */
export function sourceLabel(
  source: LoginSource,
  login: Pick<RegistryLogin, 'helper' | 'memoryOnly'>,
) {
  switch (source) {
    case 'app':
      return login.memoryOnly ? 'Porthole (this run only)' : 'Porthole (encrypted)';
    case 'helper':
      return `credential helper ${login.helper ?? ''}`.trim();
    case 'config':
      return 'docker config.json';
  }
}

export type Destination =
  | { kind: 'helper'; helper: string }
  | { kind: 'encrypted' }
  | { kind: 'plaintext-backend' }
  | { kind: 'memory' };

/** Where a login for `registryInput` would be stored: the same choice main makes. */
export function destinationFor(storage: CredentialStorage, registryInput: string): Destination {
  const helper = storage.credHelpers[normalizeRegistry(registryInput)] ?? storage.credsStore;
  if (helper) return { kind: 'helper', helper };
  return { kind: storage.appStore };
}

/** One sentence telling the user where the secret goes, before they type it. */
export function destinationText(d: Destination): string {
  switch (d.kind) {
    case 'helper':
      return `Stored by the credential helper docker-credential-${d.helper}, named in your docker config: the docker CLI uses this login too.`;
    case 'encrypted':
      return "Stored encrypted with your system's key store in Porthole's data folder.";
    case 'plaintext-backend':
      return 'No system key store (keyring) is available: Porthole can only store this login with a publicly known key, which is as good as plaintext on disk.';
    case 'memory':
      return 'No credential helper is configured and this is web mode, which has no encrypted store: the login is kept in memory for this run only and is gone when Porthole exits.';
  }
}

/** The link another screen shows when the engine answered AUTH_REQUIRED: opens "Log in to
 * registry" prefilled with the registry (e.g. from registryOf(imageRef)). */
export function loginHref(registry: string): string {
  return `#/registries/login/${encodeURIComponent(registry)}`;
}
