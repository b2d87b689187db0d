import { describe, expect, it } from 'vitest';
import { parseEngineEvent, sinceFromTimeNano } from '../../../../main/engine/events';

describe('parseEngineEvent', () => {
  it('a network (dis)connect keeps the container it was about', () => {
    const e = parseEngineEvent({
      Type: 'network',
      Action: 'disconnect',
      Actor: { ID: 'net1', Attributes: { container: 'c1', name: 'bridge', type: 'bridge' } },
      timeNano: 5,
    });
    expect(e).toMatchObject({ type: 'network', id: 'net1', name: 'bridge', container: 'c1' });
    const c = parseEngineEvent({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'c1', Attributes: { container: 'x' } },
    });
    expect(c && 'container' in c).toBe(false);
  });

  it('reads Type, Action, Actor.ID, Attributes.name and timeNano', () => {
    expect(
      parseEngineEvent({
        Type: 'container',
        Action: 'start',
        Actor: { ID: 'abc123', Attributes: { name: 'web', image: 'nginx' } },
        time: 1700000000,
        timeNano: '1700000000123456789',
      }),
    ).toEqual({
      kind: 'event',
      type: 'container',
      action: 'start',
      id: 'abc123',
      name: 'web',
      timeNano: '1700000000123456789',
    });
  });

  it('keeps only the verb of "verb: detail" actions', () => {
    const event = parseEngineEvent({
      Type: 'container',
      Action: 'exec_start: sh -c x',
      Actor: { ID: 'abc' },
      timeNano: '1',
    });
    expect(event?.action).toBe('exec_start');
    const health = parseEngineEvent({
      Type: 'container',
      Action: 'health_status: healthy',
      Actor: { ID: 'abc' },
      timeNano: '1',
    });
    expect(health?.action).toBe('health_status');
  });

  it('maps an unknown Type to other', () => {
    expect(parseEngineEvent({ Type: 'spaceship', Action: 'launch', timeNano: '1' })?.type).toBe(
      'other',
    );
  });

  it('keeps known non-container types', () => {
    expect(parseEngineEvent({ Type: 'network', Action: 'connect', timeNano: '1' })?.type).toBe(
      'network',
    );
  });

  it('returns undefined without an Action (or status)', () => {
    expect(parseEngineEvent({ Type: 'container', Actor: { ID: 'abc' } })).toBeUndefined();
    expect(parseEngineEvent({ Type: 'container', Action: '' })).toBeUndefined();
    expect(parseEngineEvent({ Type: 'container', Action: 5 })).toBeUndefined();
  });

  it('returns undefined for non-objects', () => {
    expect(parseEngineEvent(null)).toBeUndefined();
    expect(parseEngineEvent('start')).toBeUndefined();
    expect(parseEngineEvent(undefined)).toBeUndefined();
  });

  it('falls back to the old-style status and id fields', () => {
    const event = parseEngineEvent({ status: 'die', id: 'def456', time: 1700000000 });
    expect(event).toEqual({
      kind: 'event',
      type: 'other',
      action: 'die',
      id: 'def456',
      timeNano: '1700000000000000000',
    });
  });

  it('prefers Action and Actor.ID over status and id', () => {
    const event = parseEngineEvent({
      Type: 'container',
      Action: 'stop',
      status: 'old',
      Actor: { ID: 'new' },
      id: 'old',
      timeNano: '5',
    });
    expect(event?.action).toBe('stop');
    expect(event?.id).toBe('new');
  });

  it('has an empty id and no name when the engine gives none', () => {
    const event = parseEngineEvent({ Type: 'daemon', Action: 'reload', timeNano: '7' });
    expect(event?.id).toBe('');
    expect(event && 'name' in event).toBe(false);
  });

  it('stringifies a numeric timeNano', () => {
    expect(parseEngineEvent({ Type: 'image', Action: 'pull', timeNano: 12345 })?.timeNano).toBe(
      '12345',
    );
  });

  it('invents a nanosecond time from now when the engine gives none', () => {
    const before = BigInt(Date.now()) * 1_000_000n;
    const event = parseEngineEvent({ Type: 'image', Action: 'pull' });
    const after = BigInt(Date.now()) * 1_000_000n;
    const t = BigInt(event!.timeNano);
    expect(t >= before && t <= after).toBe(true);
  });
});

describe('sinceFromTimeNano', () => {
  it('splits seconds and nanoseconds', () => {
    expect(sinceFromTimeNano('1700000000123456789')).toBe('1700000000.123456789');
  });

  it('keeps leading zeros of the nanoseconds', () => {
    expect(sinceFromTimeNano('1700000000000000042')).toBe('1700000000.000000042');
  });

  it('pads short values', () => {
    expect(sinceFromTimeNano('5')).toBe('0.000000005');
    expect(sinceFromTimeNano('123456789')).toBe('0.123456789');
    expect(sinceFromTimeNano('1123456789')).toBe('1.123456789');
  });
});
