import type Docker from 'dockerode';
import type { CreateServiceInput, ServiceSummary, TaskSummary, UpdatePolicy } from '../../contract';
import { fail } from './errors';
import { mapTask, rawTasks, shortImage, taskHealth } from './service-tasks';

const SECOND = 1_000_000_000;

interface RawService {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: {
    Name: string;
    Labels?: Record<string, string>;
    Mode?: { Replicated?: { Replicas?: number }; Global?: object };
    TaskTemplate: { ContainerSpec?: { Image?: string } } & Record<string, unknown>;
    UpdateConfig?: {
      Parallelism?: number;
      Delay?: number;
      FailureAction?: string;
      Order?: string;
    };
  } & Record<string, unknown>;
  PreviousSpec?: unknown;
  Endpoint?: {
    Ports?: {
      TargetPort: number;
      PublishedPort?: number;
      Protocol?: string;
      PublishMode?: string;
    }[];
  };
  UpdateStatus?: { State?: string; Message?: string; StartedAt?: string };
}

const rawServices = async (docker: Docker) =>
  (await docker.listServices({})) as unknown as RawService[];

function updatePolicyOf(s: RawService): UpdatePolicy {
  const u = s.Spec.UpdateConfig ?? {};
  return {
    parallelism: u.Parallelism ?? 1,
    delaySeconds: (u.Delay ?? 0) / SECOND,
    failureAction: (u.FailureAction ?? 'pause') as UpdatePolicy['failureAction'],
    order: (u.Order ?? 'stop-first') as UpdatePolicy['order'],
  };
}

const updateConfig = (u: UpdatePolicy) => ({
  Parallelism: u.parallelism,
  Delay: Math.round(u.delaySeconds * SECOND),
  FailureAction: u.failureAction,
  Order: u.order,
});

/** Every service with its running/desired counts and the error of a failing task. */
export async function listServices(docker: Docker): Promise<ServiceSummary[]> {
  const [services, tasks, nodes] = await Promise.all([
    rawServices(docker),
    rawTasks(docker, {}),
    docker.listNodes() as Promise<
      { Status?: { State?: string }; Spec?: { Availability?: string } }[]
    >,
  ]);
  const ready = nodes.filter(
    (n) => n.Status?.State === 'ready' && n.Spec?.Availability === 'active',
  ).length;
  return services.map((s) => {
    const mine = tasks.filter((t) => t.ServiceID === s.ID);
    const health = taskHealth(mine);
    const global = !!s.Spec.Mode?.Global;
    const u = s.UpdateStatus;
    return {
      id: s.ID,
      name: s.Spec.Name,
      image: shortImage(s.Spec.TaskTemplate.ContainerSpec?.Image ?? ''),
      mode: global ? 'global' : 'replicated',
      desired: global ? ready : (s.Spec.Mode?.Replicated?.Replicas ?? 0),
      running: health.running,
      ports: (s.Endpoint?.Ports ?? []).map((p) => ({
        target: p.TargetPort,
        ...(p.PublishedPort ? { published: p.PublishedPort } : {}),
        protocol: (p.Protocol ?? 'tcp') as 'tcp',
        mode: (p.PublishMode ?? 'ingress') as 'ingress',
      })),
      ...(s.Spec.Labels?.['com.docker.stack.namespace']
        ? { stack: s.Spec.Labels['com.docker.stack.namespace'] }
        : {}),
      createdAt: s.CreatedAt,
      updatedAt: s.UpdatedAt,
      ...(u?.State
        ? {
            update: {
              state: u.State,
              message: u.Message ?? '',
              ...(u.StartedAt ? { startedAt: u.StartedAt } : {}),
            },
          }
        : {}),
      failing: health.failing,
      ...(health.error ? { failingError: health.error } : {}),
      updatePolicy: updatePolicyOf(s),
      canRollback: !!s.PreviousSpec,
    };
  });
}

