import { describe, expect, it } from 'vitest';
import { calls, streams } from '../../../contract/api';
import { checkResourceName, parseKeyValues } from '../../../contract/calls/key-values';

describe('parseKeyValues', () => {
  it('reads KEY=VALUE lines, skipping blank ones and keeping "=" in values', () => {
    expect(parseKeyValues('a=1\n\n b = two \no=size=8m\nflag')).toEqual({
      ok: true,
      value: { a: '1', b: 'two', o: 'size=8m', flag: '' },
    });
  });
  it('names the line at fault', () => {
    expect(parseKeyValues('a=1\n=x')).toEqual({
      ok: false,
      message: 'Line 2: write KEY=VALUE (the key is missing).',
    });
    expect(parseKeyValues('a=1\na=2')).toMatchObject({ ok: false, message: /Line 2: “a”/ });
    expect(parseKeyValues('my key=1')).toMatchObject({ ok: false, message: /no spaces/ });
  });
});

describe('checkResourceName', () => {
  it.each(['db', 'my_vol.1', 'A-b'])('accepts %s', (n) => {
    expect(checkResourceName(n, 'volume')).toBeUndefined();
  });
  it.each(['', 'a', '-x', '.x', 'has space', 'sl/ash', 'x'.repeat(129)])('rejects %j', (n) => {
    expect(checkResourceName(n, 'volume')).toBeTypeOf('string');
  });
});

describe('volume calls at the router', () => {
  const base = { engineId: 'local', driver: 'local', driverOpts: {}, labels: {} };
  it('volumes.create validates the name like the dialog', () => {
    const create = calls['volumes.create'].input;
    expect(create.safeParse({ ...base, name: 'data' }).success).toBe(true);
    expect(create.safeParse({ ...base, name: '-data' }).success).toBe(false);
    expect(create.safeParse({ ...base, name: 'data', labels: { 'a b': '1' } }).success).toBe(false);
  });
  it('volume paths stay inside the volume', () => {
    const browse = calls['volumes.browse'].input;
    const ok = (path: string) => browse.safeParse({ engineId: 'local', name: 'v', path }).success;
    expect(ok('')).toBe(true);
    expect(ok('logs/app')).toBe(true);
    expect(ok('/etc')).toBe(false);
    expect(ok('../x')).toBe(false);
    expect(ok('a/../../x')).toBe(false);
  });
  it('volumes.download needs a file path', () => {
    const download = streams['volumes.download'].input;
    expect(download.safeParse({ engineId: 'local', name: 'v', path: 'a.txt' }).success).toBe(true);
    expect(download.safeParse({ engineId: 'local', name: 'v', path: '' }).success).toBe(false);
  });
  it('volumes.run needs an absolute mount path', () => {
    const run = calls['volumes.run'].input;
    const input = { engineId: 'local', name: 'v', image: 'busybox' };
    expect(run.safeParse({ ...input, target: '/data' }).success).toBe(true);
    expect(run.safeParse({ ...input, target: 'data' }).success).toBe(false);
    expect(run.safeParse({ ...input, target: '/a:b' }).success).toBe(false);
  });
});
