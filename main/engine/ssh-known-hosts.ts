import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * OpenSSH's known_hosts, read the way `ssh` reads it: plain and hashed (`|1|salt|hmac`) host
 * fields, `[host]:port` for other ports, `*`/`?` patterns and `!` negations, `@revoked` lines.
 * `@cert-authority` lines are skipped: Porthole does not verify host certificates.
 */

export interface HostKey {
  /** The key type from the wire blob, e.g. "ssh-ed25519". */
  type: string;
  /** The public key in SSH wire format (what the server sends, what known_hosts holds in base64). */
  blob: Buffer;
}

export type HostKeyVerdict =
  | { state: 'trusted' }
  | { state: 'unknown'; fingerprint: string }
  /** Known with another key of the same type: the server changed, or someone is in between. */
  | { state: 'changed'; fingerprint: string; line: number }
  | { state: 'revoked'; fingerprint: string; line: number };

interface Entry {
  line: number;
  marker: '' | 'revoked' | 'cert-authority';
  hosts: string;
  type: string;
  blob: Buffer;
}

/** "SHA256:…" as `ssh-keygen -lf` prints it: unpadded base64 of the blob's SHA-256. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type inside a wire-format blob (its first length-prefixed string). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return '';
  const len = blob.readUInt32BE(0);
  if (len > 64 || blob.length < 4 + len) return '';
  return blob.subarray(4, 4 + len).toString('latin1');
}

/** What known_hosts (and ssh) calls this host: "host" on port 22, "[host]:port" otherwise. */
export function hostToken(host: string, port: number): string {
  return port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
}

function parse(text: string): Entry[] {
  const entries: Entry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: Entry['marker'] = '';
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift()!.slice(1);
      if (m !== 'revoked' && m !== 'cert-authority') return;
      marker = m;
    }
    const [hosts, type, b64] = fields;
    if (!hosts || !type || !b64) return;
    const blob = Buffer.from(b64, 'base64');
    if (blob.length === 0) return;
    entries.push({ line: i + 1, marker, hosts, type, blob });
  });
  return entries;
}

/** A glob with `*` and `?` only, as ssh's match_pattern. Linear: no backtracking regex. */
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function hashedMatch(field: string, token: string): boolean {
  const [, magic, salt, hash] = field.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(token).digest('base64');
  return mac === hash;
}

/** Does a host field (comma-separated patterns, or one hashed name) name this host token? */
export function hostFieldMatches(field: string, token: string): boolean {
  if (field.startsWith('|')) return hashedMatch(field, token);
  let matched = false;
  for (const raw of field.toLowerCase().split(',')) {
    const negated = raw.startsWith('!');
    const pattern = negated ? raw.slice(1) : raw;
    if (!globMatch(pattern, token)) continue;
    if (negated) return false; // a negated match wins over every positive one
    matched = true;
  }
  return matched;
}

/** The key types known_hosts holds for this host (to ask the server for one of those first). */
export function knownTypes(text: string, host: string, port: number): string[] {
  const token = hostToken(host, port);
  const types = parse(text)
    .filter((e) => e.marker === '' && hostFieldMatches(e.hosts, token))
    .map((e) => e.type);
  return [...new Set(types)];
}

/**
 * The verdict for the key a server presented. Never "trusted" by default: only a line naming
 * this host with exactly this key trusts it.
 */
export function verifyHostKey(
  text: string,
  host: string,
  port: number,
  key: HostKey,
): HostKeyVerdict {
  const token = hostToken(host, port);
  const fingerprint = fingerprintOf(key.blob);
  const mine = parse(text).filter(
    (e) => e.marker !== 'cert-authority' && hostFieldMatches(e.hosts, token),
  );
  const revoked = mine.find((e) => e.marker === 'revoked' && e.blob.equals(key.blob));
  if (revoked) return { state: 'revoked', fingerprint, line: revoked.line };
  if (mine.some((e) => e.marker === '' && e.blob.equals(key.blob))) return { state: 'trusted' };
  const sameType = mine.find((e) => e.marker === '' && e.type === key.type);
  if (sameType) return { state: 'changed', fingerprint, line: sameType.line };
  return { state: 'unknown', fingerprint };
}

/**
 * The line `ssh` would append after "yes": hashed when the user's config asks for hashed names
 * (HashKnownHosts yes), so Porthole never leaks host names ssh itself would have hidden.
 */
export function knownHostsLine(host: string, port: number, key: HostKey, hashed: boolean): string {
  const token = hostToken(host, port);
  let name = token;
  if (hashed) {
    const salt = randomBytes(20);
    const mac = createHmac('sha1', salt).update(token).digest('base64');
    name = `|1|${salt.toString('base64')}|${mac}`;
  }
  return `${name} ${key.type} ${key.blob.toString('base64')}`;
}
