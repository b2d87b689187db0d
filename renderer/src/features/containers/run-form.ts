import {
  EMPTY_RUN_SPEC,
  ENV_KEY,
  parseKeyValues,
  type EnvVar,
  type MountSpec,
  type PortSpec,
  type Protocol,
  type RestartPolicy,
  type RunSpec,
} from '../../../../contract';

/** One port row of the form, as typed. */
export interface PortRow {
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: Protocol;
}

/** The run form's fields, as typed: text until validated. */
export interface RunForm {
  image: string;
  name: string;
  command: string;
  ports: PortRow[];
  env: string;
  volumes: string;
  network: string;
  restart: RestartPolicy;
  autoRemove: boolean;
  tty: boolean;
  interactive: boolean;
  labels: string;
  workingDir: string;
  user: string;
}

export type FormErrors = Record<string, string>;

/** Splits a command line like a POSIX shell does for words: quotes and backslashes, no expansion. */
export function splitCommand(line: string): { ok: true; args: string[] } | { ok: false } {
  const args: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else cur += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        cur += line[++i];
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) args.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) return { ok: false };
  if (inWord) args.push(cur);
  return { ok: true, args };
}

/** Quotes one word for a POSIX shell only when it needs it. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export const joinCommand = (args: string[]) => args.map(shellQuote).join(' ');

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
    if (!ENV_KEY.test(key)) {
      return {
        ok: false,
        message: `Line ${i + 1}: “${key || body}” is not a valid variable name (letters, digits, _ . -, not starting with a digit).`,
      };
    }
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

const formatEnv = (env: EnvVar[]) =>
  env
    .map((e) =>
      /[\s#"'\\]/.test(e.value) || e.value.includes('\n')
        ? `${e.key}=${JSON.stringify(e.value)}`
        : `${e.key}=${e.value}`,
    )
    .join('\n');

/** `docker run -v` syntax, one per line: /host:/target[:ro], name:/target[:ro], or /target. */
export function parseVolumes(
  text: string,
): { ok: true; mounts: MountSpec[] } | { ok: false; message: string } {
  const mounts: MountSpec[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(':');
    let readOnly = false;
    if (parts.length > 1 && (parts.at(-1) === 'ro' || parts.at(-1) === 'rw')) {
      readOnly = parts.pop() === 'ro';
    }
    const [source, target] = parts.length === 1 ? ['', parts[0]!] : parts.length === 2 ? parts : [];
    if (target === undefined || source === undefined || !target.startsWith('/')) {
      return {
        ok: false,
        message: `Line ${i + 1}: write /host/path:/container/path, volume-name:/container/path or /container/path (add :ro for read-only).`,
      };
    }
    if (source && !source.startsWith('/') && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source)) {
      return {
        ok: false,
        message: `Line ${i + 1}: “${source}” is neither an absolute host path nor a volume name.`,
      };
    }
    mounts.push({ type: source.startsWith('/') ? 'bind' : 'volume', source, target, readOnly });
  }
  return { ok: true, mounts };
}

const formatVolumes = (mounts: MountSpec[]) =>
  mounts
    .map((m) => `${m.source ? `${m.source}:` : ''}${m.target}${m.readOnly ? ':ro' : ''}`)
    .join('\n');

function parsePortNumber(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= 1 && n <= 65535 ? n : undefined;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The form's text → a spec, or a message per field. Nothing is sent while there are errors. */
export function validateRunForm(form: RunForm): { spec?: RunSpec; errors: FormErrors } {
  const errors: FormErrors = {};
  const image = form.image.trim();
  if (!image) errors.image = 'Give an image, e.g. nginx:1.27.';
  else if (/\s/.test(image)) errors.image = 'An image reference has no spaces.';
  const name = form.name.trim();
  if (name && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) {
    errors.name = 'Use letters, digits, “_”, “.” or “-”, starting with a letter or digit.';
  }
  const command = splitCommand(form.command);
  if (!command.ok) errors.command = 'A quote is not closed.';
  const ports: PortSpec[] = [];
  form.ports.forEach((p, i) => {
    if (!p.containerPort.trim() && !p.hostPort.trim() && !p.hostIp.trim()) return; // an empty row
    const containerPort = parsePortNumber(p.containerPort);
    if (containerPort === undefined)
      errors[`ports.${i}.containerPort`] = 'A port is a number from 1 to 65535.';
    let hostPort: number | null = null;
    if (p.hostPort.trim()) {
      const n = parsePortNumber(p.hostPort);
      if (n === undefined)
        errors[`ports.${i}.hostPort`] =
          'A port is a number from 1 to 65535, or empty for a random one.';
      else hostPort = n;
    }
    const hostIp = p.hostIp.trim();
    if (hostIp && !IPV4.test(hostIp) && !/^[0-9a-fA-F:]+$/.test(hostIp)) {
      errors[`ports.${i}.hostIp`] =
        'An IP address such as 127.0.0.1, or empty for every interface.';
    }
    if (containerPort !== undefined)
      ports.push({ hostIp, hostPort, containerPort, protocol: p.protocol });
  });
  const env = parseEnv(form.env);
  if (!env.ok) errors.env = env.message;
  const volumes = parseVolumes(form.volumes);
  if (!volumes.ok) errors.volumes = volumes.message;
  const labels = parseKeyValues(form.labels);
  if (!labels.ok) errors.labels = labels.message;
  if (form.workingDir.trim() && !form.workingDir.trim().startsWith('/')) {
    errors.workingDir = 'The working directory is an absolute path, e.g. /app.';
  }
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    spec: {
      image,
      name,
      command: command.ok ? command.args : [],
      env: env.ok ? env.env : [],
      ports,
      mounts: volumes.ok ? volumes.mounts : [],
      network: form.network.trim(),
      restart: form.restart,
      autoRemove: form.autoRemove,
      tty: form.tty,
      interactive: form.interactive,
      labels: labels.ok ? labels.value : {},
      workingDir: form.workingDir.trim(),
      user: form.user.trim(),
    },
  };
}

export const emptyPortRow = (): PortRow => ({
  hostIp: '',
  hostPort: '',
  containerPort: '',
  protocol: 'tcp',
});

/** A spec (from an image, or from a container to recreate) as the form's text. */
export function formFromSpec(initial: Partial<RunSpec> = {}): RunForm {
  const s = { ...EMPTY_RUN_SPEC, ...initial };
  return {
    image: s.image,
    name: s.name,
    command: joinCommand(s.command),
    ports: s.ports.map((p) => ({
      hostIp: p.hostIp,
      hostPort: p.hostPort === null ? '' : String(p.hostPort),
      containerPort: String(p.containerPort),
      protocol: p.protocol,
    })),
    env: formatEnv(s.env),
    volumes: formatVolumes(s.mounts),
    network: s.network,
    restart: s.restart,
    autoRemove: s.autoRemove,
    tty: s.tty,
    interactive: s.interactive,
    labels: Object.entries(s.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    workingDir: s.workingDir,
    user: s.user,
  };
}
