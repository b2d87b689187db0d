/**
 * Image reference validation, after the grammar of distribution/reference (what the docker CLI
 * and the engine accept). Pure and shared: the renderer shows the message at the field before
 * anything is sent, and the router rejects the same inputs.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] path-component ("/" path-component)*
 */
export type ParsedReference =
  | {
      ok: true;
      /** Registry host[:port] when the reference names one. */
      domain: string | undefined;
      /** The repository without domain, tag or digest: "library/nginx" stays "library/nginx". */
      path: string;
      tag: string | undefined;
      digest: string | undefined;
      /** What to send the engine: a tag is added when there is neither tag nor digest, because
       * the pull API without a tag pulls every tag of the repository. */
      normalized: string;
    }
  | { ok: false; message: string };

const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_MAX = 255;

function isDomain(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

function checkDomain(domain: string): string | undefined {
  const [host = '', port, extra] = domain.split(':');
  if (extra !== undefined || (port !== undefined && !/^\d{1,5}$/.test(port))) {
    return `"${domain}" is not a valid registry address (host or host:port).`;
  }
  if (!host.split('.').every((c) => DOMAIN_COMPONENT.test(c))) {
    return `"${domain}" is not a valid registry host name.`;
  }
  return undefined;
}

export function parseReference(input: string): ParsedReference {
  const fail = (message: string) => ({ ok: false as const, message });
  if (input.trim() === '') return fail('Enter an image reference, e.g. busybox:latest.');
  if (/\s/.test(input)) return fail('An image reference cannot contain spaces.');

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest) && !DIGEST.test(digest)) {
      return fail(
        `"${digest}" is not a valid digest: use sha256: followed by 64 lowercase hex characters.`,
      );
    }
    if (digest.startsWith('sha256:') && !/^sha256:[0-9a-f]{64}$/.test(digest)) {
      return fail('A sha256 digest has exactly 64 lowercase hex characters after "sha256:".');
    }
  }

  // The tag is after the last colon, unless that colon belongs to host:port (then a "/" follows).
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return fail(
        `"${tag}" is not a valid tag: letters, digits, "_", "." and "-", at most 128, not starting with "." or "-".`,
      );
    }
  }

  const parts = rest.split('/');
  let domain: string | undefined;
  if (parts.length > 1 && isDomain(parts[0]!)) {
    domain = parts.shift()!;
    const err = checkDomain(domain);
    if (err) return fail(err);
  }
  const path = parts.join('/');
  if (path === '') return fail('The reference has no repository name.');
  if (/[A-Z]/.test(path)) {
    return fail(`Repository names must be lowercase: "${path}" has uppercase letters.`);
  }
  const bad = parts.find((p) => !PATH_COMPONENT.test(p));
  if (bad !== undefined) {
    return fail(
      bad === ''
        ? 'The repository name has an empty part ("//" or a trailing "/").'
        : `"${bad}" is not a valid repository name part: lowercase letters and digits, separated by ".", "_", "__" or "-".`,
    );
  }
  const name = domain ? `${domain}/${path}` : path;
  if (name.length > NAME_MAX)
    return fail(`The repository name is longer than ${NAME_MAX} characters.`);

  const normalized = `${name}${tag ? `:${tag}` : digest ? '' : ':latest'}${digest ? `@${digest}` : ''}`;
  return { ok: true, domain, path, tag, digest, normalized };
}

/** For a tag target: a name with an optional tag, never a digest. */
export function parseTagTarget(input: string): ParsedReference {
  const parsed = parseReference(input);
  if (parsed.ok && parsed.digest) {
    return { ok: false, message: 'A new tag cannot contain a digest ("@sha256:…").' };
  }
  return parsed;
}

/** "registry:5000/team/web-app:1.2" → "web-app-3f9a": readable, and unlikely to collide. */
export function defaultContainerName(ref: string, suffix: string): string {
  const parsed = parseReference(ref);
  const last = parsed.ok && !/^sha256$/.test(parsed.path) ? parsed.path.split('/').pop()! : 'image';
  const base = last.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '') || 'container';
  return `${base.slice(0, 40)}-${suffix}`;
}
