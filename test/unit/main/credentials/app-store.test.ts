import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appStoreGet,
  appStoreList,
  appStoreMode,
  appStorePut,
  appStoreRemove,
  PlaintextRefused,
  setSafeStorage,
  type SafeStorageLike,
} from '../../../../main/credentials/app-store';

// Electron's safeStorage cannot run under vitest; this stand-in encrypts reversibly (so a grep
// for the secret in what was written must come up empty) and reports a chosen backend.
function fakeSafeStorage(backend: string): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), flip(Buffer.from(plain))]),
    decryptString: (enc) => {
      if (enc.subarray(0, 3).toString() !== 'v10') throw new Error('not ours');
      return flip(enc.subarray(3)).toString();
    },
    getSelectedStorageBackend: () => backend,
  };
}

const SECRET = 'hunter2-very-secret';
let dir: string;
const savedDir = process.env.PORTHOLE_DATA_DIR;
const hadElectron = 'electron' in process.versions;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'porthole-appstore-'));
  process.env.PORTHOLE_DATA_DIR = dir;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (savedDir === undefined) delete process.env.PORTHOLE_DATA_DIR;
  else process.env.PORTHOLE_DATA_DIR = savedDir;
  if (!hadElectron) delete (process.versions as Record<string, string>).electron;
});

const written = () =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

describe('app store', () => {
  it('keeps logins in memory only without Electron (web mode), writing nothing', async () => {
    expect(appStoreMode().mode).toBe('memory');
    expect(
      await appStorePut('r1.example.com', { username: 'a', secret: SECRET, token: false }, false),
    ).toBe('memory');
    expect(await appStoreGet('r1.example.com')).toEqual({
      username: 'a',
      secret: SECRET,
      token: false,
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(await appStoreRemove('r1.example.com')).toBe(true);
    expect(await appStoreList()).toEqual([]);
  });

  it('refuses the basic_text backend unless the user agreed', async () => {
    (process.versions as Record<string, string>).electron = '99.0.0';
    setSafeStorage(fakeSafeStorage('basic_text'));
    expect(appStoreMode().mode).toBe('plaintext-backend');
    await expect(
      appStorePut('r2.example.com', { username: 'a', secret: SECRET, token: false }, false),
    ).rejects.toBeInstanceOf(PlaintextRefused);
    expect(readdirSync(dir)).toEqual([]);
    expect(
      await appStorePut('r2.example.com', { username: 'a', secret: SECRET, token: false }, true),
    ).toBe('plaintext-backend');
    expect(written()).not.toContain(SECRET);
    expect(await appStoreRemove('r2.example.com')).toBe(true);
  });

  it('stores encrypted with a real key store: never the secret in the file, readable back', async () => {
    setSafeStorage(fakeSafeStorage('gnome_libsecret'));
    expect(appStoreMode().mode).toBe('encrypted');
    await appStorePut('127.0.0.1:5000', { username: 'alice', secret: SECRET, token: false }, false);
    expect(written()).toContain('alice');
    expect(written()).not.toContain(SECRET);
    expect(written()).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(await appStoreList()).toEqual([{ registry: '127.0.0.1:5000', username: 'alice' }]);
    expect(await appStoreGet('127.0.0.1:5000')).toEqual({
      username: 'alice',
      secret: SECRET,
      token: false,
    });
    expect(await appStoreRemove('127.0.0.1:5000')).toBe(true);
    expect(await appStoreGet('127.0.0.1:5000')).toBeUndefined();
    expect(await appStoreList()).toEqual([]);
  });
});
