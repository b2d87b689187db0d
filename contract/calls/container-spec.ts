import { z } from 'zod';
import { OUT } from '../limits';
import { KeyValues } from './key-values';
import { lazy } from '../lazy';

/**
 * What it takes to run a container: the run form's output, what "Recreate" starts from, and what
 * the export generators turn into `docker run` / compose. Shared so both sides agree on the rules.
 */

/** Environment variable names people can type and every shell can read. */
export const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A Linux capability as the engine names it, without CAP_: NET_ADMIN, SYS_TIME, ALL. */
export const CAPABILITY = /^[A-Z_]+$/;

export const Protocol = lazy(() => z.enum(['tcp', 'udp', 'sctp']));
export type Protocol = z.infer<typeof Protocol>;

export const PortSpec = lazy(() =>
  z.strictObject({
    /** '' = every interface, as `-p 8080:80` does. */
    hostIp: z.string().max(64),
    /** null = a random free port chosen by the engine. */
    hostPort: z.number().int().min(1).max(65535).nullable(),
    containerPort: z.number().int().min(1).max(65535),
    protocol: Protocol,
  }),
);
export type PortSpec = z.infer<typeof PortSpec>;

export const MountSpec = lazy(() =>
  z.strictObject({
    /** bind: a host path; volume: a named volume, or '' for an anonymous one. */
    type: z.enum(['bind', 'volume']),
    source: z.string().max(1024),
    target: z.string().min(1).max(1024).regex(/^\//, 'the target is an absolute path'),
    readOnly: z.boolean(),
  }),
);
export type MountSpec = z.infer<typeof MountSpec>;

export const RestartPolicy = lazy(() => z.enum(['no', 'always', 'unless-stopped', 'on-failure']));
export type RestartPolicy = z.infer<typeof RestartPolicy>;

export const EnvVar = lazy(() =>
  z.strictObject({
    key: z
      .string()
      .min(1)
      .max(256)
      .regex(ENV_KEY, 'letters, digits and _ . -, not starting with a digit'),
    value: z.string().max(8192),
  }),
);
export type EnvVar = z.infer<typeof EnvVar>;

export const RunSpec = lazy(() =>
  z.strictObject({
    image: z.string().min(1).max(512),
    /** '' = the engine picks a name. */
    name: z
      .string()
      .max(128)
      .regex(
        /^([a-zA-Z0-9][a-zA-Z0-9_.-]*)?$/,
        'letters, digits, _ . -, starting with a letter or digit',
      ),
    /** [] = the image's default command. */
    command: z.array(z.string().max(2048)).max(256),
    env: z.array(EnvVar).max(200),
    ports: z.array(PortSpec).max(200),
    mounts: z.array(MountSpec).max(100),
    /** '' = the engine's default network. */
    network: z.string().max(256),
    restart: RestartPolicy,
    autoRemove: z.boolean(),
    tty: z.boolean(),
    interactive: z.boolean(),
    labels: KeyValues,
    workingDir: z.string().max(4096),
    user: z.string().max(256),
    // Advanced options. Absent (or empty) = the image's or engine's default, so specs written
    // before they existed stay valid.
    /** [] = the image's entrypoint. */
    entrypoint: z.array(z.string().max(1024)).max(16).optional(),
    /** Memory limit in bytes; 0 = none. */
    memory: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    /** CPUs in units of 1e-9 (`--cpus 1.5` = 1_500_000_000); 0 = no limit. */
    nanoCpus: z
      .number()
      .int()
      .min(0)
      .max(1e9 * 4096)
      .optional(),
    /** Capabilities without the CAP_ prefix, e.g. NET_ADMIN, or ALL. */
    capAdd: z.array(z.string().max(32).regex(CAPABILITY, 'e.g. NET_ADMIN')).max(48).optional(),
    capDrop: z.array(z.string().max(32).regex(CAPABILITY, 'e.g. MKNOD')).max(48).optional(),
    /** `--gpus all`: every GPU the engine has. */
    gpus: z.enum(['none', 'all']).optional(),
  }),
);
export type RunSpec = z.infer<typeof RunSpec>;

export const EMPTY_RUN_SPEC: RunSpec = {
  image: '',
  name: '',
  command: [],
  env: [],
  ports: [],
  mounts: [],
  network: '',
  restart: 'no',
  autoRemove: false,
  tty: false,
  interactive: false,
  labels: {},
  workingDir: '',
  user: '',
  entrypoint: [],
  memory: 0,
  nanoCpus: 0,
  capAdd: [],
  capDrop: [],
  gpus: 'none',
};

/** A problem with one field of the run form, found before anything is created. */
export const RunIssue = lazy(() =>
  z.object({
    /** 'image', 'name', 'ports.0.hostPort', … */
    field: z.string().max(OUT.name),
    message: z.string().max(OUT.text),
  }),
);
export type RunIssue = z.infer<typeof RunIssue>;
