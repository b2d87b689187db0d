import { z } from 'zod';
import { BoundedRecord, JsonDocument } from '../bounded';
import { OUT } from '../limits';
import { call, OnEngine, stream } from '../define';
import { ContainerSummary, PortBinding } from '../resources';
import { RunIssue, RunSpec } from './container-spec';
import { lazy } from '../lazy';

export const ContainerRef = lazy(() => OnEngine.extend({ id: z.string().min(1).max(256) }));

/** The readable half of `docker inspect`, plus the spec that reproduces the container. */
export const ContainerDetail = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    image: z.string().max(OUT.name),
    imageId: z.string().max(OUT.name),
    created: z.string().max(OUT.name),
    state: z.object({
      status: z.string().max(OUT.text),
      running: z.boolean(),
      paused: z.boolean(),
      exitCode: z.number(),
      startedAt: z.string().max(OUT.name),
      finishedAt: z.string().max(OUT.name),
      error: z.string().max(OUT.text),
      health: z.string().max(OUT.name).nullable(),
    }),
    command: z.array(z.string().max(OUT.long)).max(OUT.list),
    env: z
      .array(z.object({ key: z.string().max(OUT.path), value: z.string().max(OUT.long) }))
      .max(OUT.list),
    mounts: z
      .array(
        z.object({
          type: z.string().max(OUT.name),
          source: z.string().max(OUT.path),
          target: z.string().max(OUT.path),
          readOnly: z.boolean(),
        }),
      )
      .max(OUT.list),
    networks: z
      .array(
        z.object({
          name: z.string().max(OUT.name),
          ip: z.string().max(OUT.name),
          gateway: z.string().max(OUT.name),
          mac: z.string().max(OUT.name),
        }),
      )
      .max(OUT.list),
    ports: z.array(PortBinding).max(OUT.list),
    labels: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    restart: z.string().max(OUT.name),
    /** Only what differs from the image's defaults, so an export stays short and faithful. */
    spec: RunSpec,
    /** The engine's inspect JSON as it came. */
    raw: JsonDocument(OUT.documentBytes),
  }),
);
export type ContainerDetail = z.infer<typeof ContainerDetail>;

export const ContainerTop = lazy(() =>
  z.object({
    titles: z.array(z.string().max(256)).max(64),
    processes: z.array(z.array(z.string().max(65536)).max(64)).max(20_000),
  }),
);
export type ContainerTop = z.infer<typeof ContainerTop>;

/** One stats reading of one container, already reduced to figures people read. */
export const StatsSample = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
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
  }),
);
export type StatsSample = z.infer<typeof StatsSample>;

export const ContainerRunResult = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
  }),
);

/** At most this many ids in one filtered list: one event batch's worth, not a second list. */
export const LIST_IDS_MAX = 50;

/**
 * The whole list, or (ids) only those containers: what an engine event about one container
 * needs, a few hundred bytes instead of the whole list. Ids as events carry them (full hex).
 */
export const ContainerListInput = lazy(() =>
  OnEngine.extend({
    ids: z
      .array(
        z
          .string()
          .max(64)
          .regex(/^[0-9a-f]{12,64}$/, 'a container id (hex)'),
      )
      .min(1)
      .max(LIST_IDS_MAX)
      .optional(),
  }),
);

export const containerCalls = {
  'containers.list': call(
    ContainerListInput,
    lazy(() => z.array(ContainerSummary).max(OUT.list)),
  ),
  'containers.start': call(
    ContainerRef,
    lazy(() => z.null()),
  ),
  'containers.stop': call(
    ContainerRef,
    lazy(() => z.null()),
  ),
  'containers.restart': call(
    ContainerRef,
    lazy(() => z.null()),
  ),
  'containers.pause': call(
    ContainerRef,
    lazy(() => z.null()),
  ),
  'containers.unpause': call(
    ContainerRef,
    lazy(() => z.null()),
  ),
  'containers.kill': call(
    ContainerRef,
    lazy(() => z.null()),
  ),
  'containers.rename': call(
    lazy(() =>
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
    ),
    lazy(() => z.null()),
  ),
  'containers.remove': call(
    lazy(() => ContainerRef.extend({ force: z.boolean(), removeVolumes: z.boolean() })),
    lazy(() => z.null()),
  ),
  'containers.inspect': call(ContainerRef, ContainerDetail),
  /** Checks a run spec against the engine (image present, name free, host ports free). */
  'containers.checkRun': call(
    lazy(() => OnEngine.extend({ spec: RunSpec, replacing: z.string().max(256).optional() })),
    lazy(() => z.array(RunIssue).max(OUT.list)),
  ),
  /** Creates and starts it; `start: false` only creates it (Recreate after a stopped one went). */
  'containers.run': call(
    lazy(() => OnEngine.extend({ spec: RunSpec, start: z.boolean().optional() })),
    ContainerRunResult,
  ),
  /** New container first (temporary name), then the old one goes; on failure the old one stays. */
  'containers.recreate': call(
    lazy(() => ContainerRef.extend({ spec: RunSpec })),
    ContainerRunResult,
  ),
} as const;

export const containerStreams = {
  /** Live stats of the given containers, batched about once a second. */
  'containers.stats': stream(
    lazy(() => OnEngine.extend({ ids: z.array(z.string().min(1).max(256)).max(500) })),
    lazy(() => z.array(StatsSample).max(500)),
    { flow: 'lossy' },
  ),
  /** `docker top`, again every `ms` (1 s to start with) until closed; the view may change the pace. */
  'containers.processes': stream(ContainerRef, ContainerTop, {
    control: lazy(() =>
      z.strictObject({
        kind: z.literal('interval'),
        ms: z.number().int().min(250).max(60_000),
      }),
    ),
    flow: 'lossy',
  }),
} as const;
