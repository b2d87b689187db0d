import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type Docker from 'dockerode';
import type { PortSpec, RunIssue, RunSpec } from '../../contract';
import { containerNamed } from './containers';
import { isNotModified, toPortholeError } from './errors';

const portKey = (p: PortSpec) => `${p.containerPort}/${p.protocol}`;

/** The Engine API body for a spec: what `docker run` sends for the same flags. Pure. */
export function toCreateOptions(spec: RunSpec, name = spec.name): Docker.ContainerCreateOptions {
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports) {
    (bindings[portKey(p)] ??= []).push({
      HostIp: p.hostIp,
      HostPort: p.hostPort === null ? '' : String(p.hostPort),
    });
  }
  // Structured mounts, never "src:dst" strings: a host path may itself contain ":".
  const mounts = spec.mounts
    .filter((m) => m.source)
    .map((m) => ({
      Type: m.type,
      Source: m.source,
      Target: m.target,
      ReadOnly: m.readOnly,
      // `-v` creates a missing host folder; keep doing what people expect of a bind.
      ...(m.type === 'bind' ? { BindOptions: { CreateMountpoint: true } } : {}),
    }));
  const anonymous = spec.mounts.filter((m) => !m.source).map((m) => m.target);
  const capAdd = spec.capAdd ?? [];
  const capDrop = spec.capDrop ?? [];
  return {
    Image: spec.image,
    ...(name ? { name } : {}),
    ...(spec.command.length ? { Cmd: spec.command } : {}),
    Env: spec.env.map((e) => `${e.key}=${e.value}`),
    Labels: spec.labels,
    ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
    ...(spec.user ? { User: spec.user } : {}),
    ...(spec.entrypoint?.length ? { Entrypoint: spec.entrypoint } : {}),
    Tty: spec.tty,
    OpenStdin: spec.interactive,
    StdinOnce: false,
    ExposedPorts: Object.fromEntries(Object.keys(bindings).map((k) => [k, {}])),
    ...(anonymous.length ? { Volumes: Object.fromEntries(anonymous.map((t) => [t, {}])) } : {}),
    HostConfig: {
      PortBindings: bindings,
      Mounts: mounts as Docker.MountSettings[],
      RestartPolicy: { Name: spec.restart === 'no' ? '' : spec.restart },
      AutoRemove: spec.autoRemove,
      ...(spec.network ? { NetworkMode: spec.network } : {}),
      ...(spec.memory ? { Memory: spec.memory } : {}),
      ...(spec.nanoCpus ? { NanoCpus: spec.nanoCpus } : {}),
      ...(capAdd.length ? { CapAdd: capAdd } : {}),
      ...(capDrop.length ? { CapDrop: capDrop } : {}),
      // `--gpus all`: what the CLI sends; an engine without a GPU driver refuses it at start.
      ...(spec.gpus === 'all'
        ? {
            DeviceRequests: [
              { Driver: '', Count: -1, DeviceIDs: [], Capabilities: [['gpu']], Options: {} },
            ],
          }
        : {}),
    },
  };
}

/**
 * False when something on this machine already listens on host:port (TCP). Only EADDRINUSE
 * counts: a privileged port (EACCES) or an address that is not ours (EADDRNOTAVAIL) is the
 * engine's business, and it says so itself if it cannot bind.
 */