export async function createService(
  docker: Docker,
  i: CreateServiceInput,
): Promise<{ id: string }> {
  const [secrets, configs] = await Promise.all([
    i.secrets.length ? docker.listSecrets() : Promise.resolve([]),
    i.configs.length ? docker.listConfigs() : Promise.resolve([]),
  ]);
  const byName = (list: { ID: string; Spec?: { Name?: string } }[], name: string, what: string) => {
    const found = list.find((x) => x.Spec?.Name === name || x.ID === name);
    if (!found) fail('NOT_FOUND', `No ${what} named ${name}.`, `Create the ${what} first.`);
    return found;
  };
  const spec = {
    Name: i.name,
    Labels: i.labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: i.image,
        ...(i.command.length ? { Args: i.command } : {}),
        Env: i.env,
        Mounts: i.mounts.map((m) => ({
          Type: m.type,
          ...(m.source ? { Source: m.source } : {}),
          Target: m.target,
          ReadOnly: m.readOnly,
        })),
        Secrets: i.secrets.map((n) => {
          const s = byName(secrets as { ID: string; Spec?: { Name?: string } }[], n, 'secret');
          return {
            SecretID: s.ID,
            SecretName: n,
            File: { Name: n, UID: '0', GID: '0', Mode: 0o444 },
          };
        }),
        Configs: i.configs.map((n) => {
          const c = byName(configs as { ID: string; Spec?: { Name?: string } }[], n, 'config');
          return {
            ConfigID: c.ID,
            ConfigName: n,
            File: { Name: `/${n}`, UID: '0', GID: '0', Mode: 0o444 },
          };
        }),
      },
      Placement: { Constraints: i.constraints },
      RestartPolicy: {
        Condition: i.restart.condition,
        MaxAttempts: i.restart.maxAttempts,
        Delay: Math.round(i.restart.delaySeconds * SECOND),
      },
      Networks: i.networks.map((n) => ({ Target: n })),
    },
    Mode: i.mode.kind === 'global' ? { Global: {} } : { Replicated: { Replicas: i.mode.replicas } },
    UpdateConfig: updateConfig(i.update),
    EndpointSpec: {
      Ports: i.ports.map((p) => ({
        TargetPort: p.target,
        ...(p.published ? { PublishedPort: p.published } : {}),
        Protocol: p.protocol,
        PublishMode: p.mode,
      })),
    },
  };
  const created = (await docker.createService(
    spec as unknown as Docker.CreateServiceOptions,
  )) as unknown as { id?: string; ID?: string };
  return { id: created.id ?? created.ID ?? '' };
}

/** POST /services/ID/update with the service's current version (the engine's optimistic lock). */
async function updateSpec(
  docker: Docker,
  id: string,
  change: (spec: RawService['Spec']) => RawService['Spec'],
  query: Record<string, string> = {},
): Promise<null> {
  const service = docker.getService(id);
  const s = (await service.inspect()) as unknown as RawService;
  await service.update({
    _query: { version: s.Version.Index, ...query },
    _body: change(s.Spec),
  });
  return null;
}

export async function scaleService(docker: Docker, id: string, replicas: number): Promise<null> {
  return updateSpec(docker, id, (spec) => {
    if (spec.Mode?.Global) fail('CONFLICT', `${spec.Name} is global: it runs one task per node.`);
    return { ...spec, Mode: { Replicated: { Replicas: replicas } } };
  });
}

export async function updateServiceImage(
  docker: Docker,
  i: { id: string; image: string; update: UpdatePolicy },
): Promise<null> {
  return updateSpec(docker, i.id, (spec) => ({
    ...spec,
    TaskTemplate: {
      ...spec.TaskTemplate,
      ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Image: i.image },
    },
    UpdateConfig: { ...spec.UpdateConfig, ...updateConfig(i.update) },
  }));
}

/** Back to PreviousSpec, as `docker service rollback` does. */
export async function rollbackService(docker: Docker, id: string): Promise<null> {
  return updateSpec(docker, id, (spec) => spec, { rollback: 'previous' });
}

export async function removeService(docker: Docker, id: string): Promise<null> {
  await docker.getService(id).remove();
  return null;
}

export async function listTasks(
  docker: Docker,
  i: { service?: string | undefined; node?: string | undefined },
): Promise<TaskSummary[]> {
  const filters: Record<string, string[]> = {};
  if (i.service) filters.service = [i.service];
  if (i.node) filters.node = [i.node];
  const [tasks, services, nodes] = await Promise.all([
    rawTasks(docker, filters),
    rawServices(docker),
    docker.listNodes() as Promise<{ ID: string; Description?: { Hostname?: string } }[]>,
  ]);
  const serviceNames = new Map(services.map((s) => [s.ID, s.Spec.Name]));
  const nodeNames = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname ?? n.ID]));
  return tasks
    .map((t) => mapTask(t, serviceNames, nodeNames))
    .sort(
      (a, b) =>
        a.serviceName.localeCompare(b.serviceName) ||
        (a.slot ?? 0) - (b.slot ?? 0) ||
        b.updatedAt.localeCompare(a.updatedAt),
    );
}
