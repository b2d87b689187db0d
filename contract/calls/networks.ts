import { z } from 'zod';
import { BoundedRecord } from '../bounded';
import { OUT } from '../limits';
import { call, OnEngine } from '../define';
import { checkResourceName, KeyValues } from './key-values';
import { checkIpam, parseIp } from './network-cidr';
import { lazy } from '../lazy';

/** Networks the engine creates itself; they cannot be removed. */
export const BUILT_IN_NETWORKS = ['bridge', 'host', 'none'] as const;

/** An existing network: id, short id or name. */
const NetworkId = lazy(() => z.string().min(1).max(256));
const ContainerId = lazy(() => z.string().min(1).max(256));

export const NetworkSubnet = lazy(() =>
  z.object({
    subnet: z.string().max(OUT.name),
    gateway: z.string().max(OUT.name),
    ipRange: z.string().max(OUT.name),
  }),
);

export const NetworkSummary = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    driver: z.string().max(OUT.name),
    scope: z.string().max(OUT.name),
    subnets: z.array(NetworkSubnet).max(OUT.list),
    internal: z.boolean(),
    attachable: z.boolean(),
    /** Containers (running or not) attached to it. */
    containers: z.number().int(),
    builtIn: z.boolean(),
    labels: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    /** ISO time. */
    created: z.string().max(OUT.name),
  }),
);
export type NetworkSummary = z.infer<typeof NetworkSummary>;

export const NetworkMember = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    state: z.string().max(OUT.name),
    ipv4: z.string().max(OUT.name),
    ipv6: z.string().max(OUT.name),
    mac: z.string().max(OUT.name),
    aliases: z.array(z.string().max(OUT.name)).max(OUT.list),
  }),
);
export type NetworkMember = z.infer<typeof NetworkMember>;

export const NetworkDetail = lazy(() =>
  NetworkSummary.extend({
    members: z.array(NetworkMember).max(OUT.list),
  }),
);
export type NetworkDetail = z.infer<typeof NetworkDetail>;

export const NetworkDriver = lazy(() => z.enum(['bridge', 'overlay']));
export type NetworkDriver = z.infer<typeof NetworkDriver>;

const Optional = lazy(() => z.string().trim().max(64).optional());

export const CreateNetworkInput = lazy(() =>
  OnEngine.extend({
    name: z
      .string()
      .max(128)
      .superRefine((v, ctx) => {
        const message = checkResourceName(v, 'network');
        if (message) ctx.addIssue({ code: 'custom', message });
      }),
    driver: NetworkDriver,
    subnet: Optional,
    gateway: Optional,
    ipRange: Optional,
    internal: z.boolean(),
    attachable: z.boolean(),
    labels: KeyValues,
  }).superRefine((input, ctx) => {
    for (const [field, message] of Object.entries(checkIpam(input))) {
      ctx.addIssue({ code: 'custom', path: [field], message });
    }
  }),
);

const IpAddress = lazy(() =>
  z
    .string()
    .trim()
    .max(64)
    .refine((v) => parseIp(v).ok, 'an IP address, e.g. 172.28.0.10'),
);

export const networkCalls = {
  'networks.list': call(
    OnEngine,
    lazy(() => z.array(NetworkSummary).max(OUT.list)),
  ),
  'networks.inspect': call(
    lazy(() => OnEngine.extend({ id: NetworkId })),
    NetworkDetail,
  ),
  /** Which drivers "Create network" may offer: overlay only while Swarm is active. */
  'networks.drivers': call(
    OnEngine,
    lazy(() =>
      z.object({ drivers: z.array(NetworkDriver).max(OUT.list), swarmActive: z.boolean() }),
    ),
  ),
  'networks.create': call(
    CreateNetworkInput,
    lazy(() => z.object({ id: z.string().max(OUT.name), name: z.string().max(OUT.name) })),
  ),
  /** Built-in → FORBIDDEN; in use → CONFLICT naming the containers. */
  'networks.remove': call(
    lazy(() => OnEngine.extend({ id: NetworkId })),
    lazy(() => z.null()),
  ),
  'networks.connect': call(
    lazy(() =>
      OnEngine.extend({
        id: NetworkId,
        container: ContainerId,
        aliases: z.array(z.string().trim().min(1).max(128).regex(/^\S+$/)).max(20),
        ip: IpAddress.optional(),
      }),
    ),
    lazy(() => z.null()),
  ),
  'networks.disconnect': call(
    lazy(() => OnEngine.extend({ id: NetworkId, container: ContainerId, force: z.boolean() })),
    lazy(() => z.null()),
  ),
  'networks.prunePreview': call(
    OnEngine,
    lazy(() =>
      z.object({
        networks: z
          .array(z.object({ id: z.string().max(OUT.name), name: z.string().max(OUT.name) }))
          .max(OUT.list),
      }),
    ),
  ),
  'networks.prune': call(
    OnEngine,
    lazy(() => z.object({ removed: z.array(z.string().max(OUT.name)).max(OUT.list) })),
  ),
} as const;
