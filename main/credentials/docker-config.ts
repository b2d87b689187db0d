import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic';
import { decodeBasicAuth, isHelperName, normalizeRegistry } from './names';

/** The parts of the docker CLI's config.json we read; everything else is kept as is. */
export interface DockerConfig {
  auths: Record<string, { auth?: string; identitytoken?: string }>;
  credsStore: string | undefined;
  credHelpers: Record<string, string>;
}

/** Where the CLI keeps config.json: DOCKER_CONFIG wins, like the CLI. Read at every call so a
 * change to the file (a `docker login` in a terminal) shows without restarting. */
export function dockerConfigDir(): string {
  return process.env.DOCKER_CONFIG || join(homedir(), '.docker');
}

export const dockerConfigPath = () => join(dockerConfigDir(), 'config.json');

async function readRaw(): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(dockerConfigPath(), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    // A broken config.json is the CLI's problem too; we read it as empty rather than guess.
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function parseDockerConfig(raw: Record<string, unknown> | undefined): DockerConfig {
  const auths: DockerConfig['auths'] = {};
  for (const [key, value] of Object.entries(record(raw?.auths))) {
    const v = record(value);
    auths[key] = {
      ...(typeof v.auth === 'string' && v.auth ? { auth: v.auth } : {}),
      ...(typeof v.identitytoken === 'string' && v.identitytoken
        ? { identitytoken: v.identitytoken }
        : {}),
    };
  }
  const credHelpers: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(raw?.credHelpers))) {
    if (isHelperName(value)) credHelpers[normalizeRegistry(key)] = value;
  }
  const credsStore = isHelperName(raw?.credsStore) ? raw.credsStore : undefined;
  return { auths, credsStore, credHelpers };
}

export async function readDockerConfig(): Promise<DockerConfig> {
  return parseDockerConfig(await readRaw());
}

/** The helper the CLI would use for this registry: credHelpers first, then credsStore. */
export function helperFor(config: DockerConfig, registry: string): string | undefined {
  return config.credHelpers[registry] ?? config.credsStore;
}

export interface ConfigLogin {
  /** The key as written in config.json (kept so we can remove exactly it). */
  key: string;
  registry: string;
  username: string;
  password: string;
  identitytoken?: string;
}

/**
 * config.json `auths` entries that hold credentials. Entries with no `auth` are placeholders the
 * CLI writes when a credential helper holds the secret; those are read through the helper.
 */
export function configLogins(config: DockerConfig): ConfigLogin[] {
  const out: ConfigLogin[] = [];
  for (const [key, entry] of Object.entries(config.auths)) {
    const basic = entry.auth ? decodeBasicAuth(entry.auth) : undefined;
    if (!basic) continue;
    out.push({
      key,
      registry: normalizeRegistry(key),
      ...basic,
      ...(entry.identitytoken ? { identitytoken: entry.identitytoken } : {}),
    });
  }
  return out;
}

/**
 * Removes one registry's `auths` entries from config.json, keeping every other field and the
 * file's mode. Written to a temp file and renamed, so a crash never leaves half a config.
 */
export async function removeConfigAuth(registry: string): Promise<number> {
  const raw = await readRaw();
  if (!raw) return 0;
  const auths = record(raw.auths);
  const keys = Object.keys(auths).filter((k) => normalizeRegistry(k) === registry);
  if (keys.length === 0) return 0;
  for (const k of keys) delete auths[k];
  raw.auths = auths;
  const path = dockerConfigPath();
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o600,
  );
  await writeFileAtomic(path, JSON.stringify(raw, null, '\t') + '\n', mode);
  return keys.length;
}
