import type { CreateServiceInput } from '../../../../contract';
import { splitCommand } from '../containers/run-form';

/** What the Create service form holds, as typed. */
export interface ServiceForm {
  image: string;
  name: string;
  mode: 'replicated' | 'global';
  replicas: string;
  command: string;
  env: string;
  ports: string;
  networks: string[];
  mounts: string;
  constraints: string;
  secrets: string[];
  configs: string[];
  restart: 'none' | 'on-failure' | 'any';
  parallelism: string;
  order: 'stop-first' | 'start-first';
}

export const EMPTY_FORM: ServiceForm = {
  image: '',
  name: '',
  mode: 'replicated',
  replicas: '1',
  command: '',
  env: '',
  ports: '',
  networks: [],
  mounts: '',
  constraints: '',
  secrets: [],
  configs: [],
  restart: 'any',
  parallelism: '1',
  order: 'stop-first',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

type Errors = Partial<Record<keyof ServiceForm, string>>;

/** The form → the call's input, or the message for each bad field. Pure: unit-tested. */
export function toCreateInput(
  engineId: string,
  f: ServiceForm,
): { ok: true; input: CreateServiceInput } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  if (!f.image.trim()) errors.image = 'Give an image, e.g. nginx:1.27.';
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/.test(f.name.trim()))
    errors.name = 'Letters, digits, “_”, “.” or “-”, starting with a letter or digit.';
  const replicas = Number(f.replicas);
  if (f.mode === 'replicated' && !(/^\d{1,4}$/.test(f.replicas) && replicas <= 1000))
    errors.replicas = 'A whole number from 0 to 1000.';
  const command = splitCommand(f.command);
  if (!command.ok) errors.command = 'A quote is not closed.';
  const parallelism = Number(f.parallelism);
  if (!(/^\d{1,4}$/.test(f.parallelism) && parallelism <= 1000))
    errors.parallelism = 'A whole number from 0 (all at once) to 1000.';
  const env = lines(f.env);
  if (env.some((e) => !/^[^=\s]+=/.test(e))) errors.env = 'One KEY=VALUE per line.';
  const ports: CreateServiceInput['ports'] = [];
  for (const l of lines(f.ports)) {
    const m = /^(?:(\d{1,5}):)?(\d{1,5})(?:\/(tcp|udp))?$/.exec(l);
    const published = m?.[1] === undefined ? 1 : Number(m[1]);
    if (!m || Number(m[2]) > 65535 || Number(m[2]) < 1 || published > 65535 || published < 1) {
      errors.ports = `“${l}”: write PUBLISHED:TARGET[/udp], e.g. 8080:80.`;
      break;
    }
    ports.push({
      target: Number(m[2]),
      ...(m[1] ? { published: Number(m[1]) } : {}),
      protocol: (m[3] ?? 'tcp') as 'tcp',
      mode: 'ingress',
    });
  }
  const mounts: CreateServiceInput['mounts'] = [];
  for (const l of lines(f.mounts)) {
    const [type, source = '', target = '', ro] = l.split(':');
    if (
      !['volume', 'bind', 'tmpfs'].includes(type ?? '') ||
      !target.startsWith('/') ||
      (type === 'bind' && !source) ||
      !['ro', 'rw', undefined].includes(ro)
    ) {
      errors.mounts = `“${l}”: write TYPE:SOURCE:/TARGET[:ro], TYPE volume, bind or tmpfs.`;
      break;
    }
    mounts.push({ type: type as 'volume', source, target, readOnly: ro === 'ro' });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      engineId,
      image: f.image.trim(),
      name: f.name.trim(),
      mode: f.mode === 'global' ? { kind: 'global' } : { kind: 'replicated', replicas: replicas },
      command: command.ok ? command.args : [],
      env,
      ports,
      networks: f.networks,
      mounts,
      constraints: lines(f.constraints),
      secrets: f.secrets,
      configs: f.configs,
      labels: {},
      restart: { condition: f.restart, maxAttempts: 0, delaySeconds: 5 },
      update: {
        parallelism,
        delaySeconds: 0,
        failureAction: 'pause',
        order: f.order,
      },
    },
  };
}
