import type { PortBinding } from '../../../../contract';

// Names people give secrets. Deliberately broad: masking a harmless value costs one click.
const SECRET =
  /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth|cookie|session|dsn|(^|_)key$)/i;

export function looksSecret(key: string): boolean {
  return SECRET.test(key);
}

/** A browser link for a published TCP port, on loopback when it listens on every interface. */
export function portLink(p: PortBinding): string | undefined {
  if (!p.publicPort || p.type !== 'tcp') return undefined;
  const ip = p.ip ?? '0.0.0.0';
  if (ip === '0.0.0.0' || ip === '::' || ip === '') return `http://127.0.0.1:${p.publicPort}/`;
  if (ip.startsWith('127.') || ip === '::1') {
    return ip.includes(':') ? `http://[${ip}]:${p.publicPort}/` : `http://${ip}:${p.publicPort}/`;
  }
  return undefined;
}

/** Bytes per second between two counters; 0 when a counter went backwards (a restart). */
export function rate(
  prev: { t: number; v: number } | undefined,
  cur: { t: number; v: number },
): number {
  if (!prev || cur.t <= prev.t || cur.v < prev.v) return 0;
  return ((cur.v - prev.v) * 1000) / (cur.t - prev.t);
}
