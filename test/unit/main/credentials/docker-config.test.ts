import { describe, expect, it } from 'vitest';
import {
  configLogins,
  helperFor,
  parseDockerConfig,
} from '../../../../main/credentials/docker-config';
import { DOCKER_HUB } from '../../../../main/credentials/names';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('parseDockerConfig', () => {
  it('reads auths, credsStore and credHelpers, keyed the way lookups use them', () => {
    const config = parseDockerConfig({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('bob:hub-secret') },
        '127.0.0.1:5000': { auth: b64('alice:reg-secret') },
        'ghcr.io': {},
      },
      credsStore: 'desktop',
      credHelpers: { 'https://ECR.example.com': 'ecr-login', 'bad.example.com': '../sh' },
      psFormat: 'table',
    });
    expect(config.credsStore).toBe('desktop');
    expect(config.credHelpers).toEqual({ 'ecr.example.com': 'ecr-login' });
    expect(helperFor(config, 'ecr.example.com')).toBe('ecr-login');
    expect(helperFor(config, '127.0.0.1:5000')).toBe('desktop');
    expect(configLogins(config)).toEqual([
      {
        key: 'https://index.docker.io/v1/',
        registry: DOCKER_HUB,
        username: 'bob',
        password: 'hub-secret',
      },
      {
        key: '127.0.0.1:5000',
        registry: '127.0.0.1:5000',
        username: 'alice',
        password: 'reg-secret',
      },
    ]);
  });

  it('treats a missing or malformed config as empty, with no helper', () => {
    for (const raw of [undefined, {}, { auths: 'nope', credsStore: 7, credHelpers: [] }]) {
      const config = parseDockerConfig(raw as Record<string, unknown> | undefined);
      expect(configLogins(config)).toEqual([]);
      expect(helperFor(config, DOCKER_HUB)).toBeUndefined();
    }
  });

  it('keeps identity tokens', () => {
    const config = parseDockerConfig({
      auths: { 'r.example.com': { auth: b64('u:'), identitytoken: 'tok' } },
    });
    // "u:" has an empty password: still a login, because of the token.
    expect(configLogins(config)[0]).toMatchObject({
      registry: 'r.example.com',
      identitytoken: 'tok',
    });
  });
});
