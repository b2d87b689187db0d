import { describe, expect, it } from 'vitest';
import { EMPTY_RUN_SPEC } from '../../../../contract';
import { toCreateOptions } from '../../../../main/engine/container-run';

describe('toCreateOptions', () => {
  it('maps a spec to the Engine API body docker run would send', () => {
    const body = toCreateOptions({
      ...EMPTY_RUN_SPEC,
      image: 'nginx',
      name: 'web',
      command: ['nginx', '-g', 'daemon off;'],
      env: [{ key: 'A', value: '1=2' }],
      ports: [
        { hostIp: '127.0.0.1', hostPort: null, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', hostPort: 8443, containerPort: 443, protocol: 'tcp' },
        { hostIp: '', hostPort: 8444, containerPort: 443, protocol: 'tcp' },
      ],
      mounts: [
        { type: 'bind', source: '/h', target: '/c', readOnly: true },
        { type: 'volume', source: 'data', target: '/d', readOnly: false },
        { type: 'volume', source: '', target: '/anon', readOnly: false },
      ],
      network: 'backend',
      restart: 'unless-stopped',
      autoRemove: true,
      labels: { a: 'b' },
    });
    expect(body).toEqual({
      Image: 'nginx',
      name: 'web',
      Cmd: ['nginx', '-g', 'daemon off;'],
      Env: ['A=1=2'],
      Labels: { a: 'b' },
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
      Volumes: { '/anon': {} },
      HostConfig: {
        PortBindings: {
          '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
          '443/tcp': [
            { HostIp: '', HostPort: '8443' },
            { HostIp: '', HostPort: '8444' },
          ],
        },
        Mounts: [
          {
            Type: 'bind',
            Source: '/h',
            Target: '/c',
            ReadOnly: true,
            BindOptions: { CreateMountpoint: true },
          },
          { Type: 'volume', Source: 'data', Target: '/d', ReadOnly: false },
        ],
        RestartPolicy: { Name: 'unless-stopped' },
        AutoRemove: true,
        NetworkMode: 'backend',
      },
    });
  });
  it('leaves image defaults alone: no Cmd, no name, restart "no"', () => {
    const body = toCreateOptions({ ...EMPTY_RUN_SPEC, image: 'busybox' });
    expect(body).not.toHaveProperty('Cmd');
    expect(body).not.toHaveProperty('name');
    expect(body.HostConfig?.RestartPolicy).toEqual({ Name: '' });
  });
  it('a host path with ":" in it stays one path (no "src:dst" strings)', () => {
    const body = toCreateOptions({
      ...EMPTY_RUN_SPEC,
      image: 'busybox',
      mounts: [{ type: 'bind', source: '/srv/a:b', target: '/data', readOnly: false }],
    });
    expect(body.HostConfig).not.toHaveProperty('Binds');
    expect(body.HostConfig?.Mounts).toEqual([
      expect.objectContaining({ Type: 'bind', Source: '/srv/a:b', Target: '/data' }),
    ]);
  });
  it('maps entrypoint, memory, CPUs, capabilities and GPUs as docker run does', () => {
    const body = toCreateOptions({
      ...EMPTY_RUN_SPEC,
      image: 'busybox',
      entrypoint: ['/bin/sh', '-c'],
      memory: 64 * 2 ** 20,
      nanoCpus: 500_000_000,
      capAdd: ['NET_ADMIN'],
      capDrop: ['MKNOD'],
      gpus: 'all',
    });
    expect(body.Entrypoint).toEqual(['/bin/sh', '-c']);
    expect(body.HostConfig).toMatchObject({
      Memory: 67108864,
      NanoCpus: 500_000_000,
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['MKNOD'],
      DeviceRequests: [{ Driver: '', Count: -1, Capabilities: [['gpu']] }],
    });
    const plain = toCreateOptions({ ...EMPTY_RUN_SPEC, image: 'busybox' });
    expect(plain.Entrypoint).toBeUndefined();
    for (const k of ['Memory', 'NanoCpus', 'CapAdd', 'CapDrop', 'DeviceRequests'])
      expect(plain.HostConfig).not.toHaveProperty(k);
  });
});
