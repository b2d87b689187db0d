import { describe, expect, it } from 'vitest';
import { calls } from '../../../contract/api';
import { describeIssues } from '../../../contract/errors';

const login = calls['registries.login'].input;
const full = () => ({
  engineId: 'local',
  registry: '127.0.0.1:5000',
  username: 'alice',
  password: 's3cret-pw',
});

describe('registries.login input', () => {
  it('accepts a full login, and an empty registry (Docker Hub, like docker login)', () => {
    expect(login.safeParse(full()).success).toBe(true);
    expect(login.safeParse({ ...full(), registry: '' }).success).toBe(true);
    expect(login.safeParse({ ...full(), allowPlaintext: true }).success).toBe(true);
  });

  it.each(['engineId', 'registry', 'username', 'password'])('requires %s', (field) => {
    const input: Record<string, unknown> = full();
    delete input[field];
    expect(login.safeParse(input).success).toBe(false);
  });

  it('rejects unknown keys, empty secrets and non-registry addresses', () => {
    expect(login.safeParse({ ...full(), store: 'plaintext' }).success).toBe(false);
    expect(login.safeParse({ ...full(), password: '' }).success).toBe(false);
    expect(login.safeParse({ ...full(), username: '  ' }).success).toBe(false);
    expect(login.safeParse({ ...full(), registry: 'not a registry!' }).success).toBe(false);
  });

  it('never echoes the password in a validation error (the router returns and may log it)', () => {
    const secret = 'x'.repeat(8193);
    const result = login.safeParse({ ...full(), password: secret, registry: 'bad host' });
    expect(result.success).toBe(false);
    const message = describeIssues(result.error!);
    expect(message).toMatch(/password/);
    expect(message).not.toContain('xxxxxxxx');
  });
});

describe('registries.logout input', () => {
  it('names a registry and whether to touch config.json, nothing else', () => {
    const logout = calls['registries.logout'].input;
    expect(logout.safeParse({ registry: 'docker.io', removeConfigEntry: false }).success).toBe(
      true,
    );
    expect(logout.safeParse({ registry: 'docker.io' }).success).toBe(false);
    expect(
      logout.safeParse({ registry: 'docker.io', removeConfigEntry: true, engineId: 'x' }).success,
    ).toBe(false);
  });
});
