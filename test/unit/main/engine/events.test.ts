import { describe, expect, it } from 'vitest';
import {
  JsonLineSplitter,
  parseEngineEvent,
  sinceFromTimeNano,
} from '../../../../main/engine/events';

describe('parseEngineEvent', () => {
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

describe('JsonLineSplitter', () => {
  it('joins a document split across chunks', () => {
    const s = new JsonLineSplitter();
    expect(s.push('{"a":')).toEqual([]);
    expect(s.push('1,"b":')).toEqual([]);
    expect(s.push('[2]}\n')).toEqual([{ a: 1, b: [2] }]);
  });

  it('returns several documents from one chunk and keeps the incomplete tail', () => {
    const s = new JsonLineSplitter();
    expect(s.push('{"n":1}\n{"n":2}\n{"n":')).toEqual([{ n: 1 }, { n: 2 }]);
    expect(s.push('3}\n')).toEqual([{ n: 3 }]);
  });

  it('drops a malformed line without throwing and carries on', () => {
    const s = new JsonLineSplitter();
    let out: unknown[] = [];
    expect(() => {
      out = s.push('{"ok":1}\n{not json}\n\n  \n{"ok":2}\n');
    }).not.toThrow();
    expect(out).toEqual([{ ok: 1 }, { ok: 2 }]);
  });

  it('handles CRLF line ends', () => {
    const s = new JsonLineSplitter();
    expect(s.push('{"a":1}\r\n{"a":2}\r\n')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('decodes multi-byte UTF-8 split across byte chunks', () => {
    const bytes = new TextEncoder().encode('{"name":"café ☕ 🐳"}\n');
    // Split inside the multi-byte sequences: after the first byte of "é", and inside the emoji.
    const e = bytes.indexOf(0xc3);
    const whale = bytes.indexOf(0xf0);
    const s = new JsonLineSplitter();
    expect(s.push(bytes.slice(0, e + 1))).toEqual([]);
    expect(s.push(bytes.slice(e + 1, whale + 2))).toEqual([]);
    expect(s.push(bytes.slice(whale + 2))).toEqual([{ name: 'café ☕ 🐳' }]);
  });

  it('decodes one byte at a time', () => {
    const bytes = new TextEncoder().encode('{"x":"日本"}\n{"y":"ü"}\n');
    const s = new JsonLineSplitter();
    const out: unknown[] = [];
    for (let i = 0; i < bytes.length; i++) out.push(...s.push(bytes.slice(i, i + 1)));
    expect(out).toEqual([{ x: '日本' }, { y: 'ü' }]);
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