function canBind(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code !== 'EADDRINUSE'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

const sameInterface = (a: string | undefined, b: string) =>
  !a || !b || a === '0.0.0.0' || b === '0.0.0.0' || a === '::' || a === b;

/**
 * What the engine would refuse, found before anything is created, each tied to its form field.
 * `replacing` names a container whose own name and ports don't count (Recreate).
 */
export async function checkRun(
  docker: Docker,
  spec: RunSpec,
  opts: { replacing?: string | undefined; local: boolean },
): Promise<RunIssue[]> {
  const issues: RunIssue[] = [];
  try {
    await docker.getImage(spec.image).inspect();
  } catch (err) {
    if (toPortholeError(err).code !== 'NOT_FOUND') throw err;
    issues.push({
      field: 'image',
      message: `There is no image “${spec.image}” on this engine. Pull it first (the run form offers to).`,
    });
  }
  if (spec.name) {
    const other = await containerNamed(docker, spec.name);
    if (other && other.Id !== opts.replacing) {
      issues.push({
        field: 'name',
        message: `A container named “${spec.name}” already exists. Pick another name.`,
      });
    }
  }
  const list = await docker.listContainers({ all: false });
  // What the container being replaced publishes is its to hand over, not "in use".
  const handedOver = new Set(
    (list.find((c) => c.Id === opts.replacing)?.Ports ?? []).map(
      (q) => `${q.PublicPort}/${q.Type}`,
    ),
  );
  for (const [i, p] of spec.ports.entries()) {
    if (p.hostPort === null) continue;
    const holder = list.find(
      (c) =>
        c.Id !== opts.replacing &&
        (c.Ports ?? []).some(
          (q) =>
            q.PublicPort === p.hostPort && q.Type === p.protocol && sameInterface(q.IP, p.hostIp),
        ),
    );
    const twice = spec.ports
      .slice(0, i)
      .some((q) => q.hostPort === p.hostPort && q.protocol === p.protocol);
    let message: string | undefined;
    if (twice) message = `Host port ${p.hostPort} is given twice.`;
    else if (holder) {
      const name = holder.Names?.[0]?.replace(/^\//, '') ?? holder.Id.slice(0, 12);
      message = `Host port ${p.hostPort} is already published by “${name}”. Pick another port or leave it empty for a random one.`;
    } else if (opts.local && p.protocol === 'tcp' && !handedOver.has(`${p.hostPort}/tcp`)) {
      const host = p.hostIp && p.hostIp !== '0.0.0.0' ? p.hostIp : '127.0.0.1';
      if (!(await canBind(p.hostPort, host))) {
        message = `Host port ${p.hostPort} is in use on this machine. Pick another port or leave it empty for a random one.`;
      }
    }
    if (message) issues.push({ field: `ports.${i}.hostPort`, message });
  }
  return issues;
}

/** Creates and starts. If the engine refuses to start it, the half-made container goes too. */
export async function runContainer(docker: Docker, spec: RunSpec, start = true) {
  const container = await docker.createContainer(toCreateOptions(spec));
  try {
    if (start) await container.start();
  } catch (err) {
    await container.remove({ force: true }).catch(() => undefined);
    throw err;
  }
  const info = await container.inspect().catch(() => undefined);
  return { id: container.id, name: info?.Name.replace(/^\//, '') ?? spec.name };
}

/**
 * Replaces a container with one made from `spec`, safely: the new one is created under a
 * temporary name and started; only once it runs does the old one go and the new one take its
 * name. The old one keeps running meanwhile, unless the new one needs the same fixed host ports:
 * then it is only stopped, and started again if the new one fails. On any failure the new
 * container is removed and the old one is left as it was.
 */
export async function recreateContainer(docker: Docker, id: string, spec: RunSpec) {
  const old = docker.getContainer(id);
  const before = await old.inspect();
  const name = spec.name || before.Name.replace(/^\//, '');
  const temp = `${name}-recreate-${randomBytes(3).toString('hex')}`.slice(0, 128);
  const created = await docker.createContainer(toCreateOptions(spec, temp));
  const published = new Set(
    Object.entries(before.NetworkSettings.Ports ?? {}).flatMap(([key, bindings]) =>
      (bindings ?? []).map((b) => `${b.HostPort}/${key.split('/')[1] ?? 'tcp'}`),
    ),
  );
  const mustStop =
    before.State.Running &&
    spec.ports.some((p) => p.hostPort !== null && published.has(`${p.hostPort}/${p.protocol}`));
  try {
    if (mustStop) {
      await old.stop().catch((err: unknown) => {
        if (!isNotModified(err)) throw err;
      });
    }
    await created.start();
  } catch (err) {
    await created.remove({ force: true }).catch(() => undefined);
    if (mustStop) await old.start().catch(() => undefined);
    throw err;
  }
  await old.remove({ force: true });
  await created.rename({ name });
  return { id: created.id, name };
}
