import { z } from 'zod';
import { BoundedRecord } from '../bounded';
import { call, OnEngine, stream } from '../define';
import { WINDOWS, OUT } from '../limits';
import { KeyValues } from './key-values';
import { LogDownloadEvent, LogEvent, logRange } from './logs';
import { SwarmObjectId } from './services';
import { lazy } from '../lazy';

export const NodeSummary = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    hostname: z.string().max(OUT.name),
    role: z.enum(['worker', 'manager']),
    availability: z.enum(['active', 'pause', 'drain']),
    status: z.string().max(OUT.text),
    addr: z.string().max(OUT.name),
    /** leader / reachable / unreachable, for managers. */
    manager: z.string().max(OUT.name).optional(),
    engineVersion: z.string().max(OUT.name),
    labels: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    /** The engine Porthole is talking to. */
    self: z.boolean(),
  }),
);
export type NodeSummary = z.infer<typeof NodeSummary>;

/** Secrets and configs share a shape; a secret's value never leaves the engine. */
export const SwarmDataSummary = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    createdAt: z.string().max(OUT.name),
    updatedAt: z.string().max(OUT.name),
    labels: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    /** Names of the services that mount it. */
    usedBy: z.array(z.string().max(OUT.text)).max(OUT.list),
  }),
);
export type SwarmDataSummary = z.infer<typeof SwarmDataSummary>;

const DataName = lazy(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
      'letters, digits, “_”, “.” or “-”, starting with a letter or digit',
    ),
);

/** The engine's own limit for a secret or config is 500 KiB. */
export const MAX_SWARM_DATA = 500 * 1024;

const CreateData = lazy(() =>
  OnEngine.extend({
    name: DataName,
    data: z.string().min(1).max(MAX_SWARM_DATA),
    labels: KeyValues,
  }),
);

const Ref = lazy(() => OnEngine.extend({ id: SwarmObjectId }));

/** A stack's name as `docker stack deploy` takes it. */
export const StackName = lazy(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(63)
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
      'letters, digits, “_” or “-”, starting with one of the first two',
    ),
);

export const StackCli = lazy(() =>
  z.discriminatedUnion('available', [
    z.object({ available: z.literal(true), version: z.string().max(OUT.name) }),
    z.object({
      available: z.literal(false),
      message: z.string().max(OUT.text),
      hint: z.string().max(OUT.text),
    }),
  ]),
);
export type StackCli = z.infer<typeof StackCli>;

export const StackDeployEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('command'), argv: z.array(z.string().max(4096)).max(64) }),
    z.object({ kind: z.literal('output'), text: z.string().max(64 * 1024), err: z.boolean() }),
    z.object({ kind: z.literal('exit'), code: z.number().int().nullable() }),
  ]),
);
export type StackDeployEvent = z.infer<typeof StackDeployEvent>;

export const swarmObjectCalls = {
  'nodes.list': call(
    OnEngine,
    lazy(() => z.array(NodeSummary).max(OUT.list)),
  ),
  'nodes.update': call(
    lazy(() =>
      Ref.extend({
        availability: z.enum(['active', 'pause', 'drain']).optional(),
        role: z.enum(['worker', 'manager']).optional(),
        labels: KeyValues.optional(),
      }),
    ),
    lazy(() => z.null()),
  ),
  /** Only a node that is down (or force). */
  'nodes.remove': call(
    lazy(() => Ref.extend({ force: z.boolean() })),
    lazy(() => z.null()),
  ),
  'secrets.list': call(
    OnEngine,
    lazy(() => z.array(SwarmDataSummary).max(OUT.list)),
  ),
  'secrets.create': call(
    CreateData,
    lazy(() => z.object({ id: z.string().max(OUT.name) })),
  ),
  'secrets.remove': call(
    Ref,
    lazy(() => z.null()),
  ),
  'configs.list': call(
    OnEngine,
    lazy(() => z.array(SwarmDataSummary).max(OUT.list)),
  ),
  'configs.create': call(
    CreateData,
    lazy(() => z.object({ id: z.string().max(OUT.name) })),
  ),
  'configs.remove': call(
    Ref,
    lazy(() => z.null()),
  ),
  'stacks.cli': call(
    lazy(() => z.strictObject({})),
    StackCli,
  ),
  /** Every service, network, secret and config labelled with the stack's namespace. */
  'stacks.remove': call(
    lazy(() => OnEngine.extend({ name: StackName })),
    lazy(() => z.object({ removed: z.array(z.string().max(OUT.name)).max(OUT.list) })),
  ),
} as const;

export const swarmObjectStreams = {
  /** GET /services/ID/logs: every task's lines merged by the engine, each with its task. */
  'services.logs': stream(
    lazy(() =>
      OnEngine.extend({
        id: SwarmObjectId,
        // The engine has no `until` for services: main stops at it (and does not follow).
        ...logRange(),
      }),
    ),
    LogEvent,
    { window: WINDOWS.lines },
  ),
  /** The whole merged log for a file, each line with its task ("web.2 | …") as the view has it. */
  'services.logsDownload': stream(
    lazy(() => OnEngine.extend({ id: SwarmObjectId, timestamps: z.boolean() })),
    LogDownloadEvent,
    { window: WINDOWS.bytes, download: true },
  ),
  /** `docker stack deploy -c FILE NAME` on the engine; closing the stream kills the CLI. */
  'stacks.deploy': stream(
    lazy(() =>
      OnEngine.extend({
        name: StackName,
        yaml: z
          .string()
          .min(1)
          .max(1024 * 1024),
      }),
    ),
    StackDeployEvent,
  ),
} as const;
