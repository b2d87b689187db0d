import { z } from 'zod';
import { OUT } from '../limits';
import { call, OnEngine } from '../define';
import { lazy } from '../lazy';

/** A host or host:port the engine can listen on or advertise (no spaces, no scheme). */
const Address = lazy(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(256)
    .regex(/^[A-Za-z0-9_.:[\]%-]+$/, 'an address such as 127.0.0.1, 192.168.1.10:2377 or eth0'),
);

/** SWMTKN-1-… as `docker swarm join-token` prints it. */
const JoinToken = lazy(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(256)
    .regex(/^SWMTKN-1-[A-Za-z0-9-]+$/, 'a join token starts with SWMTKN-1-'),
);

export const SwarmRole = lazy(() => z.enum(['worker', 'manager']));
export type SwarmRole = z.infer<typeof SwarmRole>;

/** What `docker info` says about Swarm, plus the cluster's facts when this engine manages it. */
export const SwarmState = lazy(() =>
  z.object({
    state: z.enum(['inactive', 'pending', 'active', 'error', 'locked']),
    nodeId: z.string().max(OUT.name),
    nodeAddr: z.string().max(OUT.name),
    isManager: z.boolean(),
    managers: z.number().int(),
    nodes: z.number().int(),
    error: z.string().max(OUT.text).optional(),
    /** Only from a manager. */
    cluster: z
      .object({
        id: z.string().max(OUT.name),
        createdAt: z.string().max(OUT.name),
        updatedAt: z.string().max(OUT.name),
        /** Raft: how the managers agree. */
        raft: z.object({
          snapshotInterval: z.number(),
          electionTick: z.number(),
          heartbeatTick: z.number(),
          keepOldSnapshots: z.number(),
        }),
        taskHistoryLimit: z.number(),
        /** Addresses managers listen on, for "Join swarm" elsewhere. */
        managerAddrs: z.array(z.string().max(OUT.path)).max(OUT.list),
        /**
         * The last characters of each join token: enough to tell one token from the next (after a
         * rotate) and to match it with one a user has, never enough to join with.
         */
        tokenEnds: z.object({ worker: z.string().max(4), manager: z.string().max(4) }),
      })
      .optional(),
    /** Where this engine runs: what stops on Leave. */
    running: z.object({ services: z.number().int(), tasks: z.number().int() }),
  }),
);
export type SwarmState = z.infer<typeof SwarmState>;

export const swarmCalls = {
  'swarm.inspect': call(OnEngine, SwarmState),
  'swarm.init': call(
    lazy(() => OnEngine.extend({ advertiseAddr: Address, listenAddr: Address.optional() })),
    lazy(() => z.object({ nodeId: z.string().max(OUT.name) })),
  ),
  'swarm.join': call(
    lazy(() =>
      OnEngine.extend({
        remoteAddr: Address,
        token: JoinToken,
        advertiseAddr: Address.optional(),
        /** Where this node listens for the swarm (`--listen-addr`); default 0.0.0.0:2377. */
        listenAddr: Address.optional(),
        /** How it joins (`--availability`): drain keeps tasks off it from the start. */
        availability: z.enum(['active', 'pause', 'drain']).optional(),
      }),
    ),
    lazy(() => z.null()),
  ),
  /** force: a manager leaving (the swarm may lose its quorum). */
  'swarm.leave': call(
    lazy(() => OnEngine.extend({ force: z.boolean() })),
    lazy(() => z.null()),
  ),
  /** The token itself, asked for only when the user copies it (never in a list). */
  'swarm.joinToken': call(
    lazy(() => OnEngine.extend({ role: SwarmRole })),
    lazy(() => z.object({ token: z.string().max(OUT.name) })),
  ),
  'swarm.rotateToken': call(
    lazy(() => OnEngine.extend({ role: SwarmRole })),
    lazy(() => z.null()),
  ),
} as const;
