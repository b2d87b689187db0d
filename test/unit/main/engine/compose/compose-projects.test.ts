import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { configFilesOf, groupProjects, LABEL } from '../../../../../main/engine/compose-projects';

let seq = 0;
function ctr(
  project: string,
  service: string,
  n: number,
  opts: { state?: string; created?: number; labels?: Record<string, string> } = {},
): Docker.ContainerInfo {
  seq++;
  return {
    Id: `id${seq}`.padEnd(64, '0'),
    Names: [`/${project}_${service}_${n}`],
    Image: `img/${service}:1`,
    ImageID: 'sha256:x',
    Command: 'sh',
    Created: opts.created ?? 1000 + seq,
    Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
    Labels: {
      [LABEL.project]: project,
      [LABEL.service]: service,
      [LABEL.number]: String(n),
      [LABEL.oneOff]: 'False',
      [LABEL.workingDir]: `/src/${project}`,
      [LABEL.configFiles]: 'compose.yaml',
      [LABEL.version]: '1.29.2',
      ...opts.labels,
    },
    State: opts.state ?? 'running',
    Status: 'Up',
    HostConfig: { NetworkMode: 'bridge' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
  } as Docker.ContainerInfo;
}

const lab = (name: string, project: string) => ({
  name,
  labels: { [LABEL.project]: project },
});

describe('groupProjects', () => {
  it('groups containers by project and service, with running/total at each level', () => {
    const list = [
      ctr('shop', 'web', 2, { state: 'exited' }),
      ctr('shop', 'web', 1),
      ctr('shop', 'db', 1),
      ctr('blog', 'app', 1, { state: 'paused' }),
      { ...ctr('x', 'y', 1), Labels: {} }, // not compose
    ];
    const projects = groupProjects(
      list,
      [lab('shop_default', 'shop')],
      [lab('shop_data', 'shop')],
      () => true,
    );
    expect(projects.map((p) => p.name)).toEqual(['blog', 'shop']);
    const shop = projects[1]!;
    expect(shop).toMatchObject({
      running: 2,
      total: 3,
      paused: 0,
      networks: ['shop_default'],
      volumes: ['shop_data'],
    });
    expect(shop.services.map((s) => [s.name, s.running, s.total])).toEqual([
      ['db', 1, 1],
      ['web', 1, 2],
    ]);
    // Containers of a service in number order, with their ports.
    expect(shop.services[1]!.containers.map((c) => c.number)).toEqual([1, 2]);
    expect(shop.services[1]!.containers[0]!.ports).toEqual([
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
    ]);
    expect(shop.images).toEqual(['img/db:1', 'img/web:1']);
    expect(projects[0]).toMatchObject({ running: 0, paused: 1, total: 1 });
  });

  it('resolves v1’s relative config files against the working dir and checks they exist', () => {
    const here = new Set(['/src/shop/compose.yaml']);
    const [p] = groupProjects(
      [ctr('shop', 'web', 1, { labels: { [LABEL.configFiles]: 'compose.yaml,/etc/extra.yaml' } })],
      [],
      [],
      (f) => here.has(f),
    );
    expect(p!.configFiles).toEqual(['/src/shop/compose.yaml', '/etc/extra.yaml']);
    expect(p!.missingFiles).toEqual(['/etc/extra.yaml']);
    expect(p!.filesPresent).toBe(false);
  });

  it('takes where the files are from the newest container', () => {
    const [p] = groupProjects(
      [
        ctr('shop', 'web', 1, { created: 10, labels: { [LABEL.workingDir]: '/old' } }),
        ctr('shop', 'db', 1, { created: 20, labels: { [LABEL.workingDir]: '/new' } }),
      ],
      [],
      [],
      () => true,
    );
    expect(p!.workingDir).toBe('/new');
    expect(p!.configFiles).toEqual(['/new/compose.yaml']);
  });

  it('shows a project that only left a network behind; volumes alone make none', () => {
    const projects = groupProjects(
      [],
      [lab('half_default', 'half')],
      [lab('kept_data', 'kept')],
      () => true,
    );
    expect(projects.map((p) => p.name)).toEqual(['half']);
    expect(projects[0]).toMatchObject({
      total: 0,
      networks: ['half_default'],
      filesPresent: false,
      configFiles: [],
    });
  });

  it('marks one-off containers and keeps the v2 env file label', () => {
    const [p] = groupProjects(
      [
        ctr('shop', 'web', 1, {
          labels: { [LABEL.oneOff]: 'True', [LABEL.envFile]: '/src/.env,/src/b.env' },
        }),
      ],
      [],
      [],
      () => true,
    );
    expect(p!.services[0]!.containers[0]!.oneOff).toBe(true);
    expect(p!.envFile).toBe('/src/.env');
  });
});

describe('configFilesOf', () => {
  it('keeps absolute paths (v2) and needs no working dir for them', () => {
    expect(configFilesOf({ [LABEL.configFiles]: '/a/compose.yaml, /a/override.yaml' })).toEqual([
      '/a/compose.yaml',
      '/a/override.yaml',
    ]);
    expect(configFilesOf({})).toEqual([]);
  });
});
