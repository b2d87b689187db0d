import { describe, expect, it } from 'vitest';
import { statusText } from '../../../../renderer/src/engine/format';

const now = 1_700_000_000_000;

describe('statusText', () => {
  it('says Connected', () => {
    expect(statusText({ engineId: 'local', state: 'connected' }, now)).toBe('Connected');
  });

  it('says Connecting… while connecting or before any status', () => {
    expect(statusText({ engineId: 'local', state: 'connecting' }, now)).toBe('Connecting…');
    expect(statusText(undefined, now)).toBe('Connecting…');
  });

  it('counts down to the next retry in whole seconds', () => {
    const status = { engineId: 'local', state: 'disconnected' as const, retryAt: now + 3000 };
    expect(statusText(status, now)).toBe('Disconnected — retrying in 3 s');
    expect(statusText(status, now + 100)).toBe('Disconnected — retrying in 3 s');
    expect(statusText(status, now + 2001)).toBe('Disconnected — retrying in 1 s');
  });

  it('never counts below zero', () => {
    const status = { engineId: 'local', state: 'disconnected' as const, retryAt: now - 5000 };
    expect(statusText(status, now)).toBe('Disconnected — retrying in 0 s');
    expect(statusText({ engineId: 'local', state: 'disconnected' }, now)).toBe(
      'Disconnected — retrying in 0 s',
    );
  });

  it('appends the engine name', () => {
    expect(statusText({ engineId: 'local', state: 'connected' }, now, 'Local Docker')).toBe(
      'Connected (Local Docker)',
    );
    expect(statusText(undefined, now, 'Podman')).toBe('Connecting… (Podman)');
    expect(
      statusText({ engineId: 'p', state: 'disconnected', retryAt: now + 1000 }, now, 'Podman'),
    ).toBe('Disconnected — retrying in 1 s (Podman)');
  });
});
