import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { CreateServiceInput } from '../../../../../contract';
import {
  createService,
  listServices,
  listTasks,
  rollbackService,
  scaleService,
  updateServiceImage,
} from '../../../../../main/engine/services';

const DIGEST = '@sha256:' + 'cd34'.repeat(16);

/** A /services entry as dockerd 20.10 answers it. */
const web = {
  ID: 'svcweb',
  Version: { Index: 42 },
  CreatedAt: '2026-12-02T03:00:00Z',
  UpdatedAt: '2026-12-02T03:05:00Z',
  Spec: {
    Name: 'web',
    Labels: {},
    Mode: { Replicated: { Replicas: 2 } },
    TaskTemplate: { ContainerSpec: { Image: `test/busybox:v2${DIGEST}`, Args: ['sleep', '1'] } },
    UpdateConfig: {
      Parallelism: 2,
      Delay: 1_500_000_000,
      FailureAction: 'rollback',
      Order: 'start-first',
    },
  },
  PreviousSpec: { Name: 'web' },
  Endpoint: {
    Ports: [{ TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp', PublishMode: 'ingress' }],
  },
  UpdateStatus: {
    State: 'updating',
    Message: 'update in progress',
    StartedAt: '2026-12-02T03:04:00Z',
  },
};
const agent = {
  ID: 'svcagent',
  Version: { Index: 7 },
  CreatedAt: '2026-12-02T02:00:00Z',
  UpdatedAt: '2026-12-02T02:00:00Z',
  Spec: {
    Name: 'shop_agent',
    Labels: { 'com.docker.stack.namespace': 'shop' },
    Mode: { Global: {} },
    TaskTemplate: { ContainerSpec: { Image: 'agent:1' } },
  },
  Endpoint: { Ports: [{ TargetPort: 53, Protocol: 'udp', PublishMode: 'host' }] },
};
const running = (id: string, service: string, slot: number | undefined, node = 'n1') => ({
  ID: id,
  ServiceID: service,
  ...(slot ? { Slot: slot } : {}),
  NodeID: node,
  DesiredState: 'running',
  CreatedAt: '2026-12-02T03:01:00Z',
  UpdatedAt: '2026-12-02T03:01:00Z',
  Status: { State: 'running', Timestamp: '2026-12-02T03:01:01Z' },
  Spec: { ContainerSpec: { Image: `test/busybox:v2${DIGEST}` } },
});
const nodes = [
  {
    ID: 'n1',
    Description: { Hostname: 'alpha' },
    Status: { State: 'ready' },
    Spec: { Availability: 'active' },
  },
  {
    ID: 'n2',
    Description: { Hostname: 'beta' },
    Status: { State: 'ready' },
    Spec: { Availability: 'active' },
  },
  {
    ID: 'n3',
    Description: { Hostname: 'gamma' },
    Status: { State: 'ready' },
    Spec: { Availability: 'drain' },
  },
  {
    ID: 'n4',
    Description: { Hostname: 'delta' },
    Status: { State: 'down' },
    Spec: { Availability: 'active' },
  },
];

function fakeDocker(tasks: unknown[] = []) {
  const calls: { create?: unknown; update?: unknown; filters?: unknown[] } = { filters: [] };
  const docker = {
    listServices: async () => [web, agent],
    listTasks: async (o: { filters: string }) => {
      calls.filters!.push(JSON.parse(o.filters));
      return tasks;
    },
    listNodes: async () => nodes,
    listSecrets: async () => [{ ID: 'sec1', Spec: { Name: 'db-password' } }],
    listConfigs: async () => [{ ID: 'cfg1', Spec: { Name: 'app.conf' } }],
    createService: async (spec: unknown) => {
      calls.create = spec;
      return { ID: 'newid' };
    },
    getService: (id: string) => ({
      inspect: async () => (id === agent.ID ? agent : web),
      update: async (o: unknown) => {
        calls.update = o;
        return {};
      },
    }),
  } as unknown as Docker;
  return { docker, calls };
}

describe('listServices: engine JSON → Services rows', () => {
  it('replicated: replicas, running count, ports, update state, policy in seconds, rollback', async () => {
    const { docker } = fakeDocker([running('t1', 'svcweb', 1), running('t2', 'svcweb', 2)]);
    const [s] = await listServices(docker);
    expect(s).toEqual({
      id: 'svcweb',
      name: 'web',
      image: 'test/busybox:v2',
      mode: 'replicated',
      desired: 2,
      running: 2,
      ports: [{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }],
      createdAt: '2026-12-02T03:00:00Z',
      updatedAt: '2026-12-02T03:05:00Z',
      update: {
        state: 'updating',
        message: 'update in progress',
        startedAt: '2026-12-02T03:04:00Z',
      },
      failing: 0,
      updatePolicy: {
        parallelism: 2,
        delaySeconds: 1.5,
        failureAction: 'rollback',
        order: 'start-first',
      },
      canRollback: true,
    });
  });

  it('global: desired is the nodes that are ready and active (not drained, not down); stack label', async () => {
    const { docker } = fakeDocker([running('g1', 'svcagent', undefined, 'n1')]);
    const s = (await listServices(docker))[1]!;
    expect(s).toMatchObject({
      mode: 'global',
      desired: 2,
      running: 1,
      stack: 'shop',
      canRollback: false,
    });
    expect(s.ports).toEqual([{ target: 53, protocol: 'udp', mode: 'host' }]);
    expect(s).not.toHaveProperty('update');
    // The engine's defaults when a spec has no UpdateConfig.
    expect(s.updatePolicy).toEqual({
      parallelism: 1,
      delaySeconds: 0,
      failureAction: 'pause',
      order: 'stop-first',
    });
  });

  it("a service's failing tasks are its own, not another service's", async () => {
    const bad = {
      ...running('t9', 'svcagent', undefined, 'n2'),
      DesiredState: 'shutdown',
      Status: { State: 'rejected', Err: 'No such image: agent:1' },
    };
    const pending = {
      ...running('t10', 'svcagent', undefined, 'n2'),
      CreatedAt: '2026-12-02T03:02:00Z',
      Status: { State: 'pending' },
    };
    const { docker } = fakeDocker([running('t1', 'svcweb', 1), bad, pending]);
    const [w, a] = await listServices(docker);
    expect(w).toMatchObject({ failing: 0, running: 1 });
    expect(w).not.toHaveProperty('failingError');
    expect(a).toMatchObject({ failing: 1, failingError: 'No such image: agent:1' });
  });
});

describe('listTasks', () => {
  it('filters by service and node, names them, sorts by service then slot', async () => {
    const { docker, calls } = fakeDocker([
      running('t2', 'svcweb', 2, 'n2'),
      running('g1', 'svcagent', undefined, 'n1'),
      running('t1', 'svcweb', 1, 'n1'),
    ]);
    const rows = await listTasks(docker, { service: 'web', node: 'n1' });
    expect(calls.filters).toEqual([{ service: ['web'], node: ['n1'] }]);
    expect(rows.map((t) => [t.serviceName, t.slot ?? '-', t.nodeName])).toEqual([
      ['shop_agent', '-', 'alpha'],
      ['web', 1, 'alpha'],
      ['web', 2, 'beta'],
    ]);
    await listTasks(docker, {});
    expect(calls.filters![1]).toEqual({});
  });
});

const base: CreateServiceInput = {
  engineId: 'local',
  image: 'test/busybox:latest',
  name: 'web',
  mode: { kind: 'replicated', replicas: 2 },
  command: ['sh', '-c', 'echo hi; sleep 3600'],
  env: ['GREETING=hello'],
  ports: [
    { target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' },
    { target: 53, protocol: 'udp', mode: 'ingress' },
  ],
  networks: ['backend'],
  mounts: [
    { type: 'volume', source: 'data', target: '/data', readOnly: false },
    { type: 'tmpfs', source: '', target: '/cache', readOnly: true },
  ],
  constraints: ['node.role==manager'],
  secrets: ['db-password'],
  configs: ['app.conf'],
  labels: { team: 'a' },
  restart: { condition: 'on-failure', maxAttempts: 3, delaySeconds: 5 },
  update: { parallelism: 1, delaySeconds: 0.5, failureAction: 'pause', order: 'stop-first' },
};

describe("createService: the contract input → the engine's ServiceSpec", () => {
  it('spells every part as POST /services/create takes it (durations in nanoseconds)', async () => {
    const { docker, calls } = fakeDocker();
    expect(await createService(docker, base)).toEqual({ id: 'newid' });
    expect(calls.create).toEqual({
      Name: 'web',
      Labels: { team: 'a' },
      TaskTemplate: {
        ContainerSpec: {
          Image: 'test/busybox:latest',
          Args: ['sh', '-c', 'echo hi; sleep 3600'],
          Env: ['GREETING=hello'],
          Mounts: [
            { Type: 'volume', Source: 'data', Target: '/data', ReadOnly: false },
            { Type: 'tmpfs', Target: '/cache', ReadOnly: true },
          ],
          Secrets: [
            {
              SecretID: 'sec1',
              SecretName: 'db-password',
              File: { Name: 'db-password', UID: '0', GID: '0', Mode: 0o444 },
            },
          ],
          Configs: [
            {
              ConfigID: 'cfg1',
              ConfigName: 'app.conf',
              File: { Name: '/app.conf', UID: '0', GID: '0', Mode: 0o444 },
            },
          ],
        },
        Placement: { Constraints: ['node.role==manager'] },
        RestartPolicy: { Condition: 'on-failure', MaxAttempts: 3, Delay: 5_000_000_000 },
        Networks: [{ Target: 'backend' }],
      },
      Mode: { Replicated: { Replicas: 2 } },
      UpdateConfig: {
        Parallelism: 1,
        Delay: 500_000_000,
        FailureAction: 'pause',
        Order: 'stop-first',
      },
      EndpointSpec: {
        Ports: [
          { TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp', PublishMode: 'ingress' },
          { TargetPort: 53, Protocol: 'udp', PublishMode: 'ingress' },
        ],
      },
    });
  });

  it("global mode; no command keeps the image's own", async () => {
    const { docker, calls } = fakeDocker();
    await createService(docker, {
      ...base,
      mode: { kind: 'global' },
      command: [],
      secrets: [],
      configs: [],
    });
    const spec = calls.create as { Mode: unknown; TaskTemplate: { ContainerSpec: object } };
    expect(spec.Mode).toEqual({ Global: {} });
    expect(spec.TaskTemplate.ContainerSpec).not.toHaveProperty('Args');
  });

  it('a secret that does not exist is NOT_FOUND, and nothing is created', async () => {
    const { docker, calls } = fakeDocker();
    await expect(createService(docker, { ...base, secrets: ['nope'] })).rejects.toMatchObject({
      detail: { code: 'NOT_FOUND', message: 'No secret named nope.' },
    });
    expect(calls.create).toBeUndefined();
  });
});

describe("updates go with the service's version (the engine's optimistic lock)", () => {
  it('update image: only the image and the update policy change', async () => {
    const { docker, calls } = fakeDocker();
    await updateServiceImage(docker, {
      id: 'svcweb',
      image: 'test/busybox:v3',
      update: { parallelism: 1, delaySeconds: 2, failureAction: 'continue', order: 'stop-first' },
    });
    const u = calls.update as { _query: object; _body: typeof web.Spec };
    expect(u._query).toEqual({ version: 42 });
    expect(u._body.TaskTemplate.ContainerSpec).toEqual({
      Image: 'test/busybox:v3',
      Args: ['sleep', '1'],
    });
    expect(u._body.UpdateConfig).toEqual({
      Parallelism: 1,
      Delay: 2_000_000_000,
      FailureAction: 'continue',
      Order: 'stop-first',
    });
    expect(u._body.Mode).toEqual(web.Spec.Mode);
  });

  it('rollback sends the spec unchanged with rollback=previous', async () => {
    const { docker, calls } = fakeDocker();
    await rollbackService(docker, 'svcweb');
    expect(calls.update).toEqual({
      _query: { version: 42, rollback: 'previous' },
      _body: web.Spec,
    });
  });

  it('scale sets the replicas; a global service cannot be scaled', async () => {
    const { docker, calls } = fakeDocker();
    await scaleService(docker, 'svcweb', 5);
    expect((calls.update as { _body: typeof web.Spec })._body.Mode).toEqual({
      Replicated: { Replicas: 5 },
    });
    calls.update = undefined;
    await expect(scaleService(docker, 'svcagent', 3)).rejects.toMatchObject({
      detail: { code: 'CONFLICT', message: 'shop_agent is global: it runs one task per node.' },
    });
    expect(calls.update).toBeUndefined();
  });
});
