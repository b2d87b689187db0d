import { randomBytes, timingSafeEqual } from 'node:crypto';
import { BOOT_WATCHDOG_CSP } from '../../contract/boot-watchdog';

/** 256-bit random secret, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Host and Origin checks against DNS rebinding and cross-site pages: only our own loopback
 * origin may talk to us.
 */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHost(host: string | undefined, port: number): boolean {
  return !!host && allowedHosts(port).includes(host.toLowerCase());
}

/** `origin` undefined means the header was absent: fine for plain navigations, not for WS. */
export function checkOrigin(origin: string | undefined, port: number, required: boolean): boolean {
  if (origin === undefined) return !required;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    // Inline scripts: only the boot watchdog, by its hash.
    `script-src 'self' ${BOOT_WATCHDOG_CSP}`,
    // xterm and React set element styles.
    "style-src 'self' 'unsafe-inline'",
    // blob: for the Files tab's inline image previews (object URLs the page made itself).
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
