import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppStore,
  PlaintextRefused,
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

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'porthole-appstore-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = () =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

describe('app store', () => {
  it('keeps logins in memory only without Electron (web mode), writing nothing', async () => {
    const store = createAppStore({ dataDir: dir });
    expect(store.mode().mode).toBe('memory');
    expect(
      await store.put('r1.example.com', { username: 'a', secret: SECRET, token: false }, false),
    ).toBe('memory');
    expect(await store.get('r1.example.com')).toEqual({
      username: 'a',
      secret: SECRET,
      token: false,
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(await store.remove('r1.example.com')).toBe(true);
    expect(await store.list()).toEqual([]);
  });

  it('refuses the basic_text backend unless the user agreed', async () => {
    const store = createAppStore({ dataDir: dir, safeStorage: fakeSafeStorage('basic_text') });
    expect(store.mode().mode).toBe('plaintext-backend');
    await expect(
      store.put('r2.example.com', { username: 'a', secret: SECRET, token: false }, false),
    ).rejects.toBeInstanceOf(PlaintextRefused);
    expect(readdirSync(dir)).toEqual([]);
    expect(
      await store.put('r2.example.com', { username: 'a', secret: SECRET, token: false }, true),
    ).toBe('plaintext-backend');
    expect(written()).not.toContain(SECRET);
    expect(await store.remove('r2.example.com')).toBe(true);
  });

  it('stores encrypted with a real key store: never the secret in the file, readable back', async () => {
    const store = createAppStore({ dataDir: dir, safeStorage: fakeSafeStorage('gnome_libsecret') });
    expect(store.mode().mode).toBe('encrypted');
    await store.put('127.0.0.1:5000', { username: 'alice', secret: SECRET, token: false }, false);
    expect(written()).toContain('alice');
    expect(written()).not.toContain(SECRET);
    expect(written()).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(await store.list()).toEqual([{ registry: '127.0.0.1:5000', username: 'alice' }]);
    expect(await store.get('127.0.0.1:5000')).toEqual({
      username: 'alice',
      secret: SECRET,
      token: false,
    });
    expect(await store.remove('127.0.0.1:5000')).toBe(true);
    expect(await store.get('127.0.0.1:5000')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });
});

describe('two stores', () => {
  it('share nothing: a login kept by one core is not seen by another', async () => {
    const a = createAppStore({ dataDir: dir });
    const b = createAppStore({ dataDir: dir });
    await a.put('r3.example.com', { username: 'a', secret: SECRET, token: false }, false);
    expect(await b.get('r3.example.com')).toBeUndefined();
  });
});
