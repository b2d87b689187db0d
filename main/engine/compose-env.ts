/**
 * Env files and `${VAR}` interpolation as compose does them, for the preview: what the CLI will
 * substitute is what the preview shows (images, ports) and checks against the schema.
 */

export interface EnvFileIssue {
  line: number;
  message: string;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** KEY=VALUE lines; `#` comments, blank lines, `export KEY=…`, single and double quotes. */
export function parseEnvFile(text: string): {
  vars: Record<string, string>;
  issues: EnvFileIssue[];
} {
  const vars: Record<string, string> = {};
  const issues: EnvFileIssue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\s*export\s+/, '').trim();
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!KEY.test(key)) {
      issues.push({ line: i + 1, message: `expected KEY=VALUE, found "${line.slice(0, 60)}"` });
      return;
    }
    // A bare KEY takes its value from the environment in compose; the preview has none.
    vars[key] = eq < 0 ? '' : unquote(line.slice(eq + 1).trim());
  });
  return { vars, issues };
}

function unquote(v: string): string {
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2 && v.endsWith(q)) {
    const inner = v.slice(1, -1);
    return q === '"' ? inner.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : inner;
  }
  // Unquoted: an inline comment needs a space before its #.
  return v.replace(/\s+#.*$/, '');
}

export interface Interpolated {
  value: unknown;
  /** Variables used but not set (compose warns and substitutes ""). */
  missing: string[];
  /** `${VAR:?message}` failures and malformed references, with where they are. */
  errors: { path: (string | number)[]; message: string }[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Substitutes variables in every string value (never in keys) of a parsed compose file. */
export function interpolate(value: unknown, vars: Record<string, string>): Interpolated {
  const missing = new Set<string>();
  const errors: Interpolated['errors'] = [];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      const r = substitute(v, vars, missing);
      if (r.error) errors.push({ path, message: r.error });
      return r.text;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, [...path, k]);
      return out;
    }
    return v;
  };
  const out = walk(value, []);
  return { value: out, missing: [...missing].sort(), errors };
}

/** One string: $$ → $, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR:+alt}. */
export function substitute(
  s: string,
  vars: Record<string, string>,
  missing: Set<string> = new Set(),
): { text: string; error?: string } {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const dollar = s.indexOf('$', i);
    if (dollar < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, dollar);
    const next = s[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(s, dollar + 2);
      if (close < 0) return { text: s, error: `Invalid interpolation format for "${s}"` };
      const r = braced(s.slice(dollar + 2, close), vars, missing);
      if ('error' in r) return { text: s, error: r.error };
      out += r.text;
      i = close + 1;
      continue;
    }
    const name = NAME.exec(s.slice(dollar + 1))?.[0];
    if (!name) {
      // A lone "$" before a non-name: compose v2 keeps it, v1 rejects it; keep it and say so.
      return {
        text: s,
        error: `Invalid interpolation format for "${s}": write $$ for a literal $`,
      };
    }
    out += lookup(name, vars, missing) ?? '';
    i = dollar + 1 + name.length;
  }
  return { text: out };
}

/** The "}" closing a "${" whose body starts at `from` (defaults may nest: ${A:-${B}}). */
function matchingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '{' && s[i - 1] === '$') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function lookup(name: string, vars: Record<string, string>, missing: Set<string>) {
  if (Object.hasOwn(vars, name)) return vars[name];
  missing.add(name);
  return undefined;
}

function braced(
  body: string,
  vars: Record<string, string>,
  missing: Set<string>,
): { text: string } | { error: string } {
  const name = NAME.exec(body)?.[0];
  if (!name) return { error: `Invalid interpolation format for "\${${body}}"` };
  const rest = body.slice(name.length);
  const set = Object.hasOwn(vars, name);
  const value = set ? vars[name]! : undefined;
  if (rest === '') {
    if (!set) missing.add(name);
    return { text: value ?? '' };
  }
  const op = /^(:?[-?+])([\s\S]*)$/.exec(rest);
  if (!op) return { error: `Invalid interpolation format for "\${${body}}"` };
  const [, kind, arg = ''] = op;
  // With ":" an empty value counts as unset, as in the shell.
  const present = kind!.startsWith(':') ? !!value : set;
  const argText = substitute(arg, vars, missing);
  if (argText.error) return { error: argText.error };
  switch (kind) {
    case '-':
    case ':-':
      return { text: present ? value! : argText.text };
    case '+':
    case ':+':
      return { text: present ? argText.text : '' };
    default:
      return present
        ? { text: value! }
        : { error: `required variable ${name} is missing a value: ${argText.text || name}` };
  }
}
