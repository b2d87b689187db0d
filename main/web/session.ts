import { randomBytes } from 'node:crypto';
import { PAGE_PROTOCOL_PREFIX } from '../../contract/channels';
import { newSecret, sameSecret } from './security';

/** A launch token is good for one redemption within this long (the issue's bound: 60 s). */
export const TOKEN_TTL_MS = 60_000;
/** Page secrets kept per session: one per page load, the oldest forgotten first. */
const MAX_PAGES = 64;

/**
 * Who may use this web-mode instance. A launch token (printed for the user who started it, or
 * in a 0600 file for the browser) is redeemed once, within TOKEN_TTL_MS, for a session cookie
 * named after this instance (cookies do not separate ports: two instances must not overwrite
 * each other's). Each page load gets a page secret, which the WebSocket must present in
 * Sec-WebSocket-Protocol: a cookie alone — sent by the browser for any page on 127.0.0.1 —
 * never opens the socket.
 */
export class WebSessions {
  readonly cookieName = `porthole_${randomBytes(6).toString('hex')}`;
  private readonly session = newSecret();
  private readonly tokens = new Map<string, number>();
  private readonly pages: string[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = TOKEN_TTL_MS,
  ) {}

  /** A new single-use launch token. */
  issueToken(): string {
    const token = newSecret();
    this.tokens.set(token, this.now() + this.ttlMs);
    return token;
  }

  /** True once per token, and only before it expires. */
  redeem(offered: string): boolean {
    for (const [token, expires] of this.tokens) {
      if (expires < this.now()) this.tokens.delete(token);
      else if (sameSecret(offered, token)) {
        this.tokens.delete(token);
        return true;
      }
    }
    return false;
  }

  cookieHeader(): string {
    return `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  isSession(cookies: Record<string, string>): boolean {
    return sameSecret(cookies[this.cookieName], this.session);
  }

  /** A secret for one page load: it goes into that page's HTML, never into a cookie. */
  issuePageSecret(): string {
    const secret = newSecret();
    this.pages.push(secret);
    if (this.pages.length > MAX_PAGES) this.pages.shift();
    return secret;
  }

  isPageSecret(offered: string | undefined): boolean {
    return !!offered && this.pages.some((s) => sameSecret(offered, s));
  }
}

/** The page secret from a Sec-WebSocket-Protocol header ("porthole.v2, porthole.page.X"). */
export function pageSecretFrom(header: string | undefined): string | undefined {
  for (const p of (header ?? '').split(',')) {
    const v = p.trim();
    if (v.startsWith(PAGE_PROTOCOL_PREFIX)) return v.slice(PAGE_PROTOCOL_PREFIX.length);
  }
  return undefined;
}
