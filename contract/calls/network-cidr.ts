/**
 * IP address and CIDR checks for "Create network" and "Connect container". Pure and shared: the
 * renderer shows the message at the field before anything is sent, the router rejects the same
 * inputs. IPv4 and IPv6, held as bigint so both families use one code path.
 */
export interface ParsedIp {
  family: 4 | 6;
  value: bigint;
}
export interface ParsedCidr extends ParsedIp {
  prefix: number;
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const bits = (family: 4 | 6) => (family === 4 ? 32 : 128);

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // No leading zeros: "010" is octal to some tools and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let t = text;
  // An embedded IPv4 tail ("::ffff:10.0.0.1") is two 16-bit groups written in dotted form.
  const lastColon = t.lastIndexOf(':');
  if (t.slice(lastColon + 1).includes('.')) {
    const v4 = parseV4(t.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    t = `${t.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  if (!/^[0-9a-fA-F:]+$/.test(t) || t.split('::').length > 2) return undefined;
  let groups: string[];
  if (t.includes('::')) {
    const [left = '', right = ''] = t.split('::');
    const l = left ? left.split(':') : [];
    const r = right ? right.split(':') : [];
    if (l.length + r.length > 7) return undefined;
    groups = [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r];
  } else {
    groups = t.split(':');
    if (groups.length !== 8) return undefined;
  }
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return value;
}

export function parseIp(text: string): Checked<ParsedIp> {
  const t = text.trim();
  const v4 = parseV4(t);
  if (v4 !== undefined) return { ok: true, value: { family: 4, value: v4 } };
  const v6 = t.includes(':') ? parseV6(t) : undefined;
  if (v6 !== undefined) return { ok: true, value: { family: 6, value: v6 } };
  return { ok: false, message: `“${t}” is not an IP address (e.g. 172.28.0.1).` };
}

/** "172.28.0.0/16". Host bits must be zero, as the engine requires of a subnet. */
export function parseCidr(text: string, what = 'subnet'): Checked<ParsedCidr> {
  const t = text.trim();
  const slash = t.indexOf('/');
  const example = `e.g. 172.28.0.0/16`;
  if (slash < 0) return { ok: false, message: `Write the ${what} as address/prefix (${example}).` };
  const ip = parseIp(t.slice(0, slash));
  if (!ip.ok) return { ok: false, message: `The ${what} “${t}” is not a valid CIDR (${example}).` };
  const prefixText = t.slice(slash + 1);
  const max = bits(ip.value.family);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return { ok: false, message: `The prefix length of the ${what} must be 0–${max}.` };
  }
  const prefix = Number(prefixText);
  const cidr = { ...ip.value, prefix };
  if (cidr.value !== networkOf(cidr)) {
    return {
      ok: false,
      message: `The ${what} “${t}” has host bits set: did you mean ${formatCidr({ ...cidr, value: networkOf(cidr) })}?`,
    };
  }
  return { ok: true, value: cidr };
}

function mask(family: 4 | 6, prefix: number): bigint {
  const width = BigInt(bits(family));
  return ((1n << width) - 1n) ^ ((1n << (width - BigInt(prefix))) - 1n);
}

function networkOf(c: ParsedCidr): bigint {
  return c.value & mask(c.family, c.prefix);
}

export function formatIp(ip: ParsedIp): string {
  if (ip.family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) =>
    ((ip.value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16),
  );
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

export function formatCidr(c: ParsedCidr): string {
  return `${formatIp(c)}/${c.prefix}`;
}

export function ipInCidr(ip: ParsedIp, c: ParsedCidr): boolean {
  return ip.family === c.family && (ip.value & mask(c.family, c.prefix)) === networkOf(c);
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrInCidr(inner: ParsedCidr, outer: ParsedCidr): boolean {
  return inner.prefix >= outer.prefix && ipInCidr(inner, outer);
}

export interface IpamInput {
  subnet?: string | undefined;
  gateway?: string | undefined;
  ipRange?: string | undefined;
}

/** Field → message for every problem in the IPAM fields of "Create network"; empty when fine. */
export function checkIpam(input: IpamInput): Partial<Record<keyof IpamInput, string>> {
  const errors: Partial<Record<keyof IpamInput, string>> = {};
  const subnetText = input.subnet?.trim();
  const gatewayText = input.gateway?.trim();
  const rangeText = input.ipRange?.trim();
  const subnet = subnetText ? parseCidr(subnetText) : undefined;
  if (subnet && !subnet.ok) errors.subnet = subnet.message;
  if (!subnetText && (gatewayText || rangeText)) {
    const message = 'Set a subnet first: the engine needs one to place this in.';
    if (gatewayText) errors.gateway = message;
    if (rangeText) errors.ipRange = message;
    return errors;
  }
  if (gatewayText) {
    const gateway = parseIp(gatewayText);
    if (!gateway.ok) errors.gateway = gateway.message;
    else if (subnet?.ok && !ipInCidr(gateway.value, subnet.value)) {
      errors.gateway = `The gateway ${gatewayText} is outside the subnet ${subnetText}.`;
    }
  }
  if (rangeText) {
    const range = parseCidr(rangeText, 'IP range');
    if (!range.ok) errors.ipRange = range.message;
    else if (subnet?.ok && !cidrInCidr(range.value, subnet.value)) {
      errors.ipRange = `The IP range ${rangeText} is not inside the subnet ${subnetText}.`;
    }
  }
  return errors;
}
