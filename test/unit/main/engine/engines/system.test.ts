import { describe, expect, it } from 'vitest';
import {
  diskUsageFrom,
  factsFrom,
  prunePreviewFrom,
  type RawDf,
} from '../../../../../main/engine/system';

const df: RawDf = {
  LayersSize: 10_000,
  BuilderSize: 700,
  Images: [
    { Id: 'sha256:aaa', RepoTags: ['app:1'], Size: 6000, SharedSize: 1000, Containers: 2 },
    {
      Id: 'sha256:bbbbbbbbbbbbbbbb',
      RepoTags: ['<none>:<none>'],
      Size: 3000,
      SharedSize: 1000,
      Containers: 0,
    },
    { Id: 'sha256:ccc', RepoTags: null, Size: 500, SharedSize: 0, Containers: 1 },
    { Id: 'sha256:ddd', RepoTags: ['unused:1'], Size: 900, SharedSize: -1, Containers: 0 },
  ],
  Containers: [
    { Id: 'c1', Names: ['/web'], State: 'running', SizeRw: 100 },
    { Id: 'c2', Names: ['/old'], State: 'exited', SizeRw: 40 },
    { Id: 'c3', Names: ['/new'], State: 'created', SizeRw: 2 },
    { Id: 'c4', Names: ['/nap'], State: 'paused', SizeRw: 8 },
  ],
  Volumes: [
    { Name: 'data', UsageData: { Size: 5000, RefCount: 1 } },
    { Name: 'cache', UsageData: { Size: 1200, RefCount: 0 } },
    { Name: 'remote', UsageData: { Size: -1, RefCount: 0 } },
  ],
  BuildCache: [
    { ID: 'b1', Size: 300, InUse: true, Shared: false },
    { ID: 'b2', Size: 400, InUse: false, Shared: false },
    { ID: 'b3', Size: 50, InUse: false, Shared: true },
  ],
};

describe('disk usage, as docker system df computes it', () => {
  it('computes the four lines with the CLI’s arithmetic', () => {
    expect(diskUsageFrom(df).rows).toEqual([
      // used = (6000-1000) + (500-0) for images with containers; reclaimable = layers - used
      { kind: 'images', total: 4, active: 2, bytes: 10_000, reclaimable: 4500 },
      { kind: 'containers', total: 4, active: 2, bytes: 150, reclaimable: 42 },
      // a size of -1 (the driver cannot tell) counts as nothing
      { kind: 'volumes', total: 3, active: 1, bytes: 6200, reclaimable: 1200 },
      // BuilderSize less what is in use and not shared
      { kind: 'buildCache', total: 3, active: 1, bytes: 700, reclaimable: 400 },
    ]);
  });

  it('copes with an empty engine (nulls where Podman sends them)', () => {
    const rows = diskUsageFrom({ Images: [], Containers: [], Volumes: [], BuildCache: null }).rows;
    expect(rows.map((r) => [r.total, r.bytes, r.reclaimable])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('previews what each default prune removes, largest first', () => {
    expect(prunePreviewFrom(df).rows).toEqual([
      {
        kind: 'containers',
        count: 2,
        bytes: 42,
        items: [
          { name: 'old', bytes: 40 },
          { name: 'new', bytes: 2 },
        ],
      },
      // dangling and unused only; its own layers (size less shared)
      { kind: 'images', count: 1, bytes: 2000, items: [{ name: 'bbbbbbbbbbbb', bytes: 2000 }] },
      {
        kind: 'volumes',
        count: 2,
        bytes: 1200,
        items: [
          { name: 'cache', bytes: 1200 },
          { name: 'remote', bytes: 0 },
        ],
      },
      { kind: 'buildCache', count: 1, bytes: 400, items: [{ name: 'b2', bytes: 400 }] },
    ]);
  });
});

describe('engine facts', () => {
  it('tells Podman from Docker by /version components, and rootless by /info', () => {
    const podman = factsFrom(
      { Version: '4.3.1', ApiVersion: '1.41', Components: [{ Name: 'Podman Engine' }] },
      {
        OperatingSystem: 'debian',
        Architecture: 'amd64',
        NCPU: 2,
        MemTotal: 8e9,
        SecurityOptions: ['name=seccomp', 'name=rootless'],
      },
    );
    expect(podman).toEqual({
      kind: 'podman',
      version: '4.3.1',
      apiVersion: '1.41',
      os: 'debian',
      arch: 'amd64',
      cpus: 2,
      memory: 8e9,
      rootless: true,
    });
    const docker = factsFrom(
      { Version: '20.10.24', ApiVersion: '1.41', Os: 'linux', Arch: 'amd64' },
      {},
    );
    expect(docker).toMatchObject({
      kind: 'docker',
      os: 'linux',
      arch: 'amd64',
      rootless: false,
      cpus: 0,
    });
  });

  it("reads Podman's own Rootless field from its compat /info (as podman 4.3 returns it)", () => {
    // What `podman system service` answered on GET /v1.41/info, trimmed: rootful (run as root),
    // and a rootless one, whose SecurityOptions carry name=rootless too.
    const version = {
      Version: '4.3.1',
      ApiVersion: '1.41',
      Components: [{ Name: 'Podman Engine' }],
    };
    const rootful = { SecurityOptions: ['name=seccomp,profile=default'], Rootless: false };
    expect(factsFrom(version, rootful)).toMatchObject({ kind: 'podman', rootless: false });
    expect(factsFrom(version, { ...rootful, Rootless: true })).toMatchObject({ rootless: true });
  });
});
