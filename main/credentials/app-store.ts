import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { saveSettings } from '../fs/atomic';

/**
 * Porthole's own login store, used when the docker config names no credential helper.
 * Electron: secrets encrypted with safeStorage (the OS keychain's key) in the data dir.
 * Web mode, or no usable encryption: kept in memory for this run only. Never plaintext on disk.
 */

/** Electron's safeStorage, as createCore is handed it (web mode has none). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export type AppStoreMode =
  /** safeStorage with a real key store (keychain, DPAPI, libsecret, kwallet). */
  | 'encrypted'
  /** Linux without a keyring: Electron's `basic_text` uses a fixed, public key. */
  | 'plaintext-backend'
  /** Web mode or encryption unavailable: this run only. */
  | 'memory';

export interface StoredLogin {
  username: string;
  secret: string;
  /** The secret is an identity token from the registry rather than a password. */
  token: boolean;
}

interface FileEntry {
  username: string;
  /** base64 of safeStorage's ciphertext */
  secret: string;
  token: boolean;
  backend: string;
}
type FileShape = { version: 1; logins: Record<string, FileEntry> };

export class PlaintextRefused extends Error {
  constructor() {
    super('No OS keyring is available, so the login would be stored with a publicly known key.');
  }
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(opts: {
  dataDir: string;
  safeStorage?: SafeStorageLike | undefined;
}) {
  const safe = opts.safeStorage;
  const memory = new Map<string, StoredLogin>();
  const filePath = join(opts.dataDir, 'registry-logins.json');

  const mode = (): { mode: AppStoreMode; backend: string | null } => {
    if (!safe || !safe.isEncryptionAvailable()) return { mode: 'memory', backend: null };
    const backend = safe.getSelectedStorageBackend?.() ?? 'os';
    return { mode: backend === 'basic_text' ? 'plaintext-backend' : 'encrypted', backend };
  };
  const usable = () => (mode().mode === 'memory' ? undefined : safe);

  const readFileStore = async (): Promise<FileShape> => {
    try {
      const parsed = JSON.parse(await readFile(filePath, 'utf8')) as Partial<FileShape>;
      if (parsed.version === 1 && parsed.logins && typeof parsed.logins === 'object') {
        return { version: 1, logins: parsed.logins };
      }
    } catch {
      // missing or unreadable: no stored logins
    }
    return { version: 1, logins: {} };
  };

  const writeFileStore = (data: FileShape) =>
    saveSettings(filePath, JSON.stringify(data, null, 2) + '\n', 'the registry logins', 0o600);

  return {
    mode,

    async list(): Promise<{ registry: string; username: string }[]> {
      const out = [...memory].map(([registry, l]) => ({ registry, username: l.username }));
      if (usable()) {
        for (const [registry, e] of Object.entries((await readFileStore()).logins)) {
          if (!memory.has(registry)) out.push({ registry, username: e.username });
        }
      }
      return out;
    },

    async get(registry: string): Promise<StoredLogin | undefined> {
      const inMemory = memory.get(registry);
      if (inMemory) return inMemory;
      const s = usable();
      if (!s) return undefined;
      const entry = (await readFileStore()).logins[registry];
      if (!entry) return undefined;
      try {
        const secret = s.decryptString(Buffer.from(entry.secret, 'base64'));
        return { username: entry.username, secret, token: entry.token };
      } catch {
        // Encrypted under another OS user's key or a reset keyring: as good as logged out.
        return undefined;
      }
    },

    /**
     * Stores a login. `allowPlaintext` is the user's explicit consent to the basic_text backend;
     * without it we refuse rather than write something anyone could decrypt.
     */
    async put(
      registry: string,
      login: StoredLogin,
      allowPlaintext: boolean,
    ): Promise<AppStoreMode> {
      const { mode: m, backend } = mode();
      if (m === 'memory' || !safe) {
        memory.set(registry, login);
        return 'memory';
      }
      if (m === 'plaintext-backend' && !allowPlaintext) throw new PlaintextRefused();
      const data = await readFileStore();
      data.logins[registry] = {
        username: login.username,
        secret: safe.encryptString(login.secret).toString('base64'),
        token: login.token,
        backend: backend ?? 'os',
      };
      await writeFileStore(data);
      memory.delete(registry);
      return m;
    },

    async remove(registry: string): Promise<boolean> {
      const hadMemory = memory.delete(registry);
      if (!usable()) return hadMemory;
      const data = await readFileStore();
      if (!(registry in data.logins)) return hadMemory;
      delete data.logins[registry];
      await writeFileStore(data);
      return true;
    },
  };
}
