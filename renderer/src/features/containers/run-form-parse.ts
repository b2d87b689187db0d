import {
  CAPABILITY,
  ENV_KEY,
  parseKeyValues,
  type EnvVar,
  type MountSpec,
} from '../../../../contract';

/** Pure parsing for the run form's rows and advanced options; `run-form.ts` puts it together. */

export type FormErrors = Record<string, string>;

/** One key/value row (a variable or a label), as typed. */
export interface KeyValueRow {
  key: string;
  value: string;
}

export type VolumeKind = 'volume' | 'bind' | 'anonymous';

/** One mount row, as typed. `fresh`: a new volume's name is typed instead of picked. */
export interface VolumeRow {
  kind: VolumeKind;
  source: string;
  target: string;
  readOnly: boolean;
  fresh: boolean;
}

export const emptyKeyValueRow = (): KeyValueRow => ({ key: '', value: '' });
export const emptyVolumeRow = (fresh = false): VolumeRow => ({
  kind: 'volume',
  source: '',
  target: '',
  readOnly: false,
  fresh,
});

/** A .env value: quoted (up to its closing quote; `\\n` and escapes in double quotes) or bare. */
function envValue(raw: string): string {
  const q = raw[0];
  if (q === '"' || q === "'") {
    let out = '';
    for (let i = 1; i < raw.length; i++) {
      const ch = raw[i]!;
      if (ch === q) return out; // anything after the closing quote is a comment
      if (q === '"' && ch === '\\' && i + 1 < raw.length) {
        const next = raw[++i]!;
        out += next === 'n' ? '\n' : next;
      } else out += ch;
    }
    return raw; // unclosed: take it literally
  }
  return raw.replace(/\s+#.*$/, ''); // an unquoted trailing comment
}

const badEnvKey = (key: string) =>
  `“${key}” is not a valid variable name (letters, digits, _ . -, not starting with a digit).`;

/**
 * KEY=VALUE lines, or a pasted .env file: `#` comments, blank lines, `export KEY=…`, and values
 * in single or double quotes are understood. Each problem names its line.
 */
export function parseEnv(
  text: string,
): { ok: true; env: EnvVar[] } | { ok: false; message: string } {
  const env: EnvVar[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const body = line.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    const key = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (!ENV_KEY.test(key))
      return { ok: false, message: `Line ${i + 1}: ${badEnvKey(key || body)}` };
    const value = envValue(eq < 0 ? '' : body.slice(eq + 1).trim());
    const prior = seen.get(key);
    if (prior !== undefined) env[prior] = { key, value };
    else {
      seen.set(key, env.length);
      env.push({ key, value });
    }
  }
  return { ok: true, env };
}

/** Pasted pairs into the rows: a key already there takes the new value; empty rows go. */
export function mergeRows(rows: KeyValueRow[], pasted: KeyValueRow[]): KeyValueRow[] {
  const out = rows.filter((r) => r.key.trim() || r.value);
  for (const p of pasted) {
    const at = out.findIndex((r) => r.key.trim() === p.key);
    if (at >= 0) out[at] = { key: p.key, value: p.value };
    else out.push({ key: p.key, value: p.value });
  }
  return out;
}

interface RowRules {
  /** Error keys are `${field}.${i}.key` / `.value`; the whole list's is `field`. */
  field: string;
  noun: string;
  max: number;
  maxValue: number;
  validKey(key: string): string | undefined;
}

/** Rows → pairs, flagging bad keys, keys given twice, values without a key and the limits. */
export function checkRows(rows: KeyValueRow[], rules: RowRules, errors: FormErrors): KeyValueRow[] {
  const out: KeyValueRow[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = r.key.trim();
    if (!key && !r.value) return; // an empty row
    const at = `${rules.field}.${i}`;
    const bad = !key ? `Give the ${rules.noun} a name.` : rules.validKey(key);
    if (bad) errors[`${at}.key`] = bad;
    else if (seen.has(key)) errors[`${at}.key`] = `“${key}” is given twice.`;
    if (r.value.length > rules.maxValue)
      errors[`${at}.value`] = `At most ${rules.maxValue} characters.`;
    seen.add(key);
    out.push({ key, value: r.value });
  });
  if (out.length > rules.max) errors[rules.field] = `At most ${rules.max} ${rules.noun}s.`;
  return out;
}

export const ENV_RULES: RowRules = {
  field: 'env',
  noun: 'variable',
  max: 200,
  maxValue: 8192,
  validKey: (k) => (ENV_KEY.test(k) && k.length <= 256 ? undefined : badEnvKey(k)),
};

