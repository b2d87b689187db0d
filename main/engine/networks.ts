import type Docker from 'dockerode';
import {
  BUILT_IN_NETWORKS,
  parseIp,
  type NetworkDetail,
  type NetworkDriver,
  type NetworkMember,
  type NetworkSummary,
} from '../../contract';
import { fail, toPortholeError } from './errors';

const BUILT_IN = new Set<string>(BUILT_IN_NETWORKS);
const nameOf = (c: { Names?: string[]; Id: string }) =>
  c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);

/** Network id → containers (any state) attached, from one container list call. */
export function membersByNetwork(containers: Docker.ContainerInfo[]): Map<string, string[]> {
  const byNetwork = new Map<string, string[]>();
  for (const c of containers) {
    for (const endpoint of Object.values(c.NetworkSettings?.Networks ?? {})) {
      if (!endpoint.NetworkID) continue;
      byNetwork.set(endpoint.NetworkID, [...(byNetwork.get(endpoint.NetworkID) ?? []), nameOf(c)]);
    }
  }
  return byNetwork;
}

export function mapNetwork(n: Docker.NetworkInspectInfo, members: number): NetworkSummary {
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    subnets: (n.IPAM?.Config ?? []).map((c) => ({
      subnet: c.Subnet ?? '',
      gateway: c.Gateway ?? '',
      ipRange: c.IPRange ?? '',
    })),
    internal: n.Internal,
    attachable: n.Attachable,
    containers: members,
    builtIn: BUILT_IN.has(n.Name),
    labels: n.Labels ?? {},
    created: n.Created,
  };
}

export async function listNetworks(docker: Docker): Promise<NetworkSummary[]> {
  const [networks, containers] = await Promise.all([
    docker.listNetworks(),
    docker.listContainers({ all: true }),
  ]);
  const members = membersByNetwork(containers);
  return networks.map((n) => mapNetwork(n, members.get(n.Id)?.length ?? 0));
}

