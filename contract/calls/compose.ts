import { z } from 'zod';
import { OUT } from '../limits';
import { call, OnEngine, stream } from '../define';
import { PortBinding } from '../resources';
import { lazy } from '../lazy';

/** Compose v2's rule for a new project's name (v1 normalises names into the same set). */
export const ProjectName = lazy(() =>
  z
    .string()
    .min(1)
    .max(63)
    .regex(
      /^[a-z0-9][a-z0-9_-]*$/,
      'lowercase letters, digits, - and _, starting with a letter or digit',
    ),
);
/** A project that already exists: named by its labels, whatever an older compose allowed. */
const ExistingProject = lazy(() => z.string().min(1).max(256));
const ServiceName = lazy(() =>
  z
    .string()
    .min(1)
    .max(256)
    .regex(/^[a-zA-Z0-9._-]+$/, 'a service name from the compose file'),
);
const ProfileName = lazy(() =>
  z
    .string()
    .min(1)
    .max(128)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'letters, digits, _ . -'),
);
/** A folder on the machine Porthole runs on. */
const HostPath = lazy(() =>
  z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => /^(\/|[A-Za-z]:[\\/])/.test(p) && !p.includes('\0'), 'an absolute path'),
);

/** Characters of a pasted compose file / env file (a JSON character is at most 6 bytes). */
export const MAX_COMPOSE_FILE = 512 * 1024;
export const MAX_ENV_FILE = 64 * 1024;

export const ComposeContainer = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    /** com.docker.compose.container-number: 1, 2… (null for one-off `run` containers). */
    number: z.number().int().nullable(),
    state: z.string().max(OUT.name),
    status: z.string().max(OUT.text),
    image: z.string().max(OUT.name),
    ports: z.array(PortBinding).max(OUT.list),
    /** Started by `compose run`, not by `up`. */
    oneOff: z.boolean(),
  }),
);
export type ComposeContainer = z.infer<typeof ComposeContainer>;

export const ComposeService = lazy(() =>
  z.object({
    name: z.string().max(OUT.name),
    image: z.string().max(OUT.name),
    containers: z.array(ComposeContainer).max(OUT.list),
    running: z.number().int(),
    total: z.number().int(),
  }),
);
export type ComposeService = z.infer<typeof ComposeService>;

/** One project, as its resources' com.docker.compose.* labels describe it. */
export const ComposeProject = lazy(() =>
  z.object({
    name: z.string().max(OUT.name),
    workingDir: z.string().max(OUT.path).nullable(),
    /** As absolute paths (v1 records them relative to the working dir). */
    configFiles: z.array(z.string().max(OUT.path)).max(OUT.list),
    /** Config files that are not on this machine (any more). */
    missingFiles: z.array(z.string().max(OUT.path)).max(OUT.list),
    /** Every config file is here: down, config, scale and recreate can use the compose CLI. */
    filesPresent: z.boolean(),
    envFile: z.string().max(OUT.path).nullable(),
    services: z.array(ComposeService).max(OUT.list),
    running: z.number().int(),
    paused: z.number().int(),
    total: z.number().int(),
    networks: z.array(z.string().max(OUT.name)).max(OUT.list),
    volumes: z.array(z.string().max(OUT.name)).max(OUT.list),
    /** The images its containers run (what "remove images: all" would remove). */
    images: z.array(z.string().max(OUT.text)).max(OUT.list),
    /** com.docker.compose.version of the tool that made it. */
    composeVersion: z.string().max(OUT.name).nullable(),
  }),
);
export type ComposeProject = z.infer<typeof ComposeProject>;

/** Which compose this machine has, or how to get one. */
export const ComposeCli = lazy(() =>
  z.discriminatedUnion('available', [
    z.object({
      available: z.literal(true),
      flavor: z.enum(['v2', 'v1']),
      version: z.string().max(OUT.name),
      /** As a person would type it: "docker compose" or "docker-compose". */
      command: z.string().max(OUT.long),
    }),
    z.object({
      available: z.literal(false),
      message: z.string().max(OUT.text),
      hint: z.string().max(OUT.text),
    }),
  ]),
);
export type ComposeCli = z.infer<typeof ComposeCli>;

/** A problem in a compose file, where it is (1-based line and column). */
export const ComposeIssue = lazy(() =>
  z.object({
    line: z.number().int(),
    col: z.number().int(),
    /** Where in the document: "services.web.ports[0]" ("" for the file itself). */
    path: z.string().max(OUT.path),
    message: z.string().max(OUT.text),
  }),
);
export type ComposeIssue = z.infer<typeof ComposeIssue>;

export const ComposePreview = lazy(() =>
  z.object({
    /** The file's own top-level `name:`, if any. */
    name: z.string().max(OUT.text).nullable(),
    services: z
      .array(
        z.object({
          name: z.string().max(OUT.text),
          image: z.string().max(OUT.text).nullable(),
          /** The build context, for services built rather than pulled. */
          build: z.string().max(OUT.text).nullable(),
          ports: z.array(z.string().max(OUT.text)).max(OUT.list),
          volumes: z.array(z.string().max(OUT.text)).max(OUT.list),
          networks: z.array(z.string().max(OUT.text)).max(OUT.list),
          profiles: z.array(z.string().max(OUT.text)).max(OUT.list),
          /** Started by `up` with the chosen profiles. */
          active: z.boolean(),
        }),
      )
      .max(OUT.list),
    volumes: z
      .array(z.object({ name: z.string().max(OUT.text), external: z.boolean() }))
      .max(OUT.list),
    networks: z
      .array(z.object({ name: z.string().max(OUT.text), external: z.boolean() }))
      .max(OUT.list),
    /** Unset variables and the like: compose goes on, but people should know. */
    warnings: z.array(z.string().max(OUT.text)).max(OUT.list),
  }),
);
export type ComposePreview = z.infer<typeof ComposePreview>;

