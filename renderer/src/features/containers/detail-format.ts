import type { PortBinding, RunSpec } from '../../../../contract';

// Names people give secrets. Deliberately broad: masking a harmless value costs one click.
const SECRET =
  /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth|cookie|session|dsn|(^|_)key$)/i;

export function looksSecret(key: string): boolean {
  return SECRET.test(key);
}

/** What a hidden value reads as, wherever it is shown or copied. */
export const MASK = '••••••••';

/** The names of the secret-looking variables a container has. */
export function secretNames(spec: RunSpec): string[] {
  return spec.env.filter((e) => looksSecret(e.key) && e.value).map((e) => e.key);
}

/** The spec with secret-looking env values hidden: what Export shows until revealed. */
export function maskSpec(spec: RunSpec): RunSpec {
  return {
    ...spec,
    env: spec.env.map((e) => (looksSecret(e.key) && e.value ? { ...e, value: MASK } : e)),
  };
}

/** `docker inspect` with the same values hidden (Config.Env is "KEY=value"). Pure. */
export function maskInspect(raw: Record<string, unknown>): Record<string, unknown> {
  const config = raw.Config as { Env?: unknown } | undefined;
  if (!config || !Array.isArray(config.Env)) return raw;
  const env = config.Env.map((line: unknown) => {
    if (typeof line !== 'string') return line;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    return eq >= 0 && eq < line.length - 1 && looksSecret(key) ? `${key}=${MASK}` : line;
  });
  return { ...raw, Config: { ...config, Env: env } };
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
