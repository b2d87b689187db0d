import { describe, expect, it } from 'vitest';
import {
  baseEnv,
  certLayout,
  cliEndpoint,
  composeArgs,
  detectCompose,
  engineEnv,
  jobCommand,
  parseVersion,
  type ComposeTool,
} from '../../../../../main/engine/compose-cli';
import { parseHost, sshAddress } from '../../../../../main/engine/address';
import { resolveSshTarget } from '../../../../../main/engine/ssh-config';
import { engineEnvFor } from '../../../../../main/engine/compose-run';
import { argsForProject } from '../../../../../main/engine/compose-files';

describe('the CLI’s environment', () => {
  it('passes only what the CLI needs, never Porthole’s secrets or compose overrides', () => {
    const env = baseEnv({
      PATH: '/usr/bin',
      HOME: '/home/a',
      SSH_AUTH_SOCK: '/run/agent',
      DOCKER_CONFIG: '/home/a/.docker',
      PORTHOLE_TOKEN: 'secret',
      AWS_SECRET_ACCESS_KEY: 'secret',
      COMPOSE_PROJECT_NAME: 'other',
      COMPOSE_FILE: '/elsewhere.yaml',
      DOCKER_HOST: 'tcp://the-wrong-engine:2375',
      LANG: '',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/a',
      SSH_AUTH_SOCK: '/run/agent',
      DOCKER_CONFIG: '/home/a/.docker',
      PYTHONUNBUFFERED: '1',
    });
  });

  it('points the CLI at the selected engine, whatever its kind', () => {
    expect(engineEnv({ kind: 'unix', socketPath: '/tmp/e/docker.sock' })).toEqual({
      DOCKER_HOST: 'unix:///tmp/e/docker.sock',
    });
    expect(engineEnv({ kind: 'npipe', socketPath: '\\\\.\\pipe\\docker_engine' })).toEqual({
      DOCKER_HOST: 'npipe:////./pipe/docker_engine',
    });
    expect(engineEnv({ kind: 'tcp', host: '10.0.0.5', port: 2375 })).toEqual({
      DOCKER_HOST: 'tcp://10.0.0.5:2375',
    });
    expect(
      engineEnv({ kind: 'tcp', host: '::1', port: 2376, tls: { verify: true } }, '/certs'),
    ).toEqual({
      DOCKER_HOST: 'tcp://[::1]:2376',
      DOCKER_TLS: '1',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs',
    });
    // TLS without verification (the user's own DOCKER_TLS): no DOCKER_TLS_VERIFY.
    expect(engineEnv({ kind: 'tcp', host: 'h', port: 2376, tls: { verify: false } })).toEqual({
      DOCKER_HOST: 'tcp://h:2376',
      DOCKER_TLS: '1',
    });
    expect(engineEnv({ kind: 'ssh', host: 'build.example', port: 2222, username: 'ci' })).toEqual({
      DOCKER_HOST: 'ssh://ci@build.example:2222',
    });
  });

  describe('ssh:// engines: the port Porthole’s own connection uses, the alias kept', () => {
    // The CLI runs the system ssh: `-p` when DOCKER_HOST has a port, and compose v1 (docker-py)
    // passes `-p 22` when it has none. So ~/.ssh/config's Port must be written out.
    const sshConfig = 'Host pt-box\n  HostName 127.0.0.1\n  Port 2222\n  User root\n';
    const defaults = { home: '/home/a', user: 'a' };
    const config = (address: string) => ({
      id: 'box',
      name: 'Box',
      source: 'added' as const,
      address,
      endpoint: parseHost(address),
    });
    /** As the compose handler builds it: the config resolved the way the connection does. */
    const env = (address: string) => {
      const c = config(address);
      return engineEnv(cliEndpoint(c, resolveSshTarget(sshConfig, sshAddress(c), defaults)));
    };

    it('takes the Port from ~/.ssh/config when the address has none, keeping the alias', async () => {
      expect(config('ssh://pt-box').endpoint).toMatchObject({ host: 'pt-box', port: 22 });
      expect(env('ssh://pt-box')).toEqual({ DOCKER_HOST: 'ssh://pt-box:2222' });
      // A written user stays; an unwritten one is left to the config's User (no -l).
      expect(env('ssh://ci@pt-box')).toEqual({ DOCKER_HOST: 'ssh://ci@pt-box:2222' });
      // What a compose job really starts with (engineEnvFor: every run and config).
      const c = config('ssh://pt-box');
      const built = await engineEnvFor(cliEndpoint(c, { port: 2222 }));
      expect(built.env).toEqual({ DOCKER_HOST: 'ssh://pt-box:2222' });
      await built.cleanup();
    });

    it('keeps a written port, even 22, over the config’s', () => {
      expect(env('ssh://pt-box:22')).toEqual({ DOCKER_HOST: 'ssh://pt-box:22' });
      expect(env('ssh://ci@build.example:2200')).toEqual({
        DOCKER_HOST: 'ssh://ci@build.example:2200',
      });
    });

    it('without a resolved target and no written port, leaves the port to ssh', () => {
      expect(engineEnv(cliEndpoint(config('ssh://pt-box')))).toEqual({
        DOCKER_HOST: 'ssh://pt-box',
      });
      expect(engineEnv(cliEndpoint(config('ssh://[fd00::5]')))).toEqual({
        DOCKER_HOST: 'ssh://[fd00::5]',
      });
    });

    it('passes other endpoints through untouched', () => {
      const unix = config('unix:///run/docker.sock');
      expect(cliEndpoint(unix, { port: 2222 })).toBe(unix.endpoint);
    });
  });

  it('uses the engine’s cert folder as is when it is laid out as DOCKER_CERT_PATH wants', () => {
    expect(
      certLayout({ verify: true, ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem' }),
    ).toEqual({
      dir: '/c',
    });
    expect(
      certLayout({ verify: true, ca: '/a/root.crt', cert: '/b/cert.pem', key: '/b/key.pem' }),
    ).toEqual({
      links: [
        ['ca.pem', '/a/root.crt'],
        ['cert.pem', '/b/cert.pem'],
        ['key.pem', '/b/key.pem'],
      ],
    });
    expect(certLayout({ verify: true })).toEqual({ links: [] });
  });
});

describe('composeArgs / jobCommand', () => {
  const v1: ComposeTool = { flavor: 'v1', version: '1.29.2', file: 'docker-compose', prefix: [] };
  const v2: ComposeTool = { flavor: 'v2', version: '2.29.1', file: 'docker', prefix: ['compose'] };
  const project = {
    name: 'shop',
    files: ['/data/compose/shop/compose.yaml'],
    projectDir: '/src/shop',
    envFile: '/data/compose/shop/.env',
    profiles: ['dev'],
  };

  it('names the project, its files, folder, env file and profiles; secrets stay in the env file', () => {
    expect(
      composeArgs(
        v1,
        project,
        jobCommand({ op: 'down', project: 'shop', removeVolumes: true, removeImages: 'local' }),
      ),
    ).toEqual([
      '--ansi',
      'never',
      '-p',
      'shop',
      '-f',
      '/data/compose/shop/compose.yaml',
      '--project-directory',
      '/src/shop',
      '--env-file',
      '/data/compose/shop/.env',
      '--profile',
      'dev',
      'down',
      '--remove-orphans',
      '--volumes',
      '--rmi',
      'local',
    ]);
    expect(composeArgs(v2, { name: 'shop', files: [], profiles: [] }, ['up', '-d'])).toEqual([
      'compose',
      '--ansi',
      'never',
      '-p',
      'shop',
      'up',
      '-d',
    ]);
  });

  it('scale and recreate touch one service only', () => {
    expect(jobCommand({ op: 'scale', project: 'p', service: 'web', replicas: 2 })).toEqual([
      'up',
      '-d',
      '--no-deps',
      '--no-recreate',
      '--scale',
      'web=2',
      'web',
    ]);
    expect(jobCommand({ op: 'recreate', project: 'p', service: 'web' })).toEqual([
      'up',
      '-d',
      '--no-deps',
      '--force-recreate',
      'web',
    ]);
    expect(
      jobCommand({ op: 'down', project: 'p', removeVolumes: false, removeImages: 'none' }),
    ).toEqual(['down', '--remove-orphans']);
  });

  it('an existing project is named from its labels, with Porthole’s env file when it made it', () => {
    const p = {
      name: 'shop',
      workingDir: '/data/compose/shop',
      configFiles: ['/data/compose/shop/compose.yaml'],
      envFile: null,
    } as Parameters<typeof argsForProject>[1];
    expect(argsForProject('/data/compose', p, () => true)).toEqual({
      name: 'shop',
      files: ['/data/compose/shop/compose.yaml'],
      projectDir: '/data/compose/shop',
      envFile: '/data/compose/shop/.env',
      profiles: [],
    });
    const theirs = { ...p, workingDir: '/src/shop', configFiles: ['/src/shop/compose.yaml'] };
    expect(argsForProject('/data/compose', theirs, () => true).envFile).toBeUndefined();
  });
});

describe('detectCompose', () => {
  const runner =
    (answers: Record<string, string | Error>) => async (file: string, args: string[]) => {
      const a = answers[[file, ...args].join(' ')];
      if (a === undefined || a instanceof Error) throw a ?? new Error('ENOENT');
      return a;
    };

  it('prefers the v2 plugin', async () => {
    const run = runner({
      'docker compose version --short': '2.29.1\n',
      'docker-compose version --short': '1.29.2\n',
    });
    expect(await detectCompose({}, run)).toEqual({
      flavor: 'v2',
      version: '2.29.1',
      file: 'docker',
      prefix: ['compose'],
    });
  });

  it('falls back to docker-compose, telling v1 from a standalone v2', async () => {
    expect(
      await detectCompose({}, runner({ 'docker-compose version --short': '1.29.2\n' })),
    ).toMatchObject({ flavor: 'v1', file: 'docker-compose' });
    expect(
      await detectCompose({}, runner({ 'docker-compose version --short': 'v2.20.0\n' })),
    ).toMatchObject({ flavor: 'v2', version: '2.20.0', prefix: [] });
  });

  it('finds none when neither runs', async () => {
    expect(await detectCompose({}, runner({}))).toBeUndefined();
  });

  it('reads versions as the tools print them', () => {
    expect(parseVersion('1.29.2, build unknown')).toEqual({ version: '1.29.2', major: 1 });
    expect(parseVersion('v2.29.1-desktop.1')).toEqual({ version: '2.29.1-desktop.1', major: 2 });
    expect(parseVersion('nothing')).toBeUndefined();
  });
});