/** The network's own inspect lists running members only; stopped ones are attached too. */
export async function inspectNetwork(docker: Docker, id: string): Promise<NetworkDetail> {
  const network = await docker.getNetwork(id).inspect();
  const containers = await docker.listContainers({ all: true });
  const attached = containers.filter((c) =>
    Object.values(c.NetworkSettings?.Networks ?? {}).some((e) => e.NetworkID === network.Id),
  );
  const members = await Promise.all(
    attached.map(async (c): Promise<NetworkMember> => {
      // Aliases are only in the container's own inspect.
      const info = await docker
        .getContainer(c.Id)
        .inspect()
        .catch(() => undefined);
      const endpoint = Object.values(info?.NetworkSettings.Networks ?? {}).find(
        (e) => e.NetworkID === network.Id,
      );
      const live = network.Containers?.[c.Id];
      return {
        id: c.Id,
        name: nameOf(c),
        state: c.State,
        ipv4:
          live?.IPv4Address ||
          (endpoint?.IPAddress ? `${endpoint.IPAddress}/${endpoint.IPPrefixLen}` : ''),
        ipv6: live?.IPv6Address ?? '',
        mac: live?.MacAddress || endpoint?.MacAddress || '',
        aliases: ((endpoint?.Aliases as string[] | null | undefined) ?? []).filter(
          // The engine adds the short id as an alias by itself; it only clutters the view.
          (a) => a !== c.Id.slice(0, 12),
        ),
      };
    }),
  );
  return {
    ...mapNetwork(network, attached.length),
    members: members.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function networkDrivers(
  docker: Docker,
): Promise<{ drivers: NetworkDriver[]; swarmActive: boolean }> {
  const info = (await docker.info()) as { Swarm?: { LocalNodeState?: string } };
  const swarmActive = info.Swarm?.LocalNodeState === 'active';
  return { drivers: swarmActive ? ['bridge', 'overlay'] : ['bridge'], swarmActive };
}

export async function createNetwork(
  docker: Docker,
  input: {
    name: string;
    driver: NetworkDriver;
    subnet?: string | undefined;
    gateway?: string | undefined;
    ipRange?: string | undefined;
    internal: boolean;
    attachable: boolean;
    labels: Record<string, string>;
  },
): Promise<{ id: string; name: string }> {
  if (input.driver === 'overlay' && !(await networkDrivers(docker)).swarmActive) {
    fail(
      'INVALID_INPUT',
      'Overlay networks need Swarm, and Swarm is not active on this engine.',
      'Use the bridge driver, or run `docker swarm init` first.',
    );
  }
  const existing = await docker.listNetworks({ filters: { name: [input.name] } });
  if (existing.some((n) => n.Name === input.name)) {
    fail('CONFLICT', `A network named ${input.name} already exists.`, 'Pick another name.');
  }
  const config = input.subnet
    ? [
        {
          Subnet: input.subnet,
          ...(input.gateway ? { Gateway: input.gateway } : {}),
          ...(input.ipRange ? { IPRange: input.ipRange } : {}),
        },
      ]
    : [];
  const network = await docker.createNetwork({
    Name: input.name,
    Driver: input.driver,
    CheckDuplicate: true,
    Internal: input.internal,
    Attachable: input.attachable,
    Labels: input.labels,
    ...(config.length ? { IPAM: { Driver: 'default', Config: config } } : {}),
  });
  return { id: network.id, name: input.name };
}

export async function removeNetwork(docker: Docker, id: string): Promise<null> {
  const network = await docker.getNetwork(id).inspect();
  if (BUILT_IN.has(network.Name)) {
    fail('FORBIDDEN', `${network.Name} is built into the engine and cannot be removed.`);
  }
  try {
    await docker.getNetwork(network.Id).remove();
    return null;
  } catch (err) {
    const error = toPortholeError(err);
    if (error.code !== 'CONFLICT' && !/active endpoints/.test(error.message)) throw err;
    const holders =
      membersByNetwork(await docker.listContainers({ all: true })).get(network.Id) ?? [];
    fail(
      'CONFLICT',
      holders.length ? `${error.message} Connected: ${holders.sort().join(', ')}.` : error.message,
      'Disconnect those containers (or remove them) first.',
    );
  }
}

export async function connectNetwork(
  docker: Docker,
  input: { id: string; container: string; aliases: string[]; ip?: string | undefined },
): Promise<null> {
  const ip = input.ip ? parseIp(input.ip) : undefined;
  const ipam =
    ip?.ok === true
      ? {
          IPAMConfig:
            ip.value.family === 4 ? { IPv4Address: input.ip! } : { IPv6Address: input.ip! },
        }
      : {};
  await docker.getNetwork(input.id).connect({
    Container: input.container,
    EndpointConfig: { ...(input.aliases.length ? { Aliases: input.aliases } : {}), ...ipam },
  });
  return null;
}

export async function disconnectNetwork(
  docker: Docker,
  input: { id: string; container: string; force: boolean },
): Promise<null> {
  await docker.getNetwork(input.id).disconnect({ Container: input.container, Force: input.force });
  return null;
}

/**
 * What "Prune" removes: networks the user made with no active endpoint. Like the engine, a
 * network only stopped containers point at counts as unused (they lose it).
 */
export async function networkPrunePreview(
  docker: Docker,
): Promise<{ networks: { id: string; name: string }[] }> {
  const list = await docker.listNetworks();
  const candidates = list.filter(
    (n) => !BUILT_IN.has(n.Name) && n.Scope === 'local' && n.Name !== 'docker_gwbridge',
  );
  const inspected = await Promise.all(
    candidates.map((n) =>
      docker
        .getNetwork(n.Id)
        .inspect()
        .catch(() => undefined),
    ),
  );
  const networks = inspected
    .filter(
      (n): n is Docker.NetworkInspectInfo => !!n && Object.keys(n.Containers ?? {}).length === 0,
    )
    .map((n) => ({ id: n.Id, name: n.Name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { networks };
}

export async function pruneNetworks(docker: Docker): Promise<{ removed: string[] }> {
  const result = await docker.pruneNetworks();
  return { removed: result.NetworksDeleted ?? [] };
}
