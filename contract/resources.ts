import { z } from 'zod';
import { BoundedRecord } from './bounded';
import { OUT } from './limits';
import { lazy } from './lazy';

export const EngineId = lazy(() =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'engine ids are lowercase letters, digits and dashes'),
);

export const EngineState = lazy(() => z.enum(['connecting', 'connected', 'disconnected']));
export type EngineState = z.infer<typeof EngineState>;

/** What an engine says about itself once connected (/version and /info). */
export const EngineFacts = lazy(() =>
  z.object({
    kind: z.enum(['docker', 'podman']),
    version: z.string().max(100),
    apiVersion: z.string().max(20),
    os: z.string().max(200),
    arch: z.string().max(50),
    cpus: z.number().int(),
    memory: z.number(),
    /** Podman (and rootless Docker) run without root. */
    rootless: z.boolean(),
  }),
);
export type EngineFacts = z.infer<typeof EngineFacts>;

/** An SSH host key that stopped the connection (unknown: can be trusted; changed: never). */
export const HostKeyProblem = lazy(() =>
  z.object({
    state: z.enum(['unknown', 'changed', 'revoked']),
    host: z.string().max(255),
    port: z.number().int(),
    keyType: z.string().max(64),
    /** "SHA256:…", as ssh-keygen -l prints it. */
    fingerprint: z.string().max(100),
  }),
);
export type HostKeyProblem = z.infer<typeof HostKeyProblem>;

export const EngineStatus = lazy(() =>
  z.object({
    engineId: EngineId,
    state: EngineState,
    /** When the next connection attempt happens (epoch ms), while disconnected. */
    retryAt: z.number().optional(),
    /** The last connection error, in the engine's or the OS's words. */
    error: z.string().max(OUT.text).optional(),
    /** Engine version once connected, e.g. "20.10.24". */
    version: z.string().max(OUT.name).optional(),
    facts: EngineFacts.optional(),
    hostKey: HostKeyProblem.optional(),
  }),
);
export type EngineStatus = z.infer<typeof EngineStatus>;

export const EngineInfo = lazy(() =>
  z.object({
    id: EngineId,
    name: z.string().max(OUT.name),
    /** Where it was found: DOCKER_HOST, a docker context, a default socket; or added by the user. */
    source: z.enum(['env', 'context', 'default', 'podman', 'added']),
    endpoint: z.string().max(OUT.path),
    status: EngineStatus,
    /** The address as written, for editing. */
    address: z.string().max(OUT.path).optional(),
    /** The engine screens show first (the user's pick, else the one the docker CLI uses). */
    isDefault: z.boolean().optional(),
    /** TLS file paths (never their content), for editing. */
    tls: z
      .object({
        ca: z.string().max(OUT.path),
        cert: z.string().max(OUT.path),
        key: z.string().max(OUT.path),
      })
      .partial()
      .optional(),
  }),
);
export type EngineInfo = z.infer<typeof EngineInfo>;

export const PortBinding = lazy(() =>
  z.object({
    privatePort: z.number().int(),
    publicPort: z.number().int().optional(),
    ip: z.string().max(OUT.name).optional(),
    type: z.string().max(OUT.name),
  }),
);
export type PortBinding = z.infer<typeof PortBinding>;

export const ContainerSummary = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    image: z.string().max(OUT.name),
    command: z.string().max(OUT.long),
    /** Seconds since the epoch, as the engine reports it. */
    created: z.number(),
    state: z.string().max(OUT.name),
    status: z.string().max(OUT.text),
    /**
     * Epoch ms at which the status's duration began ("Up 5 minutes" fetched at T → T − 5 min),
     * parsed once when listed, so the renderer can keep the text current without asking again.
     */
    statusSince: z.number().optional(),
    ports: z.array(PortBinding).max(OUT.list),
    labels: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    composeProject: z.string().max(OUT.name).nullable(),
    composeService: z.string().max(OUT.name).nullable(),
    anonymousVolumes: z.number().int(),
    /** The Podman pod it belongs to (Podman engines only; Docker has no pods). */
    pod: z.string().max(255).optional(),
  }),
);
export type ContainerSummary = z.infer<typeof ContainerSummary>;

export const ResourceType = lazy(() =>
  z.enum([
    'container',
    'image',
    'volume',
    'network',
    'daemon',
    'plugin',
    'node',
    'service',
    'secret',
    'config',
    'other',
  ]),
);
export type ResourceType = z.infer<typeof ResourceType>;

/** One line of the engine's /events stream, reduced to what the UI needs. */
export const EngineEvent = lazy(() =>
  z.object({
    kind: z.literal('event'),
    type: ResourceType,
    /** The verb without its detail: "exec_start: sh" becomes "exec_start". */
    action: z.string().max(OUT.name),
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name).optional(),
    /** A network connect/disconnect: the container that joined or left (the id is the network's). */
    container: z.string().max(OUT.name).optional(),
    /** Epoch nanoseconds as a string, for `since` on reconnect. */
    timeNano: z.string().max(OUT.name),
  }),
);
export type EngineEvent = z.infer<typeof EngineEvent>;

/**
 * dockerd logs a container's `die` before it writes the state its list reads (moby
 * daemon/monitor.go: the event, Cleanup, then CheckpointTo): whoever reads the list on a die
 * reads it again after these delays.
 */
export const DIE_SETTLE_MS = [500, 2000] as const;

/** Sent after a reconnect: whatever happened while away is unknown, refetch everything. */
export const ReconcileEvent = lazy(() => z.object({ kind: z.literal('reconcile') }));

export const EngineStreamEvent = lazy(() =>
  z.discriminatedUnion('kind', [EngineEvent, ReconcileEvent]),
);
export type EngineStreamEvent = z.infer<typeof EngineStreamEvent>;
