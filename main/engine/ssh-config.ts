import { basename, dirname, join } from 'node:path';
import { hostFieldMatches } from './ssh-known-hosts';

/**
 * The part of ~/.ssh/config an ssh:// engine needs, resolved the way `ssh` resolves it: Host
 * blocks in file order, the first value obtained for each option wins, `Include` followed.
 * `Match` blocks are not evaluated (their options are ignored, never misapplied).
 */
export interface SshTarget {
  /** The name the user typed (the Host alias). */
  alias: string;
  /** The address to connect to (HostName, else the alias). */
  host: string;
  port: number;
  username: string;
  /** Explicit IdentityFile entries (expanded); empty means the defaults. */
  identityFiles: string[];
  identitiesOnly: boolean;
  /** IdentityAgent, when set; "none" turns the agent off. */
  identityAgent?: string;
  /** Where to read host keys (UserKnownHostsFile, else ~/.ssh/known_hosts). */
  knownHostsFiles: string[];
  hashKnownHosts: boolean;
}

export interface SshDefaults {
  home: string;
  /** The local user, for User when neither the address nor the config names one. */
  user: string;
}

function tokens(line: string): [string, string] | undefined {
  const m = /^\s*([A-Za-z]+)\s*(?:=\s*|\s+)(.*?)\s*$/.exec(line);
  if (!m) return undefined;
  const value = m[2]!.replace(/^"(.*)"$/, '$1');
  return [m[1]!.toLowerCase(), value];
}

/** How `Include` reaches other files: relative names are under ~/.ssh, as ssh has it. */
export interface SshConfigFiles {
  home: string;
  read(path: string): string | undefined;
  /** Entry names in a folder; empty when it is missing. */
  list(dir: string): string[];
}

/** ssh's limit on nested Include. */
const MAX_INCLUDE_DEPTH = 16;

/** One glob segment (`*`, `?`) as a regular expression; no other magic, as ssh's glob(3). */
const segment = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/** The files one Include pattern names, sorted (glob order); wildcards in the last part only. */
export function includeFiles(pattern: string, files: SshConfigFiles): string[] {
  const path = pattern.replace(/^~(?=\/)/, files.home);
  const full = path.startsWith('/') ? path : join(files.home, '.ssh', path);
  const dir = dirname(full);
  const name = basename(full);
  if (!/[*?]/.test(name)) return [full];
  const re = segment(name);
  return files
    .list(dir)
    .filter((f) => re.test(f) && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The options that apply to `alias`, in file order, first value kept (multi-valued: all).
 * `Include` reads the files it names at that point (when `files` is given), as ssh does: inside
 * an inactive Host block nothing included applies; Host lines in an included file start blocks
 * of their own; after it, the including block's state is back.
 */
export function configFor(
  text: string,
  alias: string,
  files?: SshConfigFiles,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const multi = new Set(['identityfile', 'userknownhostsfile']);
  const walk = (body: string, outer: boolean, neverMatch: boolean, depth: number) => {
    let active = outer; // options before a file's first Host line follow the including block
    for (const raw of body.split('\n')) {
      const line = raw.replace(/(^|\s)#.*$/, '');
      const kv = tokens(line);
      if (!kv) continue;
      const [key, value] = kv;
      if (key === 'host') {
        const patterns = value.split(/\s+/).join(',');
        active = !neverMatch && hostFieldMatches(patterns, alias.toLowerCase());
        continue;
      }
      if (key === 'match') {
        active = false;
        continue;
      }
      if (key === 'include') {
        if (!files || depth >= MAX_INCLUDE_DEPTH) continue;
        for (const pattern of value.split(/\s+/)) {
          for (const file of includeFiles(pattern, files)) {
            const included = files.read(file);
            if (included !== undefined) walk(included, active, !active, depth + 1);
          }
        }
        continue;
      }
      if (!active) continue;
      if (multi.has(key)) {
        // UserKnownHostsFile takes several files on one line; IdentityFile repeats.
        const values = key === 'userknownhostsfile' ? value.split(/\s+/) : [value];
        if (key === 'userknownhostsfile' && out.has(key)) continue;
        out.set(key, [...(out.get(key) ?? []), ...values]);
      } else if (!out.has(key)) out.set(key, [value]);
    }
  };
  walk(text, true, false, 0);
  return out;
}

function expand(path: string, t: { home: string; host: string; user: string; port: number }) {
  const p = path.replace(/^~(?=\/|$)/, t.home);
  return p.replace(/%([%dhpru])/g, (_, c: string) =>
    c === '%' ? '%' : c === 'd' ? t.home : c === 'h' ? t.host : c === 'p' ? String(t.port) : t.user,
  );
}

/** Resolves ssh://[user@]alias[:port] against the config text (which may be empty). */
export function resolveSshTarget(
  configText: string,
  address: { host: string; port?: number; username?: string },
  d: SshDefaults,
  files?: SshConfigFiles,
): SshTarget {
  const c = configFor(configText, address.host, files);
  const one = (k: string) => c.get(k)?.[0];
  const host = one('hostname')?.replace(/%h/g, address.host) ?? address.host;
  const configPort = Number(one('port'));
  const port = address.port ?? (Number.isInteger(configPort) && configPort > 0 ? configPort : 22);
  const username = address.username ?? one('user') ?? d.user;
  const t = { home: d.home, host, user: username, port };
  const identityFiles = (c.get('identityfile') ?? []).map((p) => expand(p, t));
  const known = (c.get('userknownhostsfile') ?? [])
    .filter((p) => p.toLowerCase() !== 'none')
    .map((p) => expand(p, t));
  const agent = one('identityagent');
  return {
    alias: address.host,
    host,
    port,
    username,
    identityFiles,
    identitiesOnly: one('identitiesonly')?.toLowerCase() === 'yes',
    ...(agent ? { identityAgent: expand(agent, t) } : {}),
    knownHostsFiles: known.length ? known : [join(d.home, '.ssh', 'known_hosts')],
    hashKnownHosts: one('hashknownhosts')?.toLowerCase() === 'yes',
  };
}

/** The identity files ssh tries when the config names none, in its order. */
export function defaultIdentityFiles(home: string): string[] {
  return ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(home, '.ssh', f));
}
