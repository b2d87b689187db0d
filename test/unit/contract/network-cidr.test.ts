import { describe, expect, it } from 'vitest';
import { calls } from '../../../contract/api';
import {
  checkIpam,
  cidrInCidr,
  formatCidr,
  formatIp,
  ipInCidr,
  parseCidr,
  parseIp,
} from '../../../contract/calls/network-cidr';

const cidr = (t: string) => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const ip = (t: string) => {
  const r = parseIp(t);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseIp', () => {
  it.each(['0.0.0.0', '10.1.2.3', '255.255.255.255'])('accepts IPv4 %s', (t) => {
    expect(parseIp(t)).toMatchObject({ ok: true, value: { family: 4 } });
  });
  it.each([
    '256.0.0.1',
    '10.1.2',
    '10.1.2.3.4',
    '01.2.3.4',
    '1.2.3.x',
    '',
    'fe80::1::2',
    '1:2:3:4:5:6:7:8:9',
  ])('rejects %s', (t) => {
    expect(parseIp(t).ok).toBe(false);
  });
  it.each([
    ['::1', '::1'],
    ['fd00::', 'fd00::'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
  ])('parses IPv6 %s', (t, formatted) => {
    expect(formatIp(ip(t))).toBe(formatted);
  });
});

describe('parseCidr', () => {
  it('accepts a network address with its prefix', () => {
    expect(formatCidr(cidr('172.28.0.0/16'))).toBe('172.28.0.0/16');
    expect(formatCidr(cidr('fd00:1::/64'))).toBe('fd00:1::/64');
  });
  it('needs a prefix, in range', () => {
    expect(parseCidr('10.0.0.0')).toMatchObject({ ok: false, message: /address\/prefix/ });
    expect(parseCidr('10.0.0.0/33')).toMatchObject({ ok: false, message: /0–32/ });
    expect(parseCidr('fd00::/129')).toMatchObject({ ok: false, message: /0–128/ });
    expect(parseCidr('10.0.0.0/x').ok).toBe(false);
  });
  it('refuses host bits and suggests the network', () => {
    expect(parseCidr('10.240.0.1/24')).toMatchObject({
      ok: false,
      message: /did you mean 10\.240\.0\.0\/24\?/,
    });
  });
  it('rejects a bad address part', () => {
    expect(parseCidr('10.0.0.300/24')).toMatchObject({ ok: false, message: /not a valid CIDR/ });
  });
});

describe('containment', () => {
  it('ipInCidr is exact at the edges and family-aware', () => {
    const net = cidr('10.1.0.0/16');
    expect(ipInCidr(ip('10.1.0.0'), net)).toBe(true);
    expect(ipInCidr(ip('10.1.255.255'), net)).toBe(true);
    expect(ipInCidr(ip('10.2.0.0'), net)).toBe(false);
    expect(ipInCidr(ip('::1'), net)).toBe(false);
    expect(ipInCidr(ip('1.2.3.4'), cidr('0.0.0.0/0'))).toBe(true);
  });
  it('cidrInCidr needs a longer-or-equal prefix inside', () => {
    expect(cidrInCidr(cidr('10.1.2.0/24'), cidr('10.1.0.0/16'))).toBe(true);
    expect(cidrInCidr(cidr('10.1.0.0/16'), cidr('10.1.0.0/16'))).toBe(true);
    expect(cidrInCidr(cidr('10.0.0.0/8'), cidr('10.1.0.0/16'))).toBe(false);
    expect(cidrInCidr(cidr('10.2.0.0/24'), cidr('10.1.0.0/16'))).toBe(false);
  });
});

describe('checkIpam', () => {
  it('is empty for good or absent settings', () => {
    expect(checkIpam({})).toEqual({});
    expect(
      checkIpam({ subnet: '10.5.0.0/16', gateway: '10.5.0.1', ipRange: '10.5.1.0/24' }),
    ).toEqual({});
  });
  it('puts each problem on its field', () => {
    expect(
      checkIpam({ subnet: '10.5.0.0/16', gateway: '10.6.0.1', ipRange: '10.6.0.0/24' }),
    ).toEqual({
      gateway: 'The gateway 10.6.0.1 is outside the subnet 10.5.0.0/16.',
      ipRange: 'The IP range 10.6.0.0/24 is not inside the subnet 10.5.0.0/16.',
    });
    expect(checkIpam({ subnet: 'nope' })).toHaveProperty('subnet');
    expect(checkIpam({ subnet: '10.5.0.0/16', gateway: 'x' })).toHaveProperty('gateway');
  });
  it('asks for a subnet before a gateway or range', () => {
    expect(checkIpam({ gateway: '10.0.0.1' })).toEqual({
      gateway: expect.stringMatching(/Set a subnet first/),
    });
  });
});

describe('networks.create at the router', () => {
  const input = calls['networks.create'].input;
  const base = {
    engineId: 'local',
    name: 'web-net',
    driver: 'bridge',
    internal: false,
    attachable: false,
    labels: {},
  };
  it('accepts a valid network', () => {
    expect(input.safeParse({ ...base, subnet: '10.9.0.0/16', gateway: '10.9.0.1' }).success).toBe(
      true,
    );
  });
  it('rejects the same CIDR mistakes the dialog shows, on the same field', () => {
    const r = input.safeParse({ ...base, subnet: '10.9.0.0/16', gateway: '10.8.0.1' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['gateway']);
  });
  it('rejects bad names, drivers and unknown keys', () => {
    expect(input.safeParse({ ...base, name: '-x' }).success).toBe(false);
    expect(input.safeParse({ ...base, driver: 'macvlan' }).success).toBe(false);
    expect(input.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });
  it('networks.connect checks the IP', () => {
    const connect = calls['networks.connect'].input;
    const ok = { engineId: 'local', id: 'n', container: 'c', aliases: [] };
    expect(connect.safeParse({ ...ok, ip: '10.0.0.5' }).success).toBe(true);
    expect(connect.safeParse({ ...ok, ip: '10.0.0' }).success).toBe(false);
    expect(connect.safeParse({ ...ok, aliases: ['has space'] }).success).toBe(false);
  });
});
