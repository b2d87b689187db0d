import { z } from 'zod';

export const EngineId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'engine ids are lowercase letters, digits and dashes');

export const EngineState = z.enum(['connecting', 'connected', 'disconnected']);
export type EngineState = z.infer<typeof EngineState>;

export const EngineStatus = z.object({
  engineId: EngineId,
  state: EngineState,
  /** When the next connection attempt happens (epoch ms), while disconnected. */
  retryAt: z.number().optional(),
  /** The last connection error, in the engine's or the OS's words. */
  error: z.string().optional(),
  /** Engine version once connected, e.g. "20.10.24". */
  version: z.string().optional(),
});
export type EngineStatus = z.infer<typeof EngineStatus>;

export const EngineInfo = z.object({
  id: EngineId,
  name: z.string(),
  /** Where it was found: DOCKER_HOST, a docker context, a default socket. */
  source: z.enum(['env', 'context', 'default', 'podman']),
  endpoint: z.string(),
  status: EngineStatus,
});
export type EngineInfo = z.infer<typeof EngineInfo>;

export const PortBinding = z.object({
  privatePort: z.number().int(),
  publicPort: z.number().int().optional(),
  ip: z.string().optional(),
  type: z.string(),
});
export type PortBinding = z.infer<typeof PortBinding>;

export const ContainerSummary = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  command: z.string(),
  /** Seconds since the epoch, as the engine reports it. */
  created: z.number(),
  state: z.string(),
  status: z.string(),
  ports: z.array(PortBinding),
  labels: z.record(z.string(), z.string()),
  composeProject: z.string().nullable(),
  composeService: z.string().nullable(),
  anonymousVolumes: z.number().int(),
});
export type ContainerSummary = z.infer<typeof ContainerSummary>;

export const ResourceType = z.enum([
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
]);
export type ResourceType = z.infer<typeof ResourceType>;

/** One line of the engine's /events stream, reduced to what the UI needs. */
export const EngineEvent = z.object({
  kind: z.literal('event'),
  type: ResourceType,
  /** The verb without its detail: "exec_start: sh" becomes "exec_start". */
  action: z.string(),
  id: z.string(),
  name: z.string().optional(),
  /** Epoch nanoseconds as a string, for `since` on reconnect. */
  timeNano: z.string(),
});
export type EngineEvent = z.infer<typeof EngineEvent>;

/** Sent after a reconnect: whatever happened while away is unknown, refetch everything. */
export const ReconcileEvent = z.object({ kind: z.literal('reconcile') });

export const EngineStreamEvent = z.discriminatedUnion('kind', [EngineEvent, ReconcileEvent]);
export type EngineStreamEvent = z.infer<typeof EngineStreamEvent>;
