import { parseReference } from './calls/image-ref';
import type { PortSpec } from './calls/container-spec';

/**
 * Deep links: `porthole://run?image=REF[&port=…]` (the registered protocol, Electron) and the
 * same route in the page, `#/run?image=REF[&port=…]` (web mode, and where Electron's main window
 * is sent). A link is untrusted input from anywhere (a web page, a chat message): every parameter
 * is checked here, once, for both, and a link only ever prefills the "Run a container" form —
 * nothing is pulled or run before the user presses Run.
 */
export const DEEP_LINK_SCHEME = 'porthole';

export const DEEP_LINK_LIMITS = {
  /** The whole query string, as received (before decoding). */
  queryChars: 2048,
  /** Longest image reference the run spec accepts. */
  imageChars: 512,
  /** `port` parameters in one link. */
  ports: 8,
  /** One `port` value: `[hostIp:][hostPort:]containerPort[/protocol]`. */
  portChars: 64,
} as const;

export interface RunLink {
  /** The reference as the link gave it (already valid). */
  image: string;
  ports: PortSpec[];
}

export type RunLinkResult = { ok: true; link: RunLink } | { ok: false; message: string };

const KNOWN = new Set(['image', 'port']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const SHELL = /[;&|`$<>()\\'"!*?{}[\]]/;

/** A value echoed in a message: short, and with nothing that could pass for a line of its own. */
function shown(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '�');
  return `“${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}”`;
}

function portNumber(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** `docker run -p` syntax: 80, 8080:80, 127.0.0.1:8080:80, 127.0.0.1::80, each with /udp etc. */
export function parsePortParam(value: string): PortSpec | string {
  const bad = `The port ${shown(value)} is not one Porthole understands: write 80, 8080:80 or 127.0.0.1:8080:80, optionally with /tcp, /udp or /sctp.`;
  if (value.length > DEEP_LINK_LIMITS.portChars) return bad;
  const [address = '', protocol = 'tcp', extra] = value.split('/');
  if (extra !== undefined || (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp'))
    return bad;
  const parts = address.split(':');
  if (parts.length > 3) return bad;
  const containerPort = portNumber(parts.pop()!);
  if (containerPort === undefined) return bad;
  const hostPortText = parts.pop() ?? '';
  const hostPort = hostPortText === '' ? null : portNumber(hostPortText);
  if (hostPort === undefined) return bad;
  const hostIp = parts.pop() ?? '';
  if (hostIp !== '' && !IPV4.test(hostIp)) return bad;
  if (parts.length === 0 && address.split(':').length === 3 && hostIp === '') return bad;
  return { hostIp, hostPort, containerPort, protocol };
}

/** Checks one image value; undefined when it is a valid reference. */
function imageProblem(image: string): string | undefined {
  if (image === '') return 'The link’s image is empty.';
  if (image.length > DEEP_LINK_LIMITS.imageChars)
    return `The link’s image is longer than ${DEEP_LINK_LIMITS.imageChars} characters.`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(image) || /^\/\//.test(image))
    return `The link’s image ${shown(image)} is a web address, not an image reference (such as nginx:1.27).`;
  const symbol = SHELL.exec(image);
  if (symbol)
    return `The link’s image ${shown(image)} contains “${symbol[0]}”, which no image reference has.`;
  const parsed = parseReference(image);
  if (!parsed.ok)
    return `The link’s image ${shown(image)} is not a valid image reference: ${parsed.message}`;
  return undefined;
}

/**
 * The query of a run link (`image=busybox&port=8080:80`, with or without the leading "?") →
 * what to prefill, or one message saying what is wrong with it.
 */
export function parseRunQuery(query: string): RunLinkResult {
  const fail = (message: string) => ({ ok: false as const, message });
  const raw = query.startsWith('?') ? query.slice(1) : query;
  if (raw.length > DEEP_LINK_LIMITS.queryChars) {
    return fail(
      `The link is too long (${raw.length.toLocaleString('en')} characters; a run link has at most ${DEEP_LINK_LIMITS.queryChars.toLocaleString('en')}).`,
    );
  }
  const params = new URLSearchParams(raw);
  const images: string[] = [];
  const portValues: string[] = [];
  for (const [key, value] of params) {
    if (!KNOWN.has(key))
      return fail(`The link has a parameter Porthole does not know: ${shown(key)}.`);
    if (CONTROL.test(value))
      return fail(`The link’s ${key} contains a line break or another control character.`);
    (key === 'image' ? images : portValues).push(value);
  }
  if (images.length === 0) return fail('The link names no image (it needs ?image=…).');
  if (images.length > 1) return fail('The link names more than one image.');
  const image = images[0]!;
  const problem = imageProblem(image);
  if (problem) return fail(problem);
  if (portValues.length > DEEP_LINK_LIMITS.ports)
    return fail(`The link has more than ${DEEP_LINK_LIMITS.ports} ports.`);
  const ports: PortSpec[] = [];
  for (const value of portValues) {
    const port = parsePortParam(value);
    if (typeof port === 'string') return fail(port);
    ports.push(port);
  }
  return { ok: true, link: { image, ports } };
}

/** A checked link as a query string again, re-encoded from the parsed values. */
export function runLinkQuery(link: RunLink): string {
  const params = new URLSearchParams({ image: link.image });
  for (const p of link.ports) {
    const host = p.hostIp ? `${p.hostIp}:${p.hostPort ?? ''}:` : p.hostPort ? `${p.hostPort}:` : '';
    params.append(
      'port',
      `${host}${p.containerPort}${p.protocol === 'tcp' ? '' : `/${p.protocol}`}`,
    );
  }
  return params.toString();
}

/**
 * A `porthole://…` URL (from the OS: argv, open-url) → the page route to show it at,
 * `/run?…`. A valid link is re-encoded from its parsed values; an invalid one is passed on
 * (cut to the limit + 1, so it stays too long) for the page to say what is wrong — the page
 * checks every route with parseRunQuery anyway. Anything that is not a run link: undefined.
 */
export function deepLinkRoute(url: string): string | undefined {
  const prefix = `${DEEP_LINK_SCHEME}://run`;
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
  const rest = url.slice(prefix.length).replace(/^\/+/, '');
  if (rest !== '' && !rest.startsWith('?')) return undefined;
  const query = rest.slice(1).split('#')[0]!;
  const parsed = parseRunQuery(query);
  if (parsed.ok) return `/run?${runLinkQuery(parsed.link)}`;
  return `/run?${query.slice(0, DEEP_LINK_LIMITS.queryChars + 1)}`;
}

/** The deep link among a process's arguments (Windows and Linux pass it on the command line). */
export function deepLinkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
}
