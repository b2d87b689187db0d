import type Docker from 'dockerode';
import type { SwarmRole, SwarmState } from '../../contract';
import { fail } from './errors';

/** What /swarm answers (dockerode's own types leave most of it out). */
interface RawSwarm {
  ID: string;
  CreatedAt: string;
  UpdatedAt: string;
  Version: { Index: number };
  Spec: {
    Raft?: {
      SnapshotInterval?: number;
      KeepOldSnapshots?: number;
      ElectionTick?: number;
      HeartbeatTick?: number;
    };
    Orchestration?: { TaskHistoryRetentionLimit?: number };
  } & Record<string, unknown>;
  JoinTokens: { Worker: string; Manager: string };
}

interface RawInfoSwarm {
  LocalNodeState?: string;
  NodeID?: string;
  NodeAddr?: string;
  ControlAvailable?: boolean;
  Managers?: number;
  Nodes?: number;
  Error?: string;
  RemoteManagers?: { NodeID: string; Addr: string }[] | null;
}

const STATES = new Set(['inactive', 'pending', 'active', 'error', 'locked']);

export const swarmOf = async (docker: Docker) =>
  (await docker.swarmInspect()) as unknown as RawSwarm;

/** `docker info`'s Swarm part, the cluster's facts from a manager, and what Leave would stop. */
export async function inspectSwarm(docker: Docker): Promise<SwarmState> {
  const info = (await docker.info()) as { Swarm?: RawInfoSwarm };
  const s = info.Swarm ?? {};
  const state = (
    STATES.has(s.LocalNodeState ?? '') ? s.LocalNodeState : 'inactive'
  ) as SwarmState['state'];
  const tasks = await docker.listContainers({
    filters: JSON.stringify({ label: ['com.docker.swarm.task.id'] }),
  });
  const out: SwarmState = {
    state,
    nodeId: s.NodeID ?? '',
    nodeAddr: s.NodeAddr ?? '',
    isManager: !!s.ControlAvailable,
    managers: s.Managers ?? 0,
    nodes: s.Nodes ?? 0,
    ...(s.Error ? { error: s.Error } : {}),
    running: {
      services: new Set(tasks.map((c) => c.Labels['com.docker.swarm.service.id'])).size,
      tasks: tasks.length,
    },
  };
  if (state !== 'active' || !s.ControlAvailable) return out;
  const sw = await swarmOf(docker);
  const raft = sw.Spec.Raft ?? {};
  out.cluster = {
    id: sw.ID,
    createdAt: sw.CreatedAt,
    updatedAt: sw.UpdatedAt,
    raft: {
      snapshotInterval: raft.SnapshotInterval ?? 0,
      electionTick: raft.ElectionTick ?? 0,
      heartbeatTick: raft.HeartbeatTick ?? 0,
      keepOldSnapshots: raft.KeepOldSnapshots ?? 0,
    },
    taskHistoryLimit: sw.Spec.Orchestration?.TaskHistoryRetentionLimit ?? 0,
    managerAddrs: (s.RemoteManagers ?? []).map((m) => m.Addr),
    tokenEnds: { worker: tokenEnd(sw.JoinTokens.Worker), manager: tokenEnd(sw.JoinTokens.Manager) },
  };
  return out;
}

/** A token's last 4 characters (of its ~25-character secret part); '' for none. */
export const tokenEnd = (token: string | undefined) => (token ?? '').slice(-4);

export async function initSwarm(
  docker: Docker,
  i: { advertiseAddr: string; listenAddr?: string | undefined },
): Promise<{ nodeId: string }> {
  const nodeId = (await docker.swarmInit({
    ListenAddr: i.listenAddr ?? '0.0.0.0:2377',
    AdvertiseAddr: i.advertiseAddr,
  })) as unknown;
  return { nodeId: typeof nodeId === 'string' ? nodeId : String(nodeId ?? '') };
}

export async function joinSwarm(
  docker: Docker,
  i: {
    remoteAddr: string;
    token: string;
    advertiseAddr?: string | undefined;
    listenAddr?: string | undefined;
    availability?: 'active' | 'pause' | 'drain' | undefined;
  },
): Promise<null> {
  await docker.swarmJoin({
    RemoteAddrs: [i.remoteAddr],
    JoinToken: i.token,
    ListenAddr: i.listenAddr ?? '0.0.0.0:2377',
    ...(i.advertiseAddr ? { AdvertiseAddr: i.advertiseAddr } : {}),
    ...(i.availability ? { Availability: i.availability } : {}),
  });
  return null;
}

export async function leaveSwarm(docker: Docker, force: boolean): Promise<null> {
  await docker.swarmLeave({ force });
  return null;
}

export async function joinToken(docker: Docker, role: SwarmRole): Promise<{ token: string }> {
  const sw = await swarmOf(docker);
  const token = role === 'worker' ? sw.JoinTokens.Worker : sw.JoinTokens.Manager;
  if (!token) fail('NOT_FOUND', `This engine has no ${role} join token: is it a manager?`);
  return { token };
}

/** A new token for the role: the old one stops working for new joins (nodes in stay in). */
export async function rotateToken(docker: Docker, role: SwarmRole): Promise<null> {
  const sw = await swarmOf(docker);
  await new Promise<void>((resolve, reject) =>
    docker.modem.dial(
      {
        path: '/swarm/update?',
        method: 'POST',
        statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error', 503: 'not a manager' },
        options: {
          _query: {
            version: sw.Version.Index,
            ...(role === 'worker' ? { rotateWorkerToken: true } : { rotateManagerToken: true }),
          },
          _body: sw.Spec,
        },
      },
      (err: unknown) => (err ? reject(err) : resolve()),
    ),
  );
  return null;
}
