import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { listNodes, removeNode, selfNodeId, updateNode } from '../../../../../main/engine/nodes';

/** /nodes entries as dockerd 20.10 answers them: a leader, a reachable manager, a down worker. */
const raw = [
  {
    ID: 'w1',
    Version: { Index: 30 },
    Spec: { Role: 'worker', Availability: 'drain', Labels: { zone: 'b' } },
    Description: { Hostname: 'zulu', Engine: { EngineVersion: '20.10.24' } },
    Status: { State: 'down', Addr: '127.0.0.2' },
  },
  {
    ID: 'm2',
    Version: { Index: 12 },
    Spec: { Role: 'manager', Availability: 'active', Labels: {} },
    Description: { Hostname: 'alpha', Engine: { EngineVersion: '20.10.24' } },
    Status: { State: 'ready', Addr: '127.0.0.3' },
    ManagerStatus: { Leader: false, Reachability: 'reachable' },
  },
  {
    ID: 'self1',
    Version: { Index: 9 },
    Spec: { Role: 'manager', Availability: 'active', Name: 'kept' },
    Description: { Hostname: 'mike', Engine: { EngineVersion: '20.10.24' } },
    Status: { State: 'ready', Addr: '127.0.0.1' },
    ManagerStatus: { Leader: true, Reachability: 'reachable' },
  },
  { ID: 'x'.repeat(25), Version: { Index: 1 }, Spec: {} },
];

function fakeDocker() {
  const calls: { update?: unknown; remove?: unknown } = {};
  const docker = {
    listNodes: async () => raw,
    info: async () => ({ Swarm: { NodeID: 'self1' } }),
    getNode: (id: string) => ({
      inspect: async () => raw.find((n) => n.ID === id),
      update: async (o: unknown) => {
        calls.update = o;
      },
      remove: async (o: unknown) => {
        calls.remove = o;
      },
    }),
  } as unknown as Docker;
  return { docker, calls };
}

describe('listNodes: engine JSON → Nodes rows', () => {
  it('this engine first, then by hostname; leader/reachability for managers only', async () => {
    const rows = await listNodes(fakeDocker().docker, 'self1');
    expect(rows.map((n) => n.hostname)).toEqual(['mike', 'alpha', 'xxxxxxxxxxxx', 'zulu']);
    expect(rows[0]).toEqual({
      id: 'self1',
      hostname: 'mike',
      role: 'manager',
      availability: 'active',
      status: 'ready',
      addr: '127.0.0.1',
      manager: 'leader',
      engineVersion: '20.10.24',
      labels: {},
      self: true,
    });
    expect(rows[1]).toMatchObject({ role: 'manager', manager: 'reachable', self: false });
    expect(rows[3]).toMatchObject({
      role: 'worker',
      availability: 'drain',
      status: 'down',
      labels: { zone: 'b' },
    });
    expect(rows[3]).not.toHaveProperty('manager');
  });

  it('a node with almost nothing said: worker, active, unknown, short id as its name', async () => {
    const rows = await listNodes(fakeDocker().docker, 'self1');
    expect(rows[2]).toEqual({
      id: 'x'.repeat(25),
      hostname: 'x'.repeat(12),
      role: 'worker',
      availability: 'active',
      status: 'unknown',
      addr: '',
      engineVersion: '',
      labels: {},
      self: false,
    });
  });

  it("selfNodeId is docker info's Swarm.NodeID ('' outside a swarm)", async () => {
    expect(await selfNodeId(fakeDocker().docker)).toBe('self1');
    const outside = { info: async () => ({}) } as unknown as Docker;
    expect(await selfNodeId(outside)).toBe('');
  });
});

describe('updateNode: the whole spec back, with the version, one part changed', () => {
  it('promote keeps availability, labels and the rest of the spec', async () => {
    const { docker, calls } = fakeDocker();
    await updateNode(docker, { id: 'w1', role: 'manager' });
    expect(calls.update).toEqual({
      _query: { version: 30 },
      _body: { Role: 'manager', Availability: 'drain', Labels: { zone: 'b' } },
    });
  });

  it('labels replace the old ones (a removed label is gone); availability alone', async () => {
    const { docker, calls } = fakeDocker();
    await updateNode(docker, { id: 'w1', labels: { rack: '7' } });
    expect((calls.update as { _body: object })._body).toEqual({
      Role: 'worker',
      Availability: 'drain',
      Labels: { rack: '7' },
    });
    await updateNode(docker, { id: 'self1', availability: 'pause' });
    expect(calls.update).toEqual({
      _query: { version: 9 },
      _body: { Role: 'manager', Availability: 'pause', Name: 'kept' },
    });
  });
});

describe('removeNode', () => {
  it('a down node is removed without force', async () => {
    const { docker, calls } = fakeDocker();
    await removeNode(docker, 'w1', false);
    expect(calls.remove).toEqual({ force: false });
  });

  it('a node that is up is refused (CONFLICT, with what to do), unless forced', async () => {
    const { docker, calls } = fakeDocker();
    await expect(removeNode(docker, 'm2', false)).rejects.toMatchObject({
      detail: {
        code: 'CONFLICT',
        message: 'alpha is ready: only a down node can be removed.',
        hint: expect.stringContaining('docker swarm leave'),
      },
    });
    expect(calls.remove).toBeUndefined();
    await removeNode(docker, 'm2', true);
    expect(calls.remove).toEqual({ force: true });
  });
});
