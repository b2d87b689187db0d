import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { specFromInspect, toDetail } from '../../../../main/engine/container-inspect';

const ANON = 'f'.repeat(64);
const IMAGE_VOL = 'e'.repeat(64);

const container = {
  Id: 'abc',
  Name: '/web',
  Created: '2026-01-01T00:00:00Z',
  Image: 'sha256:img',
  State: {
    Status: 'running',
    Running: true,
    Paused: false,
    ExitCode: 0,
    StartedAt: '2026-01-01T00:00:01Z',
    FinishedAt: '0001-01-01T00:00:00Z',
    Error: '',
    Health: { Status: 'healthy' },
  },
  Config: {
    Image: 'nginx:1.27',
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: ['/docker-entrypoint.sh'],
    Env: ['PATH=/usr/bin', 'NGINX_VERSION=1.27', 'MODE=prod', 'EMPTY='],
    Labels: { maintainer: 'nginx', team: 'blue' },
    WorkingDir: '/',
    User: '',
    Tty: false,
    OpenStdin: true,
  },
  HostConfig: {
    PortBindings: {
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      '53/udp': [{ HostIp: '', HostPort: '5353' }],
    },
    NetworkMode: 'default',
    RestartPolicy: { Name: 'always', MaximumRetryCount: 0 },
    AutoRemove: false,
  },
  Mounts: [
    { Type: 'bind', Source: '/h', Destination: '/c', RW: false },
    {
      Type: 'volume',
      Name: 'data',
      Source: '/var/lib/docker/volumes/data/_data',
      Destination: '/data',
      RW: true,
    },
    { Type: 'volume', Name: ANON, Source: '/x', Destination: '/anon', RW: true },
    { Type: 'volume', Name: IMAGE_VOL, Source: '/y', Destination: '/var/cache/nginx', RW: true },
  ],
  NetworkSettings: {
    Ports: {
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '49153' }],
      '53/udp': [{ HostIp: '0.0.0.0', HostPort: '5353' }],
    },
    Networks: {
      bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1', MacAddress: '02:42:ac:11:00:02' },
    },
  },
} as unknown as Docker.ContainerInspectInfo;

const image = {
  Env: ['PATH=/usr/bin', 'NGINX_VERSION=1.27'],
  Cmd: ['nginx', '-g', 'daemon off;'],
  Entrypoint: ['/docker-entrypoint.sh'],
  Labels: { maintainer: 'nginx' },
  WorkingDir: '/',
  User: '',
  Volumes: { '/var/cache/nginx': {} },
};

describe('specFromInspect', () => {
  it('keeps only what differs from the image, so an export does not pin image defaults', () => {
    expect(specFromInspect(container, image)).toEqual({
      image: 'nginx:1.27',
      name: 'web',
      command: [],
      env: [
        { key: 'MODE', value: 'prod' },
        { key: 'EMPTY', value: '' },
      ],
      ports: [
        { hostIp: '', hostPort: 5353, containerPort: 53, protocol: 'udp' },
        { hostIp: '127.0.0.1', hostPort: null, containerPort: 80, protocol: 'tcp' },
      ],
      mounts: [
        { type: 'bind', source: '/h', target: '/c', readOnly: true },
        { type: 'volume', source: 'data', target: '/data', readOnly: false },
        { type: 'volume', source: '', target: '/anon', readOnly: false },
      ],
      network: '',
      restart: 'always',
      autoRemove: false,
      tty: false,
      interactive: true,
      labels: { team: 'blue' },
      workingDir: '',
      user: '',
      entrypoint: [],
      memory: 0,
      nanoCpus: 0,
      capAdd: [],
      capDrop: [],
      gpus: 'none',
    });
  });
  it('reads back entrypoint, limits, capabilities (CAP_ or not) and GPUs, for Recreate', () => {
    const c = {
      ...container,
      Config: { ...container.Config, Entrypoint: ['/bin/sh', '-c'] },
      HostConfig: {
        ...container.HostConfig,
        Memory: 67108864,
        NanoCpus: 500_000_000,
        CapAdd: ['CAP_NET_ADMIN'],
        CapDrop: ['MKNOD'],
        DeviceRequests: [{ Driver: '', Count: -1, Capabilities: [['gpu']] }],
      },
    } as unknown as Docker.ContainerInspectInfo;
    expect(specFromInspect(c, image)).toMatchObject({
      entrypoint: ['/bin/sh', '-c'],
      memory: 67108864,
      nanoCpus: 500_000_000,
      capAdd: ['NET_ADMIN'],
      capDrop: ['MKNOD'],
      gpus: 'all',
    });
  });
  it('without the image (removed) everything counts as the container’s own', () => {
    const spec = specFromInspect(container, {});
    expect(spec.command).toEqual(['nginx', '-g', 'daemon off;']);
    expect(spec.env).toHaveLength(4);
    expect(spec.mounts).toHaveLength(4);
  });
});

describe('toDetail', () => {
  it('gives readable sections', () => {
    const d = toDetail(container, image);
    expect(d.state).toMatchObject({ status: 'running', health: 'healthy' });
    expect(d.command).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(d.networks).toEqual([
      { name: 'bridge', ip: '172.17.0.2', gateway: '172.17.0.1', mac: '02:42:ac:11:00:02' },
    ]);
    expect(d.ports).toEqual([
      { privatePort: 53, publicPort: 5353, ip: '0.0.0.0', type: 'udp' },
      { privatePort: 80, publicPort: 49153, ip: '127.0.0.1', type: 'tcp' },
    ]);
    expect(d.restart).toBe('always');
    expect(d.mounts[1]).toEqual({
      type: 'volume',
      source: 'data',
      target: '/data',
      readOnly: false,
    });
  });
});
