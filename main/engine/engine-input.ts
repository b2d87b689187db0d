import { accessSync, constants, existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { EngineTls } from '../../contract';
import { parseHost, type EngineConfig, type TlsFiles } from './detect';
import type { SavedEngine } from './engine-store';
import { fail } from './errors';

const FORMS =
  'Use unix:///path/to/docker.sock, npipe:////./pipe/docker_engine, tcp://host:2376 or ssh://user@host.';

function readable(path: string, field: string): string {
  if (!isAbsolute(path)) fail('INVALID_INPUT', `${field}: “${path}” is not an absolute path.`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    fail(
      'INVALID_INPUT',
      `${field}: cannot read “${path}”.`,
      'Check the path and its permissions.',
    );
  }
  return path;
}

/** The TLS paths to save: explicit files, or ca.pem/cert.pem/key.pem from a folder. */
export function tlsPaths(tls: EngineTls | undefined): SavedEngine['tls'] {
  if (!tls) return undefined;
  const out: NonNullable<SavedEngine['tls']> = {};
  const dir = tls.dir?.trim();
  if (dir) {
    for (const [k, f] of [
      ['ca', 'ca.pem'],
      ['cert', 'cert.pem'],
      ['key', 'key.pem'],
    ] as const) {
      if (existsSync(join(dir, f))) out[k] = join(dir, f);
    }
    if (!out.ca && !out.cert)
      fail('INVALID_INPUT', `Certificate folder: no ca.pem or cert.pem in “${dir}”.`);
  }
  const pick = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const ca = pick(tls.ca);
  const cert = pick(tls.cert);
  const key = pick(tls.key);
  if (ca) out.ca = readable(ca, 'CA certificate');
  if (cert) out.cert = readable(cert, 'Client certificate');
  if (key) out.key = readable(key, 'Client key');
  if (!!out.cert !== !!out.key) {
    fail('INVALID_INPUT', 'A client certificate needs its client key (and the other way round).');
  }
  return Object.keys(out).length ? out : undefined;
}

/** An engine config from what the user saved; throws INVALID_INPUT in words for the dialog. */
export function configFromSaved(saved: SavedEngine): EngineConfig {
  const address = saved.address.trim();
  let tls: TlsFiles | undefined;
  if (saved.tls) tls = { ...saved.tls, verify: true };
  let endpoint;
  try {
    endpoint = parseHost(address, tls);
  } catch {
    fail('INVALID_INPUT', `Address: “${address}” is not an engine address.`, FORMS);
  }
  if (endpoint.kind === 'unix' && !isAbsolute(endpoint.socketPath)) {
    fail(
      'INVALID_INPUT',
      `Address: “${endpoint.socketPath}” is not an absolute socket path.`,
      FORMS,
    );
  }
  if (endpoint.kind !== 'tcp' && tls) {
    fail('INVALID_INPUT', 'TLS files only apply to tcp:// addresses.');
  }
  return { id: saved.id, name: saved.name, source: 'added', endpoint, address };
}
