import { describe, expect, it } from 'vitest';
import {
  DOCKER_HUB,
  decodeBasicAuth,
  displayRegistry,
  isHelperName,
  normalizeRegistry,
  registryOf,
} from '../../../../main/credentials/names';
import { registryProblem } from '../../../../contract';

describe('registryOf', () => {
  it('is Docker Hub for references without a registry host', () => {
    expect(registryOf('busybox')).toBe(DOCKER_HUB);
    expect(registryOf('busybox:1.36')).toBe(DOCKER_HUB);
    expect(registryOf('library/nginx:latest')).toBe(DOCKER_HUB);
    expect(registryOf('team/app/web:1')).toBe(DOCKER_HUB);
    expect(DOCKER_HUB).toBe('https://index.docker.io/v1/');
  });

  it('takes the first component as the host when it has "." or ":" or is localhost', () => {
    expect(registryOf('127.0.0.1:5000/private/busybox:1')).toBe('127.0.0.1:5000');
    expect(registryOf('registry.example.com/team/app')).toBe('registry.example.com');
    expect(registryOf('localhost/app:1')).toBe('localhost');
    expect(registryOf('localhost:5000/app@sha256:' + 'a'.repeat(64))).toBe('localhost:5000');
  });

  it('maps Docker Hub hosts to its index server name', () => {
    expect(registryOf('docker.io/library/busybox')).toBe(DOCKER_HUB);
    expect(registryOf('index.docker.io/library/busybox')).toBe(DOCKER_HUB);
  });

  it('lowercases the host like the CLI', () => {
    expect(registryOf('Registry.Example.com/app')).toBe('registry.example.com');
  });
});

describe('normalizeRegistry', () => {
  it('gives the CLI key: no scheme, no path; empty means Docker Hub', () => {
    expect(normalizeRegistry('')).toBe(DOCKER_HUB);
    expect(normalizeRegistry('  ')).toBe(DOCKER_HUB);
    expect(normalizeRegistry('https://index.docker.io/v1/')).toBe(DOCKER_HUB);
    expect(normalizeRegistry('docker.io')).toBe(DOCKER_HUB);
    expect(normalizeRegistry('https://127.0.0.1:5000')).toBe('127.0.0.1:5000');
    expect(normalizeRegistry('http://registry.example.com/v2/')).toBe('registry.example.com');
    expect(normalizeRegistry('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });

  it('displays Docker Hub as docker.io', () => {
    expect(displayRegistry(DOCKER_HUB)).toBe('docker.io');
    expect(displayRegistry('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });
});

describe('registryProblem', () => {
  it('accepts hosts, host:port, Docker Hub and URLs the CLI accepts', () => {
    for (const ok of ['', 'docker.io', 'localhost:5000', 'a.b-c.example.com', 'https://ghcr.io']) {
      expect(registryProblem(ok), ok).toBeUndefined();
    }
  });
  it('rejects what is not a registry address, saying what to type', () => {
    expect(registryProblem('not a registry!')).toMatch(/host or host:port/);
    expect(registryProblem('-bad.example.com')).toMatch(/not a registry address/);
    expect(registryProblem('x'.repeat(600))).toMatch(/at most 512/);
  });
});

describe('decodeBasicAuth', () => {
  it('splits at the first colon: passwords may contain colons', () => {
    const auth = Buffer.from('alice:pa:ss:word').toString('base64');
    expect(decodeBasicAuth(auth)).toEqual({ username: 'alice', password: 'pa:ss:word' });
  });
  it('rejects entries without a username', () => {
    expect(decodeBasicAuth(Buffer.from(':secret').toString('base64'))).toBeUndefined();
    expect(decodeBasicAuth(Buffer.from('nocolon').toString('base64'))).toBeUndefined();
  });
});

describe('isHelperName', () => {
  it('allows helper names and refuses anything that could escape the program name', () => {
    expect(isHelperName('desktop')).toBe(true);
    expect(isHelperName('ecr-login')).toBe(true);
    expect(isHelperName('porthole-test')).toBe(true);
    expect(isHelperName('../../bin/sh')).toBe(false);
    expect(isHelperName('a b')).toBe(false);
    expect(isHelperName('')).toBe(false);
    expect(isHelperName(42)).toBe(false);
  });
});
