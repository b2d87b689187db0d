import { describe, expect, it } from 'vitest';
import { ClientMessage } from '../../../contract/wire';

describe('ClientMessage', () => {
  it('accepts call, sub and unsub', () => {
    expect(ClientMessage.parse({ t: 'call', id: 1, name: 'engines.list', input: {} })).toEqual({
      t: 'call',
      id: 1,
      name: 'engines.list',
      input: {},
    });
    expect(ClientMessage.safeParse({ t: 'sub', id: 0, name: 'x', input: null }).success).toBe(true);
    expect(ClientMessage.safeParse({ t: 'unsub', id: 3 }).success).toBe(true);
  });

  it('rejects an unknown or missing t', () => {
    expect(ClientMessage.safeParse({ t: 'eval', id: 1, name: 'x', input: {} }).success).toBe(false);
    expect(ClientMessage.safeParse({ t: 'CALL', id: 1, name: 'x', input: {} }).success).toBe(false);
    expect(ClientMessage.safeParse({ id: 1, name: 'x', input: {} }).success).toBe(false);
  });

  it('rejects bad ids', () => {
    expect(ClientMessage.safeParse({ t: 'unsub', id: -1 }).success).toBe(false);
    expect(ClientMessage.safeParse({ t: 'unsub', id: 1.5 }).success).toBe(false);
    expect(ClientMessage.safeParse({ t: 'unsub', id: '1' }).success).toBe(false);
  });

  it('rejects unknown keys and a missing or non-string name', () => {
    expect(ClientMessage.safeParse({ t: 'unsub', id: 1, name: 'x' }).success).toBe(false);
    expect(ClientMessage.safeParse({ t: 'call', id: 1, input: {} }).success).toBe(false);
    expect(ClientMessage.safeParse({ t: 'call', id: 1, name: 7, input: {} }).success).toBe(false);
  });

  it('rejects non-objects', () => {
    expect(ClientMessage.safeParse('call').success).toBe(false);
    expect(ClientMessage.safeParse(null).success).toBe(false);
  });
});
