import { describe, expect, it } from 'vitest';
import type { CredentialStorage } from '../../../../../contract';
import {
  destinationFor,
  destinationText,
  loginHref,
  sourceLabel,
} from '../../../../../renderer/src/features/registries/format';

const storage = (over: Partial<CredentialStorage>): CredentialStorage => ({
  configPath: '/home/u/.docker/config.json',
  credsStore: null,
  credHelpers: {},
  appStore: 'encrypted',
  problems: [],
  ...over,
});

describe('destinationFor', () => {
  it('prefers the registry’s credHelpers entry, then credsStore, then the app store', () => {
    const s = storage({ credsStore: 'desktop', credHelpers: { 'ecr.example.com': 'ecr-login' } });
    expect(destinationFor(s, 'https://ecr.example.com')).toEqual({
      kind: 'helper',
      helper: 'ecr-login',
    });
    expect(destinationFor(s, '')).toEqual({ kind: 'helper', helper: 'desktop' });
    expect(destinationFor(storage({}), 'x.example.com')).toEqual({ kind: 'encrypted' });
    expect(destinationFor(storage({ appStore: 'memory' }), '')).toEqual({ kind: 'memory' });
  });

  it('says where the secret goes, and that memory is for this run only', () => {
    expect(destinationText({ kind: 'memory' })).toMatch(/in memory for this run only/);
    expect(destinationText({ kind: 'plaintext-backend' })).toMatch(/as good as plaintext/);
    expect(destinationText({ kind: 'helper', helper: 'desktop' })).toMatch(
      /docker-credential-desktop.*docker CLI uses this login too/,
    );
  });
});

describe('sourceLabel', () => {
  it('names the helper and marks memory-only logins', () => {
    expect(sourceLabel('helper', { helper: 'pass', memoryOnly: false })).toBe(
      'credential helper pass',
    );
    expect(sourceLabel('app', { memoryOnly: true })).toBe('Porthole (this run only)');
    expect(sourceLabel('app', { memoryOnly: false })).toBe('Porthole (encrypted)');
    expect(sourceLabel('config', { memoryOnly: false })).toBe('docker config.json');
  });
});

describe('loginHref', () => {
  it('links to the Log in dialog with the registry encoded as one route segment', () => {
    expect(loginHref('127.0.0.1:5000')).toBe('#/registries/login/127.0.0.1%3A5000');
    expect(decodeURIComponent(loginHref('https://index.docker.io/v1/').split('/').pop()!)).toBe(
      'https://index.docker.io/v1/',
    );
  });
});
