import type Docker from 'dockerode';
import type { ContainerDetail, ContainerTop, MountSpec, PortSpec, RunSpec } from '../../contract';
import { Protocol } from '../../contract';
import { mapPorts } from './containers';
import { toPortholeError } from './errors';

const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

type ImageConfig = Partial<
  Pick<
    Docker.ImageInspectInfo['Config'],
    'Env' | 'Cmd' | 'Entrypoint' | 'Labels' | 'WorkingDir' | 'User' | 'Volumes'
  >
>;

function splitEnv(line: string) {
  const eq = line.indexOf('=');
  return eq < 0 ? { key: line, value: '' } : { key: line.slice(0, eq), value: line.slice(eq + 1) };
}

const sameList = (a: string[] | null | undefined, b: string[] | null | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

const asList = (v: string | string[] | null | undefined) => (v == null ? [] : [v].flat());

/** CapAdd/CapDrop as the engine stores them (some add "CAP_"), as the spec names them. */
const caps = (list: string[] | null | undefined) =>
  (list ?? []).map((c) => c.toUpperCase().replace(/^CAP_/, ''));

interface DeviceRequest {
  Count?: number;
  Capabilities?: string[][] | null;
}
const wantsAllGpus = (requests: DeviceRequest[] | null | undefined) =>
  (requests ?? []).some(
    (r) => r.Count === -1 && (r.Capabilities ?? []).some((set) => set.includes('gpu')),
  );

/**
 * The run spec that reproduces a container: only what differs from its image's defaults (an
 * export that repeats the image's PATH or labels would pin them forever). Pure.
 */
export function specFromInspect(c: Docker.ContainerInspectInfo, image: ImageConfig): RunSpec {
  const imageEnv = new Set(image.Env ?? []);
  const imageLabels = image.Labels ?? {};
  const imageVolumes = image.Volumes ?? {};
  const ports: PortSpec[] = [];
  for (const [key, bindings] of Object.entries(c.HostConfig.PortBindings ?? {})) {
    const [port, proto = 'tcp'] = key.split('/');
    const protocol = Protocol.safeParse(proto);
    for (const b of (bindings as { HostIp?: string; HostPort?: string }[] | null) ?? []) {
      ports.push({
        hostIp: b.HostIp ?? '',
        hostPort: b.HostPort ? Number(b.HostPort) : null,
        containerPort: Number(port),
        protocol: protocol.success ? protocol.data : 'tcp',
      });
    }
  }
  ports.sort((a, b) => a.containerPort - b.containerPort);
  const mounts: MountSpec[] = (c.Mounts ?? []).flatMap((m): MountSpec[] => {
    if (m.Type === 'bind') {
      return [{ type: 'bind', source: m.Source, target: m.Destination, readOnly: !m.RW }];
    }
    if (m.Type !== 'volume') return [];
    const anonymous = !m.Name || ANONYMOUS_VOLUME.test(m.Name);
    // The image's own VOLUMEs come back by themselves.
    if (anonymous && Object.hasOwn(imageVolumes, m.Destination)) return [];
    return [
      { type: 'volume', source: anonymous ? '' : m.Name!, target: m.Destination, readOnly: !m.RW },
    ];
  });
  const labels = Object.fromEntries(
    Object.entries(c.Config.Labels ?? {}).filter(([k, v]) => imageLabels[k] !== v),
  );
  const network = c.HostConfig.NetworkMode ?? '';
  return {
    image: c.Config.Image,
    name: c.Name.replace(/^\//, ''),
    command: sameList(c.Config.Cmd, image.Cmd) ? [] : (c.Config.Cmd ?? []),
    env: (c.Config.Env ?? []).filter((e) => !imageEnv.has(e)).map(splitEnv),
    ports,
    mounts,
    network: network === 'default' ? '' : network,
    restart: ((): RunSpec['restart'] => {
      const name = c.HostConfig.RestartPolicy?.Name;
      return name === 'always' || name === 'unless-stopped' || name === 'on-failure' ? name : 'no';
    })(),
    autoRemove: !!c.HostConfig.AutoRemove,
    tty: !!c.Config.Tty,
    interactive: !!c.Config.OpenStdin,
    labels,
    workingDir:
      c.Config.WorkingDir && c.Config.WorkingDir !== image.WorkingDir ? c.Config.WorkingDir : '',
    user: c.Config.User && c.Config.User !== image.User ? c.Config.User : '',
    entrypoint: sameList(asList(c.Config.Entrypoint), asList(image.Entrypoint))
      ? []
      : asList(c.Config.Entrypoint),
    memory: c.HostConfig.Memory ?? 0,
    nanoCpus: c.HostConfig.NanoCpus ?? 0,
    capAdd: caps(c.HostConfig.CapAdd),
    capDrop: caps(c.HostConfig.CapDrop),
    gpus: wantsAllGpus((c.HostConfig as { DeviceRequests?: DeviceRequest[] | null }).DeviceRequests)
      ? 'all'
      : 'none',
  };
}

/** Readable sections of `docker inspect`. Pure. */
export function toDetail(c: Docker.ContainerInspectInfo, image: ImageConfig): ContainerDetail {
  const portList = Object.entries(c.NetworkSettings.Ports ?? {}).flatMap(([key, bindings]) => {
    const [port, type = 'tcp'] = key.split('/');
    return (bindings ?? [{ HostIp: '', HostPort: '' }]).map((b) => ({
      PrivatePort: Number(port),
      PublicPort: b.HostPort ? Number(b.HostPort) : 0,
      IP: b.HostIp || '',
      Type: type,
    }));
  });
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config.Image,
    imageId: c.Image,
    created: c.Created,
    state: {
      status: c.State.Status,
      running: c.State.Running,
      paused: c.State.Paused,
      exitCode: c.State.ExitCode,
      startedAt: c.State.StartedAt,
      finishedAt: c.State.FinishedAt,
      error: c.State.Error ?? '',
      health: c.State.Health?.Status ?? null,
    },
    command: [
      ...(c.Config.Entrypoint ? [c.Config.Entrypoint].flat() : []),
      ...(c.Config.Cmd ?? []),
    ],
    env: (c.Config.Env ?? []).map(splitEnv),
    mounts: (c.Mounts ?? []).map((m) => ({
      type: m.Type,
      source: m.Type === 'volume' ? (m.Name ?? m.Source) : m.Source,
      target: m.Destination,
      readOnly: !m.RW,
    })),
    networks: Object.entries(c.NetworkSettings.Networks ?? {}).map(([name, n]) => ({
      name,
      ip: n.IPAddress ?? '',
      gateway: n.Gateway ?? '',
      mac: n.MacAddress ?? '',
    })),
    ports: mapPorts(portList as Docker.Port[]),
    labels: c.Config.Labels ?? {},
    restart: c.HostConfig.RestartPolicy?.Name || 'no',
    spec: specFromInspect(c, image),
    raw: c as unknown as Record<string, unknown>,
  };
}

export async function inspectContainer(docker: Docker, id: string): Promise<ContainerDetail> {
  const c = await docker.getContainer(id).inspect();
  let image: ImageConfig = {};
  try {
    image = (await docker.getImage(c.Image).inspect()).Config ?? {};
  } catch (err) {
    // The image may be gone (removed with -f): then every setting counts as the container's own.
    if (toPortholeError(err).code !== 'NOT_FOUND') throw err;
  }
  return toDetail(c, image);
}

export async function topContainer(
  docker: Docker,
  id: string,
  abortSignal?: AbortSignal,
): Promise<ContainerTop> {
  const top = (await docker.getContainer(id).top({ abortSignal })) as {
    Titles?: string[];
    Processes?: string[][];
  };
  return { titles: top.Titles ?? [], processes: top.Processes ?? [] };
}