export const PreviewResult = lazy(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), preview: ComposePreview }),
    z.object({ ok: z.literal(false), issues: z.array(ComposeIssue).max(OUT.list) }),
  ]),
);
export type PreviewResult = z.infer<typeof PreviewResult>;

/** A project's files as sent; a function, so that it is built inside the lazy schemas that use it. */
const sourceFields = () => ({
  yaml: z.string().min(1).max(MAX_COMPOSE_FILE),
  /** KEY=VALUE lines: interpolation, like the CLI's --env-file. */
  envFile: z.string().max(MAX_ENV_FILE).optional(),
  profiles: z.array(ProfileName).max(32),
});

export const UpSpec = lazy(() =>
  z.strictObject({
    projectName: ProjectName,
    ...sourceFields(),
    /** Where relative paths (build contexts, bind mounts) resolve; default: Porthole's own. */
    projectDir: HostPath.optional(),
  }),
);
export type UpSpec = z.infer<typeof UpSpec>;

/** Work done by the compose CLI, with its output streamed. */
export const ComposeJob = lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('up'), spec: UpSpec }),
    z.strictObject({
      op: z.literal('down'),
      project: ExistingProject,
      removeVolumes: z.boolean(),
      /** --rmi: local = images compose built (no custom tag); all = every image it used. */
      removeImages: z.enum(['none', 'local', 'all']),
    }),
    z.strictObject({
      op: z.literal('scale'),
      project: ExistingProject,
      service: ServiceName,
      replicas: z.number().int().min(0).max(100),
    }),
    z.strictObject({ op: z.literal('recreate'), project: ExistingProject, service: ServiceName }),
  ]),
);
export type ComposeJob = z.infer<typeof ComposeJob>;

const Names = lazy(() => z.array(z.string().max(512)).max(1000));

export const ComposeRunEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    /** First event: what runs (no secrets: they travel in files and the environment). */
    z.object({
      kind: z.literal('command'),
      argv: z.array(z.string().max(4096)).max(256),
      cwd: z.string().max(4096),
    }),
    /** One line of the CLI's output; its cost is its length. */
    z.object({ kind: z.literal('output'), text: z.string().max(64 * 1024), err: z.boolean() }),
    /** A step for one service (or one network or volume), read from the output. */
    z.object({
      kind: z.literal('progress'),
      resource: z.enum(['service', 'network', 'volume']),
      name: z.string().max(512),
      /** The container (or network, volume) the step is about: a service may have several. */
      unit: z.string().max(512),
      step: z.string().max(64),
      state: z.enum(['working', 'done', 'error']),
    }),
    /**
     * The CLI ended. `error` is its last error lines (the engine's words); `left` is what a failed
     * run left of the project on the engine, so nothing half-made goes unexplained.
     */
    z.object({
      kind: z.literal('exit'),
      code: z.number().int().nullable(),
      error: z
        .string()
        .max(16 * 1024)
        .nullable(),
      left: z.object({ containers: Names, networks: Names, volumes: Names }).nullable(),
    }),
  ]),
);
export type ComposeRunEvent = z.infer<typeof ComposeRunEvent>;

export const ProjectRef = lazy(() => OnEngine.extend({ project: ExistingProject }));

/** What `compose.action` does to a project's containers, through the engine. */
export const ProjectAction = lazy(() => z.enum(['start', 'stop', 'restart', 'pause', 'unpause']));
export type ProjectAction = z.infer<typeof ProjectAction>;

export const composeCalls = {
  'compose.cli': call(
    lazy(() => z.strictObject({})),
    ComposeCli,
  ),
  'compose.projects': call(
    OnEngine,
    lazy(() => z.array(ComposeProject).max(OUT.list)),
  ),
  /** Parses and checks a file against the compose-spec schema; nothing runs. */
  'compose.preview': call(
    lazy(() => z.strictObject(sourceFields())),
    PreviewResult,
  ),
  /** Through the engine, on the containers its labels name: works when the files are gone. */
  'compose.action': call(
    lazy(() => ProjectRef.extend({ action: ProjectAction })),
    lazy(() => z.null()),
  ),
  /** Teardown from labels alone (containers, networks, optionally volumes): no files needed. */
  'compose.remove': call(
    lazy(() => ProjectRef.extend({ removeVolumes: z.boolean() })),
    lazy(() => z.object({ containers: Names, networks: Names, volumes: Names })),
  ),
  /** `config`: the project as compose resolves it, when its files are on this machine. */
  'compose.config': call(
    ProjectRef,
    lazy(() => z.object({ text: z.string().max(OUT.fileText) })),
  ),
} as const;

export const composeStreams = {
  /** Closing the stream kills the CLI. */
  'compose.run': stream(
    lazy(() => OnEngine.extend({ job: ComposeJob })),
    ComposeRunEvent,
  ),
} as const;
