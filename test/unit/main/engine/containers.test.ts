import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { mapContainer, mapPorts } from '../../../../main/engine/containers';

const ANON = 'a'.repeat(40) + '0123456789abcdef01234567';

function info(overrides: Partial<Docker.ContainerInfo> = {}): Docker.ContainerInfo {
  return {
    Id: '4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c',
    Names: ['/web'],
    Image: 'nginx:1.27',
    ImageID: 'sha256:deadbeef',
    Command: 'nginx -g "daemon off;"',
    Created: 1700000000,
    Ports: [],
    Labels: {},
    State: 'running',
    Status: 'Up 5 minutes',
    HostConfig: { NetworkMode: 'bridge' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
    ...overrides,
  } as Docker.ContainerInfo;
}

function mount(Type: string, Name?: string) {
  return {
    Type,
    ...(Name ? { Name } : {}),
    Source: '/x',
    Destination: '/y',
    Driver: 'local',
    Mode: '',
    RW: true,
    Propagation: '',
  } as Docker.ContainerInfo['Mounts'][number];
}

describe('mapPorts', () => {
  it('collapses the IPv4 and IPv6 entries of one published port', () => {
    expect(
      mapPorts([
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      ]),
    ).toEqual([{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' }]);
  });

  it('keeps tcp and udp of the same port apart', () => {
    expect(
      mapPorts([
        { IP: '0.0.0.0', PrivatePort: 53, PublicPort: 53, Type: 'tcp' },
        { IP: '0.0.0.0', PrivatePort: 53, PublicPort: 53, Type: 'udp' },
      ]).map((p) => p.type),
    ).toEqual(['tcp', 'udp']);
  });

  it('keeps distinct host addresses apart', () => {
    expect(
      mapPorts([
        { IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      ]),
    ).toHaveLength(2);
  });

  it('gives unpublished ports no publicPort and no ip', () => {
    const [port] = mapPorts([{ PrivatePort: 6379, Type: 'tcp' } as Docker.Port]);
    expect(port).toEqual({ privatePort: 6379, type: 'tcp' });
    expect(port && 'publicPort' in port).toBe(false);
  });

  it('sorts by private port, then public port', () => {
    const out = mapPorts([
      { IP: '0.0.0.0', PrivatePort: 443, PublicPort: 8443, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 9090, Type: 'tcp' },
      { PrivatePort: 80, Type: 'tcp' } as Docker.Port,
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 22, PublicPort: 2222, Type: 'tcp' },
    ]);
    expect(out.map((p) => [p.privatePort, p.publicPort])).toEqual([
      [22, 2222],
      [80, undefined],
      [80, 8080],
      [80, 9090],
      [443, 8443],
    ]);
  });

  it('returns an empty list for no ports', () => {
    expect(mapPorts([])).toEqual([]);
  });
});

describe('mapContainer', () => {
  it('maps the engine fields', () => {
    const c = info({
      Ports: [
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      ],
    });
    expect(mapContainer(c)).toEqual({
      id: c.Id,
      name: 'web',
      image: 'nginx:1.27',
      command: 'nginx -g "daemon off;"',
      created: 1700000000,
      state: 'running',
      status: 'Up 5 minutes',
      ports: [{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' }],
      labels: {},
      composeProject: null,
      composeService: null,
      anonymousVolumes: 0,
    });
  });

  it('strips only the leading slash of the first name', () => {
    expect(mapContainer(info({ Names: ['/a/b', '/other'] })).name).toBe('a/b');
  });

  it('falls back to the short id without names', () => {
    expect(mapContainer(info({ Names: [] })).name).toBe('4f1c2d3e4f5a');
  });

  it('reads the compose project and service labels', () => {
    const c = mapContainer(
      info({
        Labels: {
          'com.docker.compose.project': 'shop',
          'com.docker.compose.service': 'db',
          other: 'x',
        },
      }),
    );
    expect(c.composeProject).toBe('shop');
    expect(c.composeService).toBe('db');
    expect(c.labels).toEqual({
      'com.docker.compose.project': 'shop',
      'com.docker.compose.service': 'db',
      other: 'x',
    });
  });

  it('counts only anonymous volumes (64-hex names of Type volume)', () => {
    const c = mapContainer(
      info({
        Mounts: [
          mount('volume', ANON),
          mount('volume', 'b'.repeat(64)),
          mount('volume', 'pgdata'),
          mount('volume', 'A'.repeat(64)),
          mount('volume', 'c'.repeat(63)),
          mount('bind', 'd'.repeat(64)),
          mount('tmpfs'),
          mount('volume'),
        ],
      }),
    );
    expect(c.anonymousVolumes).toBe(2);
  });

  it('copes with missing optional arrays', () => {
    const c = mapContainer(
      info({
        Ports: undefined,
        Mounts: undefined,
        Labels: undefined,
        Command: undefined,
      } as unknown as Partial<Docker.ContainerInfo>),
    );
    expect(c.ports).toEqual([]);
    expect(c.anonymousVolumes).toBe(0);
    expect(c.labels).toEqual({});
    expect(c.command).toBe('');
  });
});
