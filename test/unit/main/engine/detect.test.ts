import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  describeEndpoint,
  detectEngines,
  dockerConfigDir,
  parseHost,
  type DetectEnv,
} from '../../../../main/engine/detect';

describe('parseHost', () => {
  it('parses unix sockets', () => {
    expect(parseHost('unix:///var/run/docker.sock')).toEqual({
      kind: 'unix',
      socketPath: '/var/run/docker.sock',
    });
  });

  it('trims whitespace', () => {
    expect(parseHost('  unix:///tmp/d.sock\n')).toEqual({
      kind: 'unix',
      socketPath: '/tmp/d.sock',
    });
  });

  it('parses named pipes into backslash paths', () => {
    expect(parseHost('npipe:////./pipe/docker_engine')).toEqual({
      kind: 'npipe',
      socketPath: '\\\\.\\pipe\\docker_engine',
    });
  });

  it('defaults tcp to 2375 without TLS', () => {
    expect(parseHost('tcp://10.0.0.5')).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 2375 });
    expect(parseHost('http://docker.example')).toEqual({
      kind: 'tcp',
      host: 'docker.example',
      port: 2375,
    });
  });

  it('defaults tcp to 2376 with TLS and keeps the TLS files', () => {
    const tls = { verify: true, ca: '/c/ca.pem' };
    expect(parseHost('tcp://10.0.0.5', tls)).toEqual({
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2376,
      tls,
    });
  });

  it('treats https as TLS even without TLS files', () => {
    expect(parseHost('https://docker.example')).toEqual({
      kind: 'tcp',
      host: 'docker.example',
      port: 2376,
      tls: { verify: true },
    });
  });

  it('keeps an explicit port and accepts a trailing slash', () => {
    expect(parseHost('tcp://10.0.0.5:1234/')).toEqual({
      kind: 'tcp',
      host: '10.0.0.5',
      port: 1234,
    });
    expect(parseHost('tcp://h:9999', { verify: false })).toMatchObject({ port: 9999 });
  });

  it('parses ssh with user and port', () => {
    expect(parseHost('ssh://me@build-box:2222')).toEqual({
      kind: 'ssh',
      host: 'build-box',
      port: 2222,
      username: 'me',
    });
  });

  it('defaults ssh to port 22 and no user', () => {
    expect(parseHost('ssh://build-box')).toEqual({ kind: 'ssh', host: 'build-box', port: 22 });
  });

  it('parses bracketed IPv6 hosts', () => {
    expect(parseHost('tcp://[::1]:2375')).toEqual({ kind: 'tcp', host: '::1', port: 2375 });
    expect(parseHost('tcp://[fe80::1]')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 2375 });
    expect(parseHost('ssh://u@[::1]:2200')).toEqual({
      kind: 'ssh',
      host: '::1',
      port: 2200,
      username: 'u',
    });
  });

  it.each(['ftp://host', 'fd://', 'docker.sock', '', 'tcp://', 'tcp://host/path', 'tcp://h:port'])(
    'throws on %j',
    (host) => {
      expect(() => parseHost(host)).toThrow(/Unsupported engine address/);
    },
  );
});

describe('describeEndpoint', () => {
  it('describes each kind', () => {
    expect(describeEndpoint({ kind: 'unix', socketPath: '/s.sock' })).toBe('unix:///s.sock');
    expect(describeEndpoint({ kind: 'npipe', socketPath: '\\\\.\\pipe\\docker_engine' })).toBe(
      'npipe:////./pipe/docker_engine',
    );
    expect(describeEndpoint({ kind: 'tcp', host: 'h', port: 2376, tls: { verify: true } })).toBe(
      'tcp://h:2376 (TLS)',
    );
    expect(describeEndpoint({ kind: 'ssh', host: 'h', port: 22, username: 'u' })).toBe(
      'ssh://u@h:22',
    );
  });
});

interface FakeOptions {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
  files?: Record<string, string>;
}

/** An in-memory machine: `files` exist (with their text); every parent dir of a file exists. */
function fakeEnv({ env = {}, platform = 'linux', home = '/home/u', files = {} }: FakeOptions) {
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const d: DetectEnv = {
    env,
    platform,
    home,
    exists: (p) => p in files || dirs.has(p),
    readText: (p) => files[p],
    listDir: (p) => [
      ...new Set(
        [...Object.keys(files), ...dirs]
          .filter((f) => f.startsWith(`${p}/`))
          .map((f) => f.slice(p.length + 1).split('/')[0]!),
      ),
    ],
  };
  return d;
}

const sha = (name: string) => createHash('sha256').update(name).digest('hex');

function contextFiles(configDir: string, name: string, meta: unknown, current = true) {
  return {
    ...(current ? { [`${configDir}/config.json`]: JSON.stringify({ currentContext: name }) } : {}),
    [`${configDir}/contexts/meta/${sha(name)}/meta.json`]: JSON.stringify(meta),
  };
}

