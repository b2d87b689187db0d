import { z } from 'zod';
import { OUT } from '../limits';
import { call, OnEngine } from '../define';
import { KeyValues } from './key-values';
import { lazy } from '../lazy';

/** An existing service, task or node: id, short id or name. */
export const SwarmObjectId = lazy(() => z.string().trim().min(1).max(256));

/** Service names as the engine takes them (DNS labels). */
export const ServiceName = lazy(() =>
  z
    .string()
    .trim()
    .max(63)
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
      'letters, digits, “_”, “.” or “-”, starting with a letter or digit',
    ),
);

const ImageRef = lazy(() =>
  z.string().trim().min(1).max(512).regex(/^\S+$/, 'an image reference has no spaces'),
);

const Port = lazy(() => z.number().int().min(1).max(65535));

export const ServicePort = lazy(() =>
  z.object({
    target: Port,
    published: Port.optional(),
    protocol: z.enum(['tcp', 'udp', 'sctp']),
    mode: z.enum(['ingress', 'host']),
  }),
);
export type ServicePort = z.infer<typeof ServicePort>;

export const ServiceMount = lazy(() =>
  z.strictObject({
    type: z.enum(['volume', 'bind', 'tmpfs']),
    source: z.string().trim().max(4096),
    target: z.string().trim().min(1).max(4096).regex(/^\//, 'an absolute path in the container'),
    readOnly: z.boolean(),
  }),
);

export const ServiceRestartPolicy = lazy(() =>
  z.strictObject({
    condition: z.enum(['none', 'on-failure', 'any']),
    maxAttempts: z.number().int().min(0).max(1000),
    delaySeconds: z.number().min(0).max(3600),
  }),
);

export const UpdatePolicy = lazy(() =>
  z.strictObject({
    parallelism: z.number().int().min(0).max(1000),
    delaySeconds: z.number().min(0).max(3600),
    failureAction: z.enum(['pause', 'continue', 'rollback']),
    order: z.enum(['stop-first', 'start-first']),
  }),
);
export type UpdatePolicy = z.infer<typeof UpdatePolicy>;

const Short = lazy(() => z.string().trim().min(1).max(256));

export const CreateServiceInput = lazy(() =>
  OnEngine.extend({
    image: ImageRef,
    name: ServiceName,
    mode: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('replicated'),
        replicas: z.number().int().min(0).max(1000),
      }),
      z.strictObject({ kind: z.literal('global') }),
    ]),
    /** The command and its arguments, already split (no shell). */
    command: z.array(z.string().max(4096)).max(64),
    env: z
      .array(
        z
          .string()
          .max(8192)
          .regex(/^[^=\s]+=/, 'KEY=VALUE'),
      )
      .max(100),
    ports: z.array(ServicePort.strict()).max(50),
    networks: z.array(Short).max(20),
    mounts: z.array(ServiceMount).max(20),
    constraints: z.array(Short).max(20),
    /** Secrets and configs by name, mounted at /run/secrets/NAME and /NAME. */
    secrets: z.array(Short).max(20),
    configs: z.array(Short).max(20),
    labels: KeyValues,
    restart: ServiceRestartPolicy,
    update: UpdatePolicy,
  }),
);
export type CreateServiceInput = z.input<typeof CreateServiceInput>;

export const TaskSummary = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    serviceId: z.string().max(OUT.name),
    serviceName: z.string().max(OUT.name),
    slot: z.number().int().optional(),
    nodeId: z.string().max(OUT.name),
    nodeName: z.string().max(OUT.name),
    desired: z.string().max(OUT.name),
    state: z.string().max(OUT.name),
    message: z.string().max(OUT.text),
    error: z.string().max(OUT.text).optional(),
    image: z.string().max(OUT.name),
    containerId: z.string().max(OUT.name).optional(),
    /** ISO time of the last state change. */
    updatedAt: z.string().max(OUT.name),
  }),
);
export type TaskSummary = z.infer<typeof TaskSummary>;

export const ServiceSummary = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    image: z.string().max(OUT.name),
    mode: z.enum(['replicated', 'global']),
    /** Replicated: the replicas asked for; global: the nodes it should run on. */
    desired: z.number().int(),
    running: z.number().int(),
    ports: z.array(ServicePort).max(OUT.list),
    /** com.docker.stack.namespace, when a stack made it. */
    stack: z.string().max(OUT.name).optional(),
    createdAt: z.string().max(OUT.name),
    updatedAt: z.string().max(OUT.name),
    update: z
      .object({
        state: z.string().max(OUT.name),
        message: z.string().max(OUT.text),
        startedAt: z.string().max(OUT.name).optional(),
      })
      .optional(),
    /** Slots (or nodes, global) whose newest task is not running and whose last failure is known. */
    failing: z.number().int(),
    failingError: z.string().max(OUT.text).optional(),
    updatePolicy: UpdatePolicy,
    /** A previous spec exists: rollback can go back to it. */
    canRollback: z.boolean(),
  }),
);
export type ServiceSummary = z.infer<typeof ServiceSummary>;

const ServiceRef = lazy(() => OnEngine.extend({ id: SwarmObjectId }));

export const serviceCalls = {
  'services.list': call(
    OnEngine,
    lazy(() => z.array(ServiceSummary).max(OUT.list)),
  ),
  'services.create': call(
    CreateServiceInput,
    lazy(() => z.object({ id: z.string().max(OUT.name) })),
  ),
  'services.scale': call(
    lazy(() => ServiceRef.extend({ replicas: z.number().int().min(0).max(1000) })),
    lazy(() => z.null()),
  ),
  /** A new image, rolled out with the given update policy. */
  'services.updateImage': call(
    lazy(() => ServiceRef.extend({ image: ImageRef, update: UpdatePolicy })),
    lazy(() => z.null()),
  ),
  'services.rollback': call(
    ServiceRef,
    lazy(() => z.null()),
  ),
  'services.remove': call(
    ServiceRef,
    lazy(() => z.null()),
  ),
  /** Tasks of one service or on one node (neither: all). */
  'services.tasks': call(
    lazy(() =>
      OnEngine.extend({ service: SwarmObjectId.optional(), node: SwarmObjectId.optional() }),
    ),
    lazy(() => z.array(TaskSummary).max(OUT.list)),
  ),
} as const;
