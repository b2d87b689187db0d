import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  dockerConfigDir,
  parseHost,
  slug,
  tlsFromDir,
  type DetectEnv,
  type EngineConfig,
} from './address';

/**
 * docker contexts as `docker context ls` finds them: contexts/meta/<sha256(name)>/meta.json
 * under DOCKER_CONFIG (else ~/.docker), TLS files under contexts/tls/<sha256(name)>/docker.
 */

export function currentContext(d: DetectEnv): string | undefined {
  if (d.env.DOCKER_CONTEXT) return d.env.DOCKER_CONTEXT;
  const text = d.readText(join(dockerConfigDir(d), 'config.json'));
  if (!text) return undefined;
  try {
    const ctx = (JSON.parse(text) as { currentContext?: unknown }).currentContext;
    return typeof ctx === 'string' ? ctx : undefined;
  } catch {
    return undefined;
  }
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

/** One context from contexts/meta/<sha256(name)>/meta.json; undefined when unusable. */
function readContext(d: DetectEnv, digest: string, current: string | undefined) {
  const dir = dockerConfigDir(d);
  const text = d.readText(join(dir, 'contexts', 'meta', digest, 'meta.json'));
  if (!text) return undefined;
  let meta: ContextMeta;
  try {
    meta = JSON.parse(text) as ContextMeta;
  } catch {
    return undefined;
  }
  const docker = meta.Endpoints?.docker;
  const name = typeof meta.Name === 'string' ? meta.Name : undefined;
  // The file's folder is the name's digest: a meta.json moved elsewhere is not that context.
  const named = name ?? (current && sha256(current) === digest ? current : undefined);
  if (!named || named === 'default' || typeof docker?.Host !== 'string') return undefined;
  if (sha256(named) !== digest) return undefined;
  const tlsDir = join(dir, 'contexts', 'tls', digest, 'docker');
  const tls = d.exists(tlsDir) ? tlsFromDir(tlsDir, docker.SkipTLSVerify !== true, d) : undefined;
  try {
    const config: EngineConfig = {
      id: `ctx-${slug(named)}`,
      name: `Context ${named}`,
      source: 'context',
      endpoint: parseHost(docker.Host, tls),
      address: docker.Host,
    };
    return { config, current: named === current };
  } catch {
    return undefined; // an address we cannot speak (fd://, a typo): not listed
  }
}

/** Every docker context (`docker context ls`), the current one first and marked. */
export function detectContexts(d: DetectEnv): EngineConfig[] {
  const current = currentContext(d);
  const found = d
    .listDir(join(dockerConfigDir(d), 'contexts', 'meta'))
    .filter((digest) => /^[0-9a-f]{64}$/.test(digest))
    .flatMap((digest) => readContext(d, digest, current) ?? []);
  // A context named only in DOCKER_CONTEXT/config.json with its folder unlisted (odd mounts).
  if (current && !found.some((c) => c.current)) {
    const direct = readContext(d, sha256(current), current);
    if (direct) found.push(direct);
  }
  found.sort(
    (a, b) => Number(b.current) - Number(a.current) || a.config.name.localeCompare(b.config.name),
  );
  return found.map((c) => (c.current ? { ...c.config, preferred: true } : c.config));
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
