import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import {
  listContainers,
  mapContainer,
  mapPorts,
  podNames,
} from '../../../../main/engine/containers';

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

describe('Podman pods', () => {
  // Trimmed from what podman 4.3's libpod list answers (/v4.0.0/libpod/containers/json).
  const libpod = [
    { Id: 'aaa', Names: ['in-pod'], Pod: '4cc8d2d5', PodName: 'web-pod', IsInfra: false },
    { Id: 'bbb', Names: ['solo'], Pod: '', PodName: '' },
  ];

  it('maps container ids to pod names, skipping containers without one', () => {
    expect([...podNames(libpod)]).toEqual([['aaa', 'web-pod']]);
    expect(podNames({ message: 'not found' }).size).toBe(0);
    expect(podNames(null).size).toBe(0);
  });

  function fakeDocker(answer: { err?: Error; data?: unknown }) {
    const dialled: { path: string; options: unknown }[] = [];
    const listed: unknown[] = [];
    const docker = {
      listContainers: (opts: unknown) =>
        listed.push(opts) &&
        Promise.resolve([
          info({ Id: 'aaa', Names: ['/in-pod'] }),
          info({ Id: 'bbb', Names: ['/solo'] }),
        ]),
      modem: {
        dial: (o: { path: string; options: unknown }, cb: (e: unknown, d: unknown) => void) => {
          dialled.push({ path: o.path, options: o.options });
          cb(answer.err ?? null, answer.data);
        },
      },
    } as unknown as Docker;
    return { docker, dialled, listed };
  }

  it('asks the engine for the rows of the ids given, or for all of them', async () => {
    const { docker, listed } = fakeDocker({});
    await listContainers(docker, { ids: ['aaa'] });
    await listContainers(docker);
    expect(listed).toEqual([{ all: true, filters: { id: ['aaa'] } }, { all: true }]);
  });

  it('adds the pod to a Podman engine’s rows from its libpod list', async () => {
    const { docker, dialled } = fakeDocker({ data: libpod });
    const rows = await listContainers(docker, { podman: true });
    expect(rows.map((r) => [r.name, r.pod])).toEqual([
      ['in-pod', 'web-pod'],
      ['solo', undefined],
    ]);
    expect(dialled).toEqual([{ path: '/v4.0.0/libpod/containers/json?', options: { all: true } }]);
  });

  it('asks a Docker engine nothing more, and a failed libpod list only loses the pods', async () => {
    const plain = fakeDocker({ data: libpod });
    expect((await listContainers(plain.docker)).every((r) => !('pod' in r))).toBe(true);
    expect(plain.dialled).toEqual([]);
    const failing = fakeDocker({ err: new Error('404 page not found') });
    const rows = await listContainers(failing.docker, { podman: true });
    expect(rows.map((r) => r.name)).toEqual(['in-pod', 'solo']);
  });
});

describe('mapContainer statusSince', () => {
  it('anchors the status text at the time the list was fetched', () => {
    const at = Date.UTC(2026, 0, 1);
    expect(mapContainer(info({ Status: 'Up 5 minutes' }), at).statusSince).toBe(at - 300_000);
    expect(mapContainer(info({ Status: 'Exited (0) 2 hours ago' }), at).statusSince).toBe(
      at - 7_200_000,
    );
    expect(mapContainer(info({ Status: 'Created' }), at)).not.toHaveProperty('statusSince');
    expect(mapContainer(info({ Status: 'Up 5 minutes' }))).not.toHaveProperty('statusSince');
  });
});
