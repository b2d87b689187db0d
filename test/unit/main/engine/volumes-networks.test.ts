import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { mapNetwork, membersByNetwork } from '../../../../main/engine/networks';
import { mapVolume, sizesFromDf, usersByVolume } from '../../../../main/engine/volumes';

const container = (
  id: string,
  name: string,
  state: string,
  mounts: { Type: string; Name?: string }[],
  networks: Record<string, string> = {},
) =>
  ({
    Id: id,
    Names: [`/${name}`],
    State: state,
    Mounts: mounts,
    NetworkSettings: {
      Networks: Object.fromEntries(
        Object.entries(networks).map(([n, netId]) => [n, { NetworkID: netId }]),
      ),
    },
  }) as unknown as Docker.ContainerInfo;

describe('volumes', () => {
  const containers = [
    container('c1', 'web', 'running', [{ Type: 'volume', Name: 'data' }, { Type: 'bind' }]),
    container('c2', 'backup', 'exited', [{ Type: 'volume', Name: 'data' }]),
  ];
  it('usersByVolume lists every container, running or not, once', () => {
    const users = usersByVolume(containers);
    expect(users.get('data')).toEqual([
      { id: 'c1', name: 'web', state: 'running' },
      { id: 'c2', name: 'backup', state: 'exited' },
    ]);
    expect(users.size).toBe(1);
  });
  it("usersByVolume leaves out Porthole's own file-browsing helpers", () => {
    const helper = {
      ...container('h1', 'eager_helper', 'created', [{ Type: 'volume', Name: 'data' }]),
      Labels: { 'io.porthole.helper': 'volume-browser' },
    };
    expect(
      usersByVolume([...containers, helper])
        .get('data')
        ?.map((u) => u.id),
    ).toEqual(['c1', 'c2']);
  });
  it('mapVolume keeps what the table shows and spots anonymous volumes', () => {
    const anon = 'a'.repeat(64);
    const v = mapVolume(
      {
        Name: anon,
        Driver: 'local',
        Mountpoint: '/m',
        Scope: 'local',
        Labels: null as unknown as Record<string, string>,
        Options: null,
        CreatedAt: '2026-11-23T10:00:00Z',
      },
      usersByVolume(containers),
    );
    expect(v).toMatchObject({ anonymous: true, labels: {}, options: {}, usedBy: [] });
    expect(v.created).toBe('2026-11-23T10:00:00Z');
  });
  it('sizesFromDf marks sizes the driver cannot tell as -1', () => {
    expect(
      sizesFromDf({
        Volumes: [
          { Name: 'a', UsageData: { Size: 12 } },
          { Name: 'b', UsageData: null },
        ],
      }),
    ).toEqual({ a: 12, b: -1 });
    expect(sizesFromDf({ Volumes: null })).toEqual({});
  });
});

describe('networks', () => {
  it('membersByNetwork counts containers per network id, stopped ones too', () => {
    const members = membersByNetwork([
      container('c1', 'web', 'running', [], { front: 'n1', back: 'n2' }),
      container('c2', 'db', 'exited', [], { back: 'n2' }),
    ]);
    expect(members.get('n1')).toEqual(['web']);
    expect(members.get('n2')).toEqual(['web', 'db']);
  });
  it('mapNetwork marks built-ins and flattens IPAM', () => {
    const base = {
      Id: 'id',
      Created: 't',
      Scope: 'local',
      Driver: 'bridge',
      EnableIPv6: false,
      Internal: false,
      Attachable: false,
      Ingress: false,
      ConfigOnly: false,
    };
    expect(mapNetwork({ ...base, Name: 'bridge' }, 0).builtIn).toBe(true);
    const mine = mapNetwork(
      {
        ...base,
        Name: 'mine',
        IPAM: { Config: [{ Subnet: '10.1.0.0/16', Gateway: '10.1.0.1' }] },
      },
      3,
    );
    expect(mine).toMatchObject({
      builtIn: false,
      containers: 3,
      subnets: [{ subnet: '10.1.0.0/16', gateway: '10.1.0.1', ipRange: '' }],
      labels: {},
    });
  });
});
