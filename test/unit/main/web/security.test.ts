import { createHash } from 'node:crypto';
import { BOOT_WATCHDOG, BOOT_WATCHDOG_CSP } from '../../../../contract/boot-watchdog';
import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  checkHost,
  checkOrigin,
  contentSecurityPolicy,
  newSecret,
  parseCookies,
  sameSecret,
} from '../../../../main/web/security';

const PORT = 43210;

describe('checkHost', () => {
  it('accepts our loopback host names with our port', () => {
    expect(allowedHosts(PORT)).toEqual([`127.0.0.1:${PORT}`, `localhost:${PORT}`]);
    expect(checkHost(`127.0.0.1:${PORT}`, PORT)).toBe(true);
    expect(checkHost(`localhost:${PORT}`, PORT)).toBe(true);
    expect(checkHost(`LOCALHOST:${PORT}`, PORT)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'evil.example',
    `evil.example:${PORT}`,
    `127.0.0.1:${PORT + 1}`,
    '127.0.0.1',
    `localhost.evil.example:${PORT}`,
    `[::1]:${PORT}`,
    `0.0.0.0:${PORT}`,
  ])('rejects %j', (host) => {
    expect(checkHost(host, PORT)).toBe(false);
  });
});

describe('checkOrigin', () => {
  it('accepts our own http origins', () => {
    expect(checkOrigin(`http://127.0.0.1:${PORT}`, PORT, true)).toBe(true);
    expect(checkOrigin(`http://localhost:${PORT}`, PORT, true)).toBe(true);
    expect(checkOrigin(`HTTP://LOCALHOST:${PORT}`, PORT, false)).toBe(true);
  });

  it('a missing origin passes only when not required', () => {
    expect(checkOrigin(undefined, PORT, false)).toBe(true);
    expect(checkOrigin(undefined, PORT, true)).toBe(false);
  });

  it.each([
    'http://evil.example',
    `http://evil.example:${PORT}`,
    `http://127.0.0.1:${PORT + 1}`,
    `https://127.0.0.1:${PORT}`,
    `https://localhost:${PORT}`,
    `ws://127.0.0.1:${PORT}`,
    `http://127.0.0.1:${PORT}/`,
    `http://127.0.0.1:${PORT}.evil.example`,
    'null',
    '',
  ])('rejects foreign origin %j whether required or not', (origin) => {
    expect(checkOrigin(origin, PORT, true)).toBe(false);
    expect(checkOrigin(origin, PORT, false)).toBe(false);
  });
});

describe('parseCookies', () => {
  it('parses name=value pairs and trims spaces', () => {
    expect(parseCookies('porthole_session=abc; theme=dark ;x= 1')).toEqual({
      porthole_session: 'abc',
      theme: 'dark',
      x: '1',
    });
  });

  it('keeps "=" inside values', () => {
    expect(parseCookies('a=b=c')).toEqual({ a: 'b=c' });
  });

  it('skips parts without "=" and handles an absent header', () => {
    expect(parseCookies('flag; a=1')).toEqual({ a: '1' });
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies('')).toEqual({});
  });

  it('a later duplicate wins', () => {
    expect(parseCookies('a=1; a=2')).toEqual({ a: '2' });
  });
});

describe('sameSecret', () => {
  it('is true only for the same secret', () => {
    expect(sameSecret('abc123', 'abc123')).toBe(true);
    expect(sameSecret('abc124', 'abc123')).toBe(false);
  });

  it('is false for different lengths (without throwing)', () => {
    expect(sameSecret('abc', 'abc123')).toBe(false);
    expect(sameSecret('abc1234', 'abc123')).toBe(false);
  });

  it('is false for a missing or empty candidate', () => {
    expect(sameSecret(undefined, 'abc')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
  });
});

describe('newSecret', () => {
  it('is 43 base64url characters (256 bits)', () => {
    const s = newSecret();
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(s, 'base64url')).toHaveLength(32);
  });

  it('differs on every call', () => {
    const secrets = new Set(Array.from({ length: 50 }, newSecret));
    expect(secrets.size).toBe(50);
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy(PORT);
  const directives = new Map(
    csp.split('; ').map((d) => {
      const [name, ...values] = d.split(' ');
      return [name, values] as const;
    }),
  );

  it("never allows 'unsafe-eval'", () => {
    expect(csp).not.toContain('unsafe-eval');
  });

  it("allows scripts from 'self', and inline only the boot watchdog by its hash", () => {
    expect(directives.get('script-src')).toEqual(["'self'", BOOT_WATCHDOG_CSP]);
  });

  it('the boot watchdog hash is the hash of its text', () => {
    const hash = createHash('sha256').update(BOOT_WATCHDOG).digest('base64');
    expect(BOOT_WATCHDOG_CSP).toBe(`'sha256-${hash}'`);
  });

  it('connects only to our own WebSocket', () => {
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      `ws://127.0.0.1:${PORT}`,
      `ws://localhost:${PORT}`,
    ]);
  });

  it('locks down objects, framing, base and forms', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});
