import { z } from 'zod';
import { call, OnEngine, stream } from '../define';
import { ContainerSummary, PortBinding } from '../resources';
import { RunIssue, RunSpec } from './container-spec';

export const ContainerRef = OnEngine.extend({ id: z.string().min(1).max(256) });

/** The readable half of `docker inspect`, plus the spec that reproduces the container. */
export const ContainerDetail = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  imageId: z.string(),
  created: z.string(),
  state: z.object({
    status: z.string(),
    running: z.boolean(),
    paused: z.boolean(),
    exitCode: z.number(),
    startedAt: z.string(),
    finishedAt: z.string(),
    error: z.string(),
    health: z.string().nullable(),
  }),
  command: z.array(z.string()),
  env: z.array(z.object({ key: z.string(), value: z.string() })),
  mounts: z.array(
    z.object({ type: z.string(), source: z.string(), target: z.string(), readOnly: z.boolean() }),
  ),
  networks: z.array(
    z.object({ name: z.string(), ip: z.string(), gateway: z.string(), mac: z.string() }),
  ),
  ports: z.array(PortBinding),
  labels: z.record(z.string(), z.string()),
  restart: z.string(),
  /** Only what differs from the image's defaults, so an export stays short and faithful. */
  spec: RunSpec,
  /** The engine's inspect JSON as it came. */
  raw: z.record(z.string(), z.unknown()),
});
export type ContainerDetail = z.infer<typeof ContainerDetail>;

export const ContainerTop = z.object({
  titles: z.array(z.string()),
  processes: z.array(z.array(z.string())),
});
export type ContainerTop = z.infer<typeof ContainerTop>;

/** One stats reading of one container, already reduced to figures people read. */
export const StatsSample = z.object({
  id: z.string(),
  /** Epoch ms of the engine's reading. */
  t: z.number(),
  cpuPercent: z.number(),
  memUsed: z.number(),
  memLimit: z.number(),
  netRx: z.number(),
  netTx: z.number(),
  blockRead: z.number(),
  blockWrite: z.number(),
  pids: z.number(),
});
export type StatsSample = z.infer<typeof StatsSample>;

export const ContainerRunResult = z.object({ id: z.string(), name: z.string() });

export const containerCalls = {
  'containers.list': call(OnEngine, z.array(ContainerSummary)),
  'containers.start': call(ContainerRef, z.null()),
  'containers.stop': call(ContainerRef, z.null()),
  'containers.restart': call(ContainerRef, z.null()),
  'containers.pause': call(ContainerRef, z.null()),
  'containers.unpause': call(ContainerRef, z.null()),
  'containers.kill': call(ContainerRef, z.null()),
  'containers.rename': call(
    ContainerRef.extend({
      name: z
        .string()
        .min(1)
        .max(128)
        .regex(
          /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
          'letters, digits, _ . -, starting with a letter or digit',
        ),
    }),
    z.null(),
  ),
  'containers.remove': call(
    ContainerRef.extend({ force: z.boolean(), removeVolumes: z.boolean() }),
    z.null(),
  ),
  'containers.inspect': call(ContainerRef, ContainerDetail),
  'containers.top': call(ContainerRef, ContainerTop),
  /** Checks a run spec against the engine (image present, name free, host ports free). */
  'containers.checkRun': call(
    OnEngine.extend({ spec: RunSpec, replacing: z.string().max(256).optional() }),
    z.array(RunIssue),
  ),
  'containers.run': call(OnEngine.extend({ spec: RunSpec }), ContainerRunResult),
  /** New container first (temporary name), then the old one goes; on failure the old one stays. */
  'containers.recreate': call(ContainerRef.extend({ spec: RunSpec }), ContainerRunResult),
} as const;

export const containerStreams = {
  /** Live stats of the given containers, batched about once a second. */
  'containers.stats': stream(
    OnEngine.extend({ ids: z.array(z.string().min(1).max(256)).max(500) }),
    z.array(StatsSample),
  ),
} as const;
