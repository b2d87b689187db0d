import type Docker from 'dockerode';
import type { NodeSummary } from '../../contract';
import { fail } from './errors';

interface RawNode {
  ID: string;
  Version: { Index: number };
  Spec: {
    Role?: string;
    Availability?: string;
    Labels?: Record<string, string>;
  } & Record<string, unknown>;
  Description?: { Hostname?: string; Engine?: { EngineVersion?: string } };
  Status?: { State?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string };
}

export async function listNodes(docker: Docker, selfId: string): Promise<NodeSummary[]> {
  const nodes = (await docker.listNodes()) as unknown as RawNode[];
  return nodes
    .map((n) => ({
      id: n.ID,
      hostname: n.Description?.Hostname ?? n.ID.slice(0, 12),
      role: (n.Spec.Role === 'manager' ? 'manager' : 'worker') as NodeSummary['role'],
      availability: (n.Spec.Availability ?? 'active') as NodeSummary['availability'],
      status: n.Status?.State ?? 'unknown',
      addr: n.Status?.Addr ?? '',
      ...(n.ManagerStatus
        ? { manager: n.ManagerStatus.Leader ? 'leader' : (n.ManagerStatus.Reachability ?? '') }
        : {}),
      engineVersion: n.Description?.Engine?.EngineVersion ?? '',
      labels: n.Spec.Labels ?? {},
      self: n.ID === selfId,
    }))
    .sort((a, b) => Number(b.self) - Number(a.self) || a.hostname.localeCompare(b.hostname));
}

/** The node's id as `docker info` gives it: marks "this engine" in the table. */
export async function selfNodeId(docker: Docker): Promise<string> {
  const info = (await docker.info()) as { Swarm?: { NodeID?: string } };
  return info.Swarm?.NodeID ?? '';
}

export async function updateNode(
  docker: Docker,
  i: {
    id: string;
    availability?: NodeSummary['availability'] | undefined;
    role?: NodeSummary['role'] | undefined;
    labels?: Record<string, string> | undefined;
  },
): Promise<null> {
  const node = docker.getNode(i.id);
  const n = (await node.inspect()) as unknown as RawNode;
  await node.update({
    _query: { version: n.Version.Index },
    _body: {
      ...n.Spec,
      ...(i.availability ? { Availability: i.availability } : {}),
      ...(i.role ? { Role: i.role } : {}),
      ...(i.labels ? { Labels: i.labels } : {}),
    },
  });
  return null;
}

export async function removeNode(docker: Docker, id: string, force: boolean): Promise<null> {
  const n = (await docker.getNode(id).inspect()) as unknown as RawNode;
  if (!force && n.Status?.State !== 'down') {
    fail(
      'CONFLICT',
      `${n.Description?.Hostname ?? id} is ${n.Status?.State ?? 'not down'}: only a down node can be removed.`,
      'Run “docker swarm leave” on that node first, or drain it and remove it by force.',
    );
  }
  await docker.getNode(id).remove({ force });
  return null;
}