export const LABEL_RULES: RowRules = {
  field: 'labels',
  noun: 'label',
  max: 100,
  maxValue: 2048,
  validKey: (k) =>
    /\s/.test(k) ? 'A key has no spaces.' : k.length > 256 ? 'At most 256 characters.' : undefined,
};

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Volume rows → mounts; an empty row is skipped. */
export function checkVolumes(rows: VolumeRow[], errors: FormErrors): MountSpec[] {
  const mounts: MountSpec[] = [];
  rows.forEach((r, i) => {
    const source = r.kind === 'anonymous' ? '' : r.source.trim();
    const target = r.target.trim();
    if (!source && !target && r.kind !== 'anonymous') return;
    const at = `volumes.${i}`;
    if (!target.startsWith('/'))
      errors[`${at}.target`] = 'The container path is absolute, e.g. /data.';
    if (r.kind === 'bind' && !source.startsWith('/'))
      errors[`${at}.source`] = 'The host folder is an absolute path, e.g. /srv/data.';
    if (r.kind === 'volume' && !VOLUME_NAME.test(source))
      errors[`${at}.source`] = source
        ? 'A volume name has letters, digits, “_”, “.” or “-”, starting with a letter or digit.'
        : 'Pick a volume, or choose “New volume…” and name it.';
    mounts.push({
      type: r.kind === 'bind' ? 'bind' : 'volume',
      source,
      target,
      readOnly: r.readOnly,
    });
  });
  if (mounts.length > 100) errors.volumes = 'At most 100 volumes.';
  return mounts;
}

export function volumeRowFromMount(m: MountSpec): VolumeRow {
  const kind: VolumeKind = m.type === 'bind' ? 'bind' : m.source ? 'volume' : 'anonymous';
  return { kind, source: m.source, target: m.target, readOnly: m.readOnly, fresh: false };
}

const UNITS: Record<string, number> = { b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** `--memory` syntax: a number with b, k, m, g or t (powers of 1024); '' = no limit (0). */
export function parseMemory(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return 0;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt])?b?$/.exec(t);
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * UNITS[m[2] ?? 'b']!);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Bytes in the largest unit that divides them: 67108864 → "64m". */
export function formatMemory(bytes: number): string {
  if (!bytes) return '';
  for (const unit of ['t', 'g', 'm', 'k'] as const) {
    if (bytes % UNITS[unit]! === 0) return `${bytes / UNITS[unit]!}${unit}`;
  }
  return String(bytes);
}

/** `--cpus` syntax: "1.5" → 1_500_000_000 nano-CPUs; '' = no limit (0). */
export function parseCpus(text: string): number | undefined {
  const t = text.trim();
  if (!t) return 0;
  if (!/^\d+(\.\d{1,9})?$|^\.\d{1,9}$/.test(t)) return undefined;
  const nano = Math.round(Number(t) * 1e9);
  return nano > 0 && nano <= 1e9 * 4096 ? nano : undefined;
}

export const formatCpus = (nano: number) => (nano ? String(nano / 1e9) : '');

/** "NET_ADMIN, cap_sys_time" → ["NET_ADMIN", "SYS_TIME"], or the first name that is not one. */
export function parseCaps(
  text: string,
): { ok: true; caps: string[] } | { ok: false; message: string } {
  const caps: string[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const name = word.toUpperCase().replace(/^CAP_/, '');
    if (!CAPABILITY.test(name) || name.length > 32) {
      return {
        ok: false,
        message: `“${word}” is not a capability name (e.g. NET_ADMIN or CAP_NET_ADMIN).`,
      };
    }
    if (!caps.includes(name)) caps.push(name);
  }
  if (caps.length > 48) return { ok: false, message: 'At most 48 capabilities.' };
  return { ok: true, caps };
}

/** Several lines pasted into a variable's key: the .env they make, or undefined (paste as is). */
export function pastedVariables(text: string): KeyValueRow[] | undefined {
  const parsed = parseEnv(text);
  return parsed.ok && parsed.env.length ? parsed.env : undefined;
}

/** Several KEY=VALUE lines pasted into a label's key: the labels, or undefined (paste as is). */
export function pastedLabels(text: string): KeyValueRow[] | undefined {
  const parsed = parseKeyValues(text);
  if (!parsed.ok) return undefined;
  const rows = Object.entries(parsed.value).map(([key, value]) => ({ key, value }));
  return rows.length ? rows : undefined;
}
