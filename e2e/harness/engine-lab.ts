import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, stopApp, type AppHandle } from './app';
import { destroyEngine, importBusybox, newEngine, startDockerd, type EngineHandle } from './engine';
import { newTlsEngine, startSshd, stopSshd, type Sshd, type TlsEngine } from './engines-extra';
import { run } from './proc';
import { startPodman, stopPodman, type PodmanService } from './podman';

interface Hooks {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
  setTimeout(ms: number): void;
}

/** The ssh_config alias the SSH engine is added under (HostName, Port, User, IdentityFile). */
export const SSH_ALIAS = 'pt-box';
export const PODMAN_IMAGE = 'localhost/pt-podman:1';
export const CONTEXT_NAME = 'pt-ctx';

export interface EngineLab {
  dir: string;
  /** The app's DOCKER_HOST: a private engine over its unix socket. */
  local: EngineHandle;
  /** A private engine on tcp://127.0.0.1:PORT with TLS (and a unix socket for the oracle). */
  tls: TlsEngine;
  /** sshd on 127.0.0.1 whose `docker system dial-stdio` reaches `sshTarget`. */
  sshd: Sshd;
  sshTarget: EngineHandle;
  /** The app's HOME: ~/.ssh/config names the SSH engine; known_hosts starts empty. */
  home: string;
  /** DOCKER_HOST = local; the user adds the TLS and SSH engines. */
  app: AppHandle;
  /** How the app was started, to start it again on the same data dir. */
  appOptions: Parameters<typeof startApp>[0];
}

/** A docker context as `docker context create` writes it (meta.json under sha256(name)). */
export function writeContext(dockerConfig: string, name: string, host: string) {
  const digest = createHash('sha256').update(name).digest('hex');
  const dir = join(dockerConfig, 'contexts', 'meta', digest);
  mkdirSync(dir, { recursive: true });
  const meta = {
    Name: name,
    Metadata: {},
    Endpoints: { docker: { Host: host, SkipTLSVerify: false } },
  };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ currentContext: name }));
}

/**
 * The multi-engine spec's engines, started once for the describe block that calls this and
 * stopped by pid afterwards: two private dockerds on their own bridges (unix; TLS), an sshd
 * reaching `sshTarget` (the suite's shared engine: nothing here stops it), and a web-mode app
 * with its own HOME and DOCKER_CONFIG.
 */
export function useEngineLab(test: Hooks, sshTarget: () => EngineHandle): EngineLab {
  const lab = {} as EngineLab;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    lab.dir = mkdtempSync(join(tmpdir(), 'porthole-e2e-lab-'));
    lab.local = newEngine('porthole-e2e-local-');
    await startDockerd(lab.local);
    importBusybox(lab.local);
    lab.tls = await newTlsEngine('porthole-e2e-tls-');
    importBusybox(lab.tls);
    lab.sshTarget = sshTarget();
    lab.sshd = await startSshd(join(lab.dir, 'sshd'), lab.sshTarget.host);
    lab.home = join(lab.dir, 'home');
    mkdirSync(join(lab.home, '.ssh'), { recursive: true, mode: 0o700 });
    writeFileSync(
      join(lab.home, '.ssh', 'config'),
      `Host ${SSH_ALIAS}\n  HostName 127.0.0.1\n  Port ${lab.sshd.port}\n  User root\n  IdentityFile ${lab.sshd.clientKey}\n`,
    );
    // OpenSSH reads ~/.ssh/config and known_hosts from the passwd entry's home, never $HOME. The
    // lab's HOME is a temp dir, so the ssh a compose CLI runs is handed the lab's files, as a
    // user's own ssh finds them in their real home. (Porthole's own connection reads $HOME.)
    const bin = join(lab.dir, 'bin');
    mkdirSync(bin);
    const ssh = run('sh', ['-c', 'command -v ssh']);
    writeFileSync(
      join(bin, 'ssh'),
      `#!/bin/sh\nexec ${ssh} -F "$HOME/.ssh/config" -o UserKnownHostsFile="$HOME/.ssh/known_hosts" "$@"\n`,
      { mode: 0o755 },
    );
    const emptyConfig = join(lab.dir, 'docker-config');
    mkdirSync(emptyConfig, { recursive: true });
    lab.appOptions = {
      dockerHost: lab.local.host,
      dataDir: join(lab.dir, 'app-data'),
      logFile: join(lab.dir, 'app.log'),
      env: {
        HOME: lab.home,
        DOCKER_CONFIG: emptyConfig,
        XDG_RUNTIME_DIR: '',
        SSH_AUTH_SOCK: '',
        PATH: `${bin}:${process.env.PATH ?? ''}`,
      },
    };
    lab.app = await startApp(lab.appOptions);
  });
  test.afterAll(async () => {
    if (lab.app) await stopApp(lab.app);
    if (lab.sshd) await stopSshd(lab.sshd);
    if (lab.tls) await destroyEngine(lab.tls);
    if (lab.local) await destroyEngine(lab.local);
    if (lab.dir) rmSync(lab.dir, { recursive: true, force: true });
  });
  return lab;
}

export interface ContextLab {
  dir: string;
  /** A private engine, reached through the docker context CONTEXT_NAME. */
  engine: EngineHandle;
  podman?: PodmanService;
  /** Why Podman's service could not start here, when it could not. */
  podmanError?: string;
  /** No DOCKER_HOST: the current context is the default; the Podman socket under XDG. */
  app: AppHandle;
}

/**
 * A private engine reached only through a docker context (DOCKER_CONFIG in a temp dir), plus
 * Podman's API service on $XDG_RUNTIME_DIR/podman/podman.sock, and an app that detects both.
 */
export function useContextLab(test: Hooks): ContextLab {
  const lab = {} as ContextLab;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    lab.dir = mkdtempSync(join(tmpdir(), 'porthole-e2e-ctx-'));
    lab.engine = newEngine('porthole-e2e-ctxengine-');
    await startDockerd(lab.engine);
    importBusybox(lab.engine);
    const config = join(lab.dir, 'docker-config');
    writeContext(config, CONTEXT_NAME, lab.engine.host);
    const xdg = join(lab.dir, 'xdg');
    mkdirSync(join(xdg, 'podman'), { recursive: true, mode: 0o700 });
    try {
      const socket = join(xdg, 'podman', 'podman.sock');
      lab.podman = await startPodman(join(lab.dir, 'podman'), socket, PODMAN_IMAGE);
    } catch (err) {
      lab.podmanError = (err as Error).message;
    }
    const home = join(lab.dir, 'home');
    mkdirSync(home);
    lab.app = await startApp({
      // DOCKER_HOST off: the current context is then the default engine, as for the CLI.
      dockerHost: '',
      dataDir: join(lab.dir, 'app-data'),
      logFile: join(lab.dir, 'app.log'),
      env: { HOME: home, DOCKER_CONFIG: config, XDG_RUNTIME_DIR: xdg, SSH_AUTH_SOCK: '' },
    });
  });
  test.afterAll(async () => {
    if (lab.app) await stopApp(lab.app);
    if (lab.podman) await stopPodman(lab.podman);
    if (lab.engine) await destroyEngine(lab.engine);
    if (lab.dir) rmSync(lab.dir, { recursive: true, force: true });
  });
  return lab;
}