describe('detectEngines', () => {
  it('prefers DOCKER_HOST over the default socket and the current context, which stays listed', () => {
    const d = fakeEnv({
      env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' },
      files: {
        '/var/run/docker.sock': '',
        ...contextFiles('/home/u/.docker', 'remote', {
          Endpoints: { docker: { Host: 'ssh://x' } },
        }),
      },
    });
    expect(detectEngines(d)).toEqual([
      {
        id: 'env',
        name: 'DOCKER_HOST',
        source: 'env',
        endpoint: { kind: 'tcp', host: '10.0.0.5', port: 2375 },
        address: 'tcp://10.0.0.5:2375',
        preferred: true,
      },
      {
        id: 'ctx-remote',
        name: 'Context remote',
        source: 'context',
        endpoint: { kind: 'ssh', host: 'x', port: 22 },
        address: 'ssh://x',
      },
    ]);
  });

  it('lists every context, the current one first and preferred', () => {
    const d = fakeEnv({
      files: {
        ...contextFiles(
          '/home/u/.docker',
          'zeta',
          { Name: 'zeta', Endpoints: { docker: { Host: 'tcp://z:2375' } } },
          false,
        ),
        ...contextFiles(
          '/home/u/.docker',
          'alpha',
          { Name: 'alpha', Endpoints: { docker: { Host: 'tcp://a:2375' } } },
          false,
        ),
        ...contextFiles('/home/u/.docker', 'mid', {
          Name: 'mid',
          Endpoints: { docker: { Host: 'unix:///m.sock' } },
        }),
      },
    });
    const engines = detectEngines(d);
    expect(engines.map((e) => [e.id, e.preferred ?? false])).toEqual([
      ['ctx-mid', true],
      ['ctx-alpha', false],
      ['ctx-zeta', false],
      ['local', false],
    ]);
  });

  it('skips a meta.json whose folder is not its name’s digest, and unusable hosts', () => {
    const d = fakeEnv({
      files: {
        [`/home/u/.docker/contexts/meta/${sha('other')}/meta.json`]: JSON.stringify({
          Name: 'moved',
          Endpoints: { docker: { Host: 'tcp://m:2375' } },
        }),
        ...contextFiles(
          '/home/u/.docker',
          'fd',
          { Name: 'fd', Endpoints: { docker: { Host: 'fd://' } } },
          false,
        ),
      },
    });
    expect(detectEngines(d).map((e) => e.id)).toEqual(['local']);
  });

  it('reads TLS files from DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set', () => {
    const d = fakeEnv({
      env: { DOCKER_HOST: 'tcp://remote', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
      files: { '/certs/ca.pem': 'x', '/certs/cert.pem': 'x' },
    });
    const [engine] = detectEngines(d);
    expect(engine?.endpoint).toEqual({
      kind: 'tcp',
      host: 'remote',
      port: 2376,
      tls: { verify: true, ca: '/certs/ca.pem', cert: '/certs/cert.pem' },
    });
  });

  it('DOCKER_TLS without verify turns TLS on unverified, certs from the config dir', () => {
    const d = fakeEnv({
      env: { DOCKER_HOST: 'tcp://remote', DOCKER_TLS: '1' },
      files: { '/home/u/.docker/key.pem': 'x' },
    });
    expect(detectEngines(d)[0]?.endpoint).toEqual({
      kind: 'tcp',
      host: 'remote',
      port: 2376,
      tls: { verify: false, key: '/home/u/.docker/key.pem' },
    });
  });

  it('DOCKER_TLS_VERIFY=0 leaves TLS off', () => {
    const d = fakeEnv({ env: { DOCKER_HOST: 'tcp://remote', DOCKER_TLS_VERIFY: '0' } });
    expect(detectEngines(d)[0]?.endpoint).toEqual({ kind: 'tcp', host: 'remote', port: 2375 });
  });

  it('throws on an unusable DOCKER_HOST rather than guessing', () => {
    const d = fakeEnv({ env: { DOCKER_HOST: 'bogus' } });
    expect(() => detectEngines(d)).toThrow(/bogus/);
  });

  it('dockerConfigDir honours DOCKER_CONFIG', () => {
    expect(dockerConfigDir(fakeEnv({}))).toBe('/home/u/.docker');
    expect(dockerConfigDir(fakeEnv({ env: { DOCKER_CONFIG: '/cfg' } }))).toBe('/cfg');
  });

  it('adds the current context from config.json at DOCKER_CONFIG, plus the default socket', () => {
    const d = fakeEnv({
      env: { DOCKER_CONFIG: '/cfg' },
      files: {
        '/var/run/docker.sock': '',
        ...contextFiles('/cfg', 'My Remote', {
          Name: 'My Remote',
          Endpoints: { docker: { Host: 'ssh://ops@remote.example', SkipTLSVerify: false } },
        }),
      },
    });
    expect(detectEngines(d)).toMatchObject([
      {
        id: 'ctx-my-remote',
        name: 'Context My Remote',
        source: 'context',
        endpoint: { kind: 'ssh', host: 'remote.example', port: 22, username: 'ops' },
      },
      {
        id: 'local',
        name: 'Local Docker',
        source: 'default',
        endpoint: { kind: 'unix', socketPath: '/var/run/docker.sock' },
      },
    ]);
  });

  it('reads context TLS files from contexts/tls/<sha>/docker', () => {
    const dir = `/home/u/.docker/contexts/tls/${sha('secure')}/docker`;
    const d = fakeEnv({
      files: {
        ...contextFiles('/home/u/.docker', 'secure', {
          Endpoints: { docker: { Host: 'tcp://secure.example:2376', SkipTLSVerify: true } },
        }),
        [`${dir}/ca.pem`]: 'x',
        [`${dir}/cert.pem`]: 'x',
        [`${dir}/key.pem`]: 'x',
      },
    });
    expect(detectEngines(d)[0]).toMatchObject({
      id: 'ctx-secure',
      name: 'Context secure',
      source: 'context',
      endpoint: {
        kind: 'tcp',
        host: 'secure.example',
        port: 2376,
        tls: {
          verify: false,
          ca: `${dir}/ca.pem`,
          cert: `${dir}/cert.pem`,
          key: `${dir}/key.pem`,
        },
      },
    });
  });

  it('DOCKER_CONTEXT overrides the current context in config.json', () => {
    const d = fakeEnv({
      env: { DOCKER_CONTEXT: 'other' },
      files: {
        '/var/run/docker.sock': '',
        ...contextFiles('/home/u/.docker', 'first', {
          Endpoints: { docker: { Host: 'tcp://first:2375' } },
        }),
        ...contextFiles(
          '/home/u/.docker',
          'other',
          { Endpoints: { docker: { Host: 'tcp://other:2375' } } },
          false,
        ),
      },
    });
    const engines = detectEngines(d);
    expect(engines.map((e) => e.id)).toEqual(['ctx-other', 'local']);
    expect(engines[0]?.endpoint).toEqual({ kind: 'tcp', host: 'other', port: 2375 });
  });

  it('ignores the default context', () => {
    const d = fakeEnv({
      files: {
        '/var/run/docker.sock': '',
        ...contextFiles('/home/u/.docker', 'default', {
          Endpoints: { docker: { Host: 'tcp://should-not-appear' } },
        }),
      },
    });
    expect(detectEngines(d).map((e) => e.id)).toEqual(['local']);
    const viaEnv = fakeEnv({
      env: { DOCKER_CONTEXT: 'default' },
      files: {
        '/var/run/docker.sock': '',
        [`/home/u/.docker/contexts/meta/${sha('default')}/meta.json`]: JSON.stringify({
          Endpoints: { docker: { Host: 'tcp://should-not-appear' } },
        }),
      },
    });
    expect(detectEngines(viaEnv).map((e) => e.id)).toEqual(['local']);
  });

  it('ignores a context with missing or broken meta.json, or broken config.json', () => {
    const missingMeta = fakeEnv({
      files: {
        '/var/run/docker.sock': '',
        '/home/u/.docker/config.json': JSON.stringify({ currentContext: 'ghost' }),
      },
    });
    expect(detectEngines(missingMeta).map((e) => e.id)).toEqual(['local']);

    const brokenMeta = fakeEnv({
      env: { DOCKER_CONTEXT: 'broken' },
      files: {
        '/var/run/docker.sock': '',
        [`/home/u/.docker/contexts/meta/${sha('broken')}/meta.json`]: '{nope',
      },
    });
    expect(detectEngines(brokenMeta).map((e) => e.id)).toEqual(['local']);

    const brokenConfig = fakeEnv({
      files: { '/var/run/docker.sock': '', '/home/u/.docker/config.json': '{nope' },
    });
    expect(detectEngines(brokenConfig).map((e) => e.id)).toEqual(['local']);
  });

  it('does not list the default socket twice when the context points at it', () => {
    const d = fakeEnv({
      files: {
        '/var/run/docker.sock': '',
        ...contextFiles('/home/u/.docker', 'local-sock', {
          Endpoints: { docker: { Host: 'unix:///var/run/docker.sock' } },
        }),
      },
    });
    expect(detectEngines(d).map((e) => e.id)).toEqual(['ctx-local-sock']);
  });

  it('uses /var/run/docker.sock on linux', () => {
    const d = fakeEnv({ files: { '/var/run/docker.sock': '' } });
    expect(detectEngines(d)).toMatchObject([
      {
        id: 'local',
        name: 'Local Docker',
        source: 'default',
        endpoint: { kind: 'unix', socketPath: '/var/run/docker.sock' },
      },
    ]);
  });

  it('falls back to the Docker Desktop socket on linux', () => {
    const d = fakeEnv({ files: { '/home/u/.docker/desktop/docker.sock': '' } });
    expect(detectEngines(d).map((e) => e.endpoint)).toEqual([
      { kind: 'unix', socketPath: '/home/u/.docker/desktop/docker.sock' },
    ]);
  });

  it('detects the rootless podman socket under XDG_RUNTIME_DIR alongside docker', () => {
    const d = fakeEnv({
      env: { XDG_RUNTIME_DIR: '/run/user/1000' },
      files: { '/var/run/docker.sock': '', '/run/user/1000/podman/podman.sock': '' },
    });
    expect(detectEngines(d)).toMatchObject([
      {
        id: 'local',
        name: 'Local Docker',
        source: 'default',
        endpoint: { kind: 'unix', socketPath: '/var/run/docker.sock' },
      },
      {
        id: 'podman',
        name: 'Podman',
        source: 'podman',
        endpoint: { kind: 'unix', socketPath: '/run/user/1000/podman/podman.sock' },
      },
    ]);
  });

  it('detects the rootful podman socket, and without docker lists podman only', () => {
    const d = fakeEnv({ files: { '/run/podman/podman.sock': '' } });
    expect(detectEngines(d)).toMatchObject([
      {
        id: 'podman-root',
        name: 'Podman (rootful)',
        source: 'podman',
        endpoint: { kind: 'unix', socketPath: '/run/podman/podman.sock' },
      },
    ]);
  });

  it('lists rootless and rootful Podman side by side, even with DOCKER_HOST set', () => {
    const d = fakeEnv({
      env: { DOCKER_HOST: 'unix:///d.sock', XDG_RUNTIME_DIR: '/run/user/7' },
      files: { '/run/podman/podman.sock': '', '/run/user/7/podman/podman.sock': '' },
    });
    expect(detectEngines(d).map((e) => [e.id, e.name, e.address])).toEqual([
      ['env', 'DOCKER_HOST', 'unix:///d.sock'],
      ['podman', 'Podman', 'unix:///run/user/7/podman/podman.sock'],
      ['podman-root', 'Podman (rootful)', 'unix:///run/podman/podman.sock'],
    ]);
  });

  it('finds the podman machine socket on darwin and its named pipe on win32', () => {
    const mac = fakeEnv({
      platform: 'darwin',
      home: '/Users/me',
      files: { '/Users/me/.local/share/containers/podman/machine/qemu/podman.sock': '' },
    });
    expect(detectEngines(mac).find((e) => e.source === 'podman')).toMatchObject({
      name: 'Podman machine',
      endpoint: {
        kind: 'unix',
        socketPath: '/Users/me/.local/share/containers/podman/machine/qemu/podman.sock',
      },
    });
    const win = fakeEnv({
      platform: 'win32',
      files: { '\\\\.\\pipe\\podman-machine-default': '' },
    });
    expect(detectEngines(win).map((e) => e.address)).toEqual([
      'npipe:////./pipe/docker_engine',
      'npipe:////./pipe/podman-machine-default',
    ]);
  });

  it('uses ~/.docker/run/docker.sock on darwin', () => {
    const d = fakeEnv({
      platform: 'darwin',
      home: '/Users/me',
      files: { '/Users/me/.docker/run/docker.sock': '', '/var/run/docker.sock': '' },
    });
    expect(detectEngines(d).map((e) => e.endpoint)).toEqual([
      { kind: 'unix', socketPath: '/Users/me/.docker/run/docker.sock' },
    ]);
  });

  it('uses the docker_engine named pipe on win32', () => {
    const d = fakeEnv({ platform: 'win32' });
    expect(detectEngines(d)).toMatchObject([
      {
        id: 'local',
        name: 'Local Docker',
        source: 'default',
        endpoint: { kind: 'npipe', socketPath: '\\\\.\\pipe\\docker_engine' },
      },
    ]);
  });

  it('still lists the default docker socket on linux when nothing is found', () => {
    expect(detectEngines(fakeEnv({}))).toMatchObject([
      {
        id: 'local',
        name: 'Local Docker',
        source: 'default',
        endpoint: { kind: 'unix', socketPath: '/var/run/docker.sock' },
      },
    ]);
  });

  it('still lists the default docker socket on darwin when nothing is found', () => {
    const d = fakeEnv({ platform: 'darwin', home: '/Users/me' });
    expect(detectEngines(d).map((e) => e.endpoint)).toEqual([
      { kind: 'unix', socketPath: '/Users/me/.docker/run/docker.sock' },
    ]);
  });
});
