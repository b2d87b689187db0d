import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  hostFieldMatches,
  keyTypeOf,
  knownHostsLine,
  knownTypes,
  verifyHostKey,
} from '../../../../../main/engine/ssh-known-hosts';

/** An ed25519 public key in SSH wire format, as a server presents it. */
function edKey(): { type: string; blob: Buffer } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return { type: 'ssh-ed25519', blob: Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]) };
}

const line = (hosts: string, k: { type: string; blob: Buffer }) =>
  `${hosts} ${k.type} ${k.blob.toString('base64')}`;

function hashed(token: string): string {
  const salt = Buffer.from('0123456789abcdefghij');
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(token).digest('base64')}`;
}

describe('known_hosts verification', () => {
  const key = edKey();
  const other = edKey();

  it('reads the key type from the wire blob and prints ssh-keygen’s fingerprint', () => {
    expect(keyTypeOf(key.blob)).toBe('ssh-ed25519');
    expect(fingerprintOf(key.blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('trusts only a line naming this host (and port) with exactly this key', () => {
    const text = `# comment\n${line('build.example', key)}\n${line('[10.0.0.1]:2222', other)}\n`;
    expect(verifyHostKey(text, 'build.example', 22, key)).toEqual({ state: 'trusted' });
    expect(verifyHostKey(text, 'BUILD.example', 22, key).state).toBe('trusted');
    expect(verifyHostKey(text, '10.0.0.1', 2222, other).state).toBe('trusted');
    // Same host, other port: a different entry (unknown), as for ssh.
    expect(verifyHostKey(text, 'build.example', 2222, key).state).toBe('unknown');
    expect(verifyHostKey('', 'build.example', 22, key)).toEqual({
      state: 'unknown',
      fingerprint: fingerprintOf(key.blob),
    });
  });

  it('reports a changed key of the same type, with the line it contradicts', () => {
    const text = `${line('a.example', other)}\n${line('build.example', other)}\n`;
    expect(verifyHostKey(text, 'build.example', 22, key)).toEqual({
      state: 'changed',
      fingerprint: fingerprintOf(key.blob),
      line: 2,
    });
  });

  it('matches hashed names (HashKnownHosts), including [host]:port', () => {
    const text = `${line(hashed('build.example'), key)}\n${line(hashed('[127.0.0.1]:2200'), other)}\n`;
    expect(verifyHostKey(text, 'build.example', 22, key).state).toBe('trusted');
    expect(verifyHostKey(text, '127.0.0.1', 2200, other).state).toBe('trusted');
    expect(verifyHostKey(text, '127.0.0.1', 2200, key).state).toBe('changed');
    expect(verifyHostKey(text, 'other.example', 22, key).state).toBe('unknown');
  });

  it('honours patterns, negations and @revoked; skips @cert-authority', () => {
    expect(hostFieldMatches('*.example,!secret.example', 'build.example')).toBe(true);
    expect(hostFieldMatches('*.example,!secret.example', 'secret.example')).toBe(false);
    expect(hostFieldMatches('build?.example', 'build1.example')).toBe(true);
    expect(hostFieldMatches('build?.example', 'build12.example')).toBe(false);
    const revoked = `@revoked * ${key.type} ${key.blob.toString('base64')}\n${line('h', key)}`;
    expect(verifyHostKey(revoked, 'h', 22, key).state).toBe('revoked');
    const ca = `@cert-authority * ${key.type} ${key.blob.toString('base64')}`;
    expect(verifyHostKey(ca, 'h', 22, key).state).toBe('unknown');
  });

  it('lists the key types known for a host (to ask the server for those)', () => {
    const rsaLine = 'h ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==';
    expect(knownTypes(`${line('h', key)}\n${rsaLine}`, 'h', 22)).toEqual([
      'ssh-ed25519',
      'ssh-rsa',
    ]);
    expect(knownTypes(line('x', key), 'h', 22)).toEqual([]);
  });

  it('writes lines that it, and ssh-keygen, read back (plain and hashed)', () => {
    for (const hash of [false, true]) {
      const written = knownHostsLine('127.0.0.1', 2222, key, hash);
      expect(verifyHostKey(written, '127.0.0.1', 2222, key).state).toBe('trusted');
      expect(written.startsWith(hash ? '|1|' : '[127.0.0.1]:2222 ')).toBe(true);
      const file = join(mkdtempSync(join(tmpdir(), 'kh-')), 'known_hosts');
      writeFileSync(file, `${written}\n`);
      // The real ssh tooling agrees that this line names this host.
      const found = execFileSync('ssh-keygen', ['-F', '[127.0.0.1]:2222', '-f', file], {
        encoding: 'utf8',
      });
      expect(found).toContain(key.blob.toString('base64'));
    }
  });
});
