import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '../app';

/**
 * Porthole's own login store, used when the docker config names no credential helper.
 * Electron: secrets encrypted with safeStorage (the OS keychain's key) in the data dir.
 * Web mode, or no usable encryption: kept in memory for this run only. Never plaintext on disk.
 */

/** What electron-main hands us: Electron's safeStorage, without importing electron here (web
 * mode's bundle must not load it). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

let safe: SafeStorageLike | undefined;

/** Called once by electron-main after `app` is ready. */
export function setSafeStorage(s: SafeStorageLike) {
  safe = s;
}

export type AppStoreMode =
  /** safeStorage with a real key store (keychain, DPAPI, libsecret, kwallet). */
  | 'encrypted'
  /** Linux without a keyring: Electron's `basic_text` uses a fixed, public key. */
  | 'plaintext-backend'
  /** Web mode or encryption unavailable: this run only. */
  | 'memory';

export function appStoreMode(): { mode: AppStoreMode; backend: string | null } {
  if (!safe || !process.versions.electron || !safe.isEncryptionAvailable()) {
    return { mode: 'memory', backend: null };
  }
  const backend = safe.getSelectedStorageBackend?.() ?? 'os';
  return { mode: backend === 'basic_text' ? 'plaintext-backend' : 'encrypted', backend };
}

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

const memory = new Map<string, StoredLogin>();
const filePath = () => join(dataDir(), 'registry-logins.json');

async function readFileStore(): Promise<FileShape> {
  try {
    const parsed = JSON.parse(await readFile(filePath(), 'utf8')) as Partial<FileShape>;
    if (parsed.version === 1 && parsed.logins && typeof parsed.logins === 'object') {
      return { version: 1, logins: parsed.logins };
    }
  } catch {
    // missing or unreadable: no stored logins
  }
  return { version: 1, logins: {} };
}

async function writeFileStore(data: FileShape) {
  const path = filePath();
  await mkdir(dataDir(), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  await rename(tmp, path);
}

function usable(): SafeStorageLike | undefined {
  return appStoreMode().mode === 'memory' ? undefined : safe;
}

export async function appStoreList(): Promise<{ registry: string; username: string }[]> {
  const out = [...memory].map(([registry, l]) => ({ registry, username: l.username }));
  if (usable()) {
    for (const [registry, e] of Object.entries((await readFileStore()).logins)) {
      if (!memory.has(registry)) out.push({ registry, username: e.username });
    }
  }
  return out;
}

export async function appStoreGet(registry: string): Promise<StoredLogin | undefined> {
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
}

/**
 * Stores a login. `allowPlaintext` is the user's explicit consent to the basic_text backend;
 * without it we refuse rather than write something anyone could decrypt.
 */
export async function appStorePut(
  registry: string,
  login: StoredLogin,
  allowPlaintext: boolean,
): Promise<'encrypted' | 'plaintext-backend' | 'memory'> {
  const { mode, backend } = appStoreMode();
  if (mode === 'memory' || !safe) {
    memory.set(registry, login);
    return 'memory';
  }
  if (mode === 'plaintext-backend' && !allowPlaintext) throw new PlaintextRefused();
  const data = await readFileStore();
  data.logins[registry] = {
    username: login.username,
    secret: safe.encryptString(login.secret).toString('base64'),
    token: login.token,
    backend: backend ?? 'os',
  };
  await writeFileStore(data);
  memory.delete(registry);
  return mode;
}

export async function appStoreRemove(registry: string): Promise<boolean> {
  const hadMemory = memory.delete(registry);
  if (!usable()) return hadMemory;
  const data = await readFileStore();
  if (!(registry in data.logins)) return hadMemory;
  delete data.logins[registry];
  await writeFileStore(data);
  return true;
}

export class PlaintextRefused extends Error {
  constructor() {
    super('No OS keyring is available, so the login would be stored with a publicly known key.');
  }
}
