import { describe, expect, it } from 'vitest';
import { pageSecretFrom, WebSessions } from '../../../../main/web/session';

describe('web sessions', () => {
  it('a launch token is redeemed once', () => {
    const s = new WebSessions();
    const token = s.issueToken();
    expect(s.redeem(token)).toBe(true);
    expect(s.redeem(token)).toBe(false);
    expect(s.redeem('guess')).toBe(false);
  });

  it('a launch token expires after its time to live', () => {
    let now = 1000;
    const s = new WebSessions(() => now, 60_000);
    const token = s.issueToken();
    now += 60_001;
    expect(s.redeem(token)).toBe(false);
  });

  it('names its cookie per instance, and only its own session counts', () => {
    const a = new WebSessions();
    const b = new WebSessions();
    expect(a.cookieName).not.toBe(b.cookieName);
    const [name, value] = a.cookieHeader().split(';')[0]!.split('=') as [string, string];
    expect(a.isSession({ [name]: value })).toBe(true);
    expect(b.isSession({ [name]: value })).toBe(false);
    expect(a.cookieHeader()).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
  });

  it('page secrets: issued per page, checked, the oldest forgotten past 64', () => {
    const s = new WebSessions();
    const first = s.issuePageSecret();
    expect(s.isPageSecret(first)).toBe(true);
    expect(s.isPageSecret(undefined)).toBe(false);
    expect(s.isPageSecret('x')).toBe(false);
    for (let i = 0; i < 64; i++) s.issuePageSecret();
    expect(s.isPageSecret(first)).toBe(false);
  });

  it('reads the page secret from Sec-WebSocket-Protocol', () => {
    expect(pageSecretFrom('porthole.v2, porthole.page.abc-_1')).toBe('abc-_1');
    expect(pageSecretFrom('porthole.v2')).toBeUndefined();
    expect(pageSecretFrom(undefined)).toBeUndefined();
  });
});
