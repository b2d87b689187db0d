import {
  EMPTY_RUN_SPEC,
  type PortSpec,
  type Protocol,
  type RestartPolicy,
  type RunSpec,
} from '../../../../contract';
import {
  ENV_RULES,
  LABEL_RULES,
  checkRows,
  checkVolumes,
  formatCpus,
  formatMemory,
  mergeRows,
  parseCaps,
  parseCpus,
  parseEnv,
  parseMemory,
  volumeRowFromMount,
  type FormErrors,
  type KeyValueRow,
  type VolumeRow,
} from './run-form-parse';

export type { FormErrors, KeyValueRow, VolumeRow } from './run-form-parse';
export { parseEnv } from './run-form-parse';

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
  env: KeyValueRow[];
  /** A pasted .env block not yet turned into rows; Run takes it too. */
  envPaste: string;
  volumes: VolumeRow[];
  network: string;
  restart: RestartPolicy;
  autoRemove: boolean;
  tty: boolean;
  interactive: boolean;
  labels: KeyValueRow[];
  workingDir: string;
  user: string;
  entrypoint: string;
  memory: string;
  cpus: string;
  capAdd: string;
  capDrop: string;
  gpus: 'none' | 'all';
}

/** The fields folded under "Advanced options": it opens when one of them is wrong. */
export const ADVANCED_FIELDS = [
  'user',
  'workingDir',
  'entrypoint',
  'memory',
  'cpus',
  'capAdd',
  'capDrop',
  'gpus',
] as const;

/** The pasted block merged into the rows, or the paste's own error (at `envPaste`). */
export function applyEnvPaste(
  form: Pick<RunForm, 'env' | 'envPaste'>,
): { ok: true; env: KeyValueRow[] } | { ok: false; message: string } {
  if (!form.envPaste.trim()) return { ok: true, env: form.env };
  const parsed = parseEnv(form.envPaste);
  if (!parsed.ok) return parsed;
  return { ok: true, env: mergeRows(form.env, parsed.env) };
}

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
  let envRows = form.env;
  const pasted = applyEnvPaste(form);
  if (pasted.ok) envRows = pasted.env;
  else errors.envPaste = pasted.message;
  // The dialog adopts the merged rows before it validates, so error indexes match its rows.
  const env = checkRows(envRows, ENV_RULES, errors);
  const mounts = checkVolumes(form.volumes, errors);
  const labels = checkRows(form.labels, LABEL_RULES, errors);
  if (form.workingDir.trim() && !form.workingDir.trim().startsWith('/')) {
    errors.workingDir = 'The working directory is an absolute path, e.g. /app.';
  }
  const entrypoint = splitCommand(form.entrypoint);
  if (!entrypoint.ok) errors.entrypoint = 'A quote is not closed.';
  else if (entrypoint.args.length > 16 || entrypoint.args.some((a) => a.length > 1024))
    errors.entrypoint = 'At most 16 words of 1024 characters.';
  const memory = parseMemory(form.memory);
  if (memory === undefined) errors.memory = 'A size such as 512m or 2g (b, k, m, g, t), or empty.';
  const nanoCpus = parseCpus(form.cpus);
  if (nanoCpus === undefined) errors.cpus = 'A number of CPUs such as 1.5 or 0.5, or empty.';
  const capAdd = parseCaps(form.capAdd);
  if (!capAdd.ok) errors.capAdd = capAdd.message;
  const capDrop = parseCaps(form.capDrop);
  if (!capDrop.ok) errors.capDrop = capDrop.message;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    spec: {
      image,
      name,
      command: command.ok ? command.args : [],
      env,
      ports,
      mounts,
      network: form.network.trim(),
      restart: form.restart,
      autoRemove: form.autoRemove,
      tty: form.tty,
      interactive: form.interactive,
      labels: Object.fromEntries(labels.map((l) => [l.key, l.value])),
      workingDir: form.workingDir.trim(),
      user: form.user.trim(),
      entrypoint: entrypoint.ok ? entrypoint.args : [],
      memory: memory ?? 0,
      nanoCpus: nanoCpus ?? 0,
      capAdd: capAdd.ok ? capAdd.caps : [],
      capDrop: capDrop.ok ? capDrop.caps : [],
      gpus: form.gpus,
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
    env: s.env.map((e) => ({ key: e.key, value: e.value })),
    envPaste: '',
    volumes: s.mounts.map(volumeRowFromMount),
    network: s.network,
    restart: s.restart,
    autoRemove: s.autoRemove,
    tty: s.tty,
    interactive: s.interactive,
    labels: Object.entries(s.labels).map(([key, value]) => ({ key, value })),
    workingDir: s.workingDir,
    user: s.user,
    entrypoint: joinCommand(s.entrypoint ?? []),
    memory: formatMemory(s.memory ?? 0),
    cpus: formatCpus(s.nanoCpus ?? 0),
    capAdd: (s.capAdd ?? []).join(' '),
    capDrop: (s.capDrop ?? []).join(' '),
    gpus: s.gpus ?? 'none',
  };
}
