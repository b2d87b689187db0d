import { describe, expect, it } from 'vitest';
import { EMPTY_RUN_SPEC, type RunSpec } from '../../../../../contract';
import {
  composeService,
  dockerRunCommand,
  portFlag,
} from '../../../../../renderer/src/features/containers/export';
import { splitCommand } from '../../../../../renderer/src/features/containers/run-form';

const spec: RunSpec = {
  ...EMPTY_RUN_SPEC,
  image: 'nginx:1.27',
  name: 'web',
  command: ['sh', '-c', "echo 'hi' $HOME"],
  env: [
    { key: 'A', value: '1' },
    { key: 'B', value: 'two words' },
  ],
  ports: [
    { hostIp: '127.0.0.1', hostPort: null, containerPort: 80, protocol: 'tcp' },
    { hostIp: '', hostPort: 5353, containerPort: 53, protocol: 'udp' },
  ],
  mounts: [
    { type: 'volume', source: 'data', target: '/data', readOnly: false },
    { type: 'bind', source: '/etc/x', target: '/x', readOnly: true },
    { type: 'volume', source: '', target: '/anon', readOnly: false },
  ],
  network: 'backend',
  restart: 'unless-stopped',
  labels: { team: 'blue', 'with space': 'a b' },
  workingDir: '/app',
  user: '1000',
};

describe('portFlag', () => {
  it('writes -p the way docker reads it', () => {
    expect(portFlag(spec.ports[0]!)).toBe('127.0.0.1::80');
    expect(portFlag(spec.ports[1]!)).toBe('5353:53/udp');
    expect(portFlag({ hostIp: '', hostPort: null, containerPort: 80, protocol: 'tcp' })).toBe('80');
    expect(portFlag({ hostIp: '::1', hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe(
      '[::1]:8080:80',
    );
  });
});

describe('dockerRunCommand', () => {
  it('gives a shell line whose words are exactly the docker run arguments', () => {
    const line = dockerRunCommand(spec);
    expect(splitCommand(line)).toEqual({
      ok: true,
      args: [
        'docker',
        'run',
        '-d',
        '--name',
        'web',
        '--restart',
        'unless-stopped',
        '--network',
        'backend',
        '-p',
        '127.0.0.1::80',
        '-p',
        '5353:53/udp',
        '-e',
        'A=1',
        '-e',
        'B=two words',
        '--mount',
        'type=volume,source=data,target=/data',
        '--mount',
        'type=bind,source=/etc/x,target=/x,readonly',
        '-v',
        '/anon',
        '--label',
        'team=blue',
        '--label',
        'with space=a b',
        '-w',
        '/app',
        '-u',
        '1000',
        'nginx:1.27',
        'sh',
        '-c',
        "echo 'hi' $HOME",
      ],
    });
  });
  it('leaves out what is default', () => {
    expect(dockerRunCommand({ ...EMPTY_RUN_SPEC, image: 'busybox' })).toBe('docker run -d busybox');
    expect(
      dockerRunCommand({
        ...EMPTY_RUN_SPEC,
        image: 'b',
        tty: true,
        interactive: true,
        autoRemove: true,
      }),
    ).toBe('docker run -d -i -t --rm b');
  });
});

describe('advanced options in the exports', () => {
  const advanced: RunSpec = {
    ...EMPTY_RUN_SPEC,
    image: 'busybox',
    command: ['echo hi'],
    entrypoint: ['/bin/sh', '-c'],
    memory: 64 * 2 ** 20,
    nanoCpus: 500_000_000,
    capAdd: ['NET_ADMIN'],
    capDrop: ['MKNOD'],
    gpus: 'all',
  };
  it('docker run: --entrypoint takes its first word, the rest goes before the command', () => {
    const words = splitCommand(dockerRunCommand(advanced));
    expect(words).toEqual({
      ok: true,
      args: [
        'docker',
        'run',
        '-d',
        '--entrypoint',
        '/bin/sh',
        '--memory',
        '67108864',
        '--cpus',
        '0.5',
        '--cap-add',
        'NET_ADMIN',
        '--cap-drop',
        'MKNOD',
        '--gpus',
        'all',
        'busybox',
        '-c',
        'echo hi',
      ],
    });
  });
  it('compose: entrypoint, mem_limit, cpus, cap_add, cap_drop, gpus', () => {
    const yaml = composeService(advanced);
    for (const line of [
      'entrypoint: ["/bin/sh", "-c"]',
      'mem_limit: 67108864',
      'cpus: 0.5',
      'cap_add: ["NET_ADMIN"]',
      'cap_drop: ["MKNOD"]',
      'gpus: all',
    ])
      expect(yaml).toContain(`    ${line}\n`);
  });
});

describe('composeService', () => {
  it('writes one service with the same settings, declaring external volumes and networks', () => {
    expect(composeService(spec)).toBe(
      [
        'services:',
        '  "web":',
        '    image: "nginx:1.27"',
        '    container_name: "web"',
        `    command: ["sh", "-c", "echo 'hi' $$HOME"]`,
        '    environment:',
        '      "A": "1"',
        '      "B": "two words"',
        '    ports:',
        '      - "127.0.0.1::80"',
        '      - "5353:53/udp"',
        '    volumes:',
        '      - type: volume',
        '        source: "data"',
        '        target: "/data"',
        '      - type: bind',
        '        source: "/etc/x"',
        '        target: "/x"',
        '        read_only: true',
        '        bind: { create_host_path: true }',
        '      - type: volume',
        '        target: "/anon"',
        '    networks: ["backend"]',
        '    restart: "unless-stopped"',
        '    labels:',
        '      "team": "blue"',
        '      "with space": "a b"',
        '    working_dir: "/app"',
        '    user: "1000"',
        'volumes:',
        '  "data":',
        '    external: true',
        'networks:',
        '  "backend":',
        '    external: true',
        '',
      ].join('\n'),
    );
  });
  it('uses network_mode for built-in networks and names an unnamed service "app"', () => {
    const out = composeService({ ...EMPTY_RUN_SPEC, image: 'b', network: 'host' });
    expect(out).toContain('  "app":');
    expect(out).toContain('network_mode: "host"');
    expect(out).not.toContain('networks:');
  });
});

describe('exports keep what they are given', () => {
  it('compose: every "$" is doubled, so nothing is interpolated from the host at `up`', () => {
    const out = composeService({
      ...EMPTY_RUN_SPEC,
      image: 'app',
      env: [
        { key: 'AWS', value: '${AWS_SECRET_ACCESS_KEY}' },
        { key: 'HASH', value: '$2y$10$abc' },
      ],
      labels: { price: '$5' },
    });
    expect(out).toContain('"AWS": "$${AWS_SECRET_ACCESS_KEY}"');
    expect(out).toContain('"HASH": "$$2y$$10$$abc"');
    expect(out).toContain('"price": "$$5"');
    expect(out).not.toMatch(/[^$]\$[^$]/);
  });

  it('a host path with ":" or "," survives both exports', () => {
    const mounts: RunSpec['mounts'] = [
      { type: 'bind', source: '/srv/a:b,c', target: '/data', readOnly: false },
    ];
    const line = dockerRunCommand({ ...EMPTY_RUN_SPEC, image: 'app', mounts });
    const args = splitCommand(line);
    expect(args).toMatchObject({ ok: true });
    expect(args.ok && args.args).toContain('type=bind,"source=/srv/a:b,c",target=/data');
    expect(composeService({ ...EMPTY_RUN_SPEC, image: 'app', mounts })).toContain(
      'source: "/srv/a:b,c"',
    );
  });
});
