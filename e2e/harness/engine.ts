import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  alive,
  DOCKER_CLI,
  exists,
  killPid,
  readPid,
  run,
  sleep,
  startDetached,
  waitFor,
} from './proc';

export interface EngineHandle {
  dir: string;
  /** unix:// address for DOCKER_HOST and docker -H. */
  host: string;
  bridge: string;
  subnet: string;
}

export const BUSYBOX_IMAGE = 'test/busybox:latest';
const APPLETS = ['sh', 'ls', 'cat', 'echo', 'sleep', 'httpd', 'env', 'ps', 'top', 'seq', 'yes'];
const MORE_APPLETS = [
  'head',
  'wc',
  'date',
  'touch',
  'stty',
  'mkdir',
  'rm',
  'true',
  'false',
  'tail',
];

/** A private bridge, so this engine never fights another dockerd (the user's) over docker0. */
export function createBridge(): { bridge: string; subnet: string } {
  // A /24 no other interface on this machine uses (another suite may run beside this one).
  const used = run('ip', ['-o', '-4', 'addr', 'show']);
  let n = 16 + Math.floor(Math.random() * 200);
  for (let tries = 0; used.includes(`10.213.${n}.`) && tries < 200; tries++)
    n = 16 + ((n - 15) % 200);
  const bridge = `phbr${process.pid % 1000}${n}`.slice(0, 15);
  const subnet = `10.213.${n}.1/24`;
  run('ip', ['link', 'add', 'name', bridge, 'type', 'bridge']);
  run('ip', ['addr', 'add', subnet, 'dev', bridge]);
  run('ip', ['link', 'set', bridge, 'up']);
  return { bridge, subnet };
}

export function removeBridge(bridge: string) {
  try {
    run('ip', ['link', 'del', bridge]);
  } catch {
    /* already gone */
  }
}

export function newEngine(prefix = 'porthole-e2e-'): EngineHandle {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const { bridge, subnet } = createBridge();
  return { dir, host: `unix://${join(dir, 'docker.sock')}`, bridge, subnet };
}

export function cli(engine: EngineHandle, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return run(DOCKER_CLI, ['-H', engine.host, ...args], { env });
}

/**
 * Starts (or restarts) a private dockerd on the engine's dirs, plus `extra` arguments; resolves
 * with its pid when it answers on its unix socket, and fails at once (with the end of its log)
 * if it exits first.
 *
 * `--iptables=false`: iptables is one table for the whole machine, and every dockerd that starts
 * deletes and re-adds the same DOCKER-ISOLATION jumps in FORWARD. Several private engines (and a
 * restart in the faults spec) then race each other — seen in CI as "unable to remove jump to
 * DOCKER-ISOLATION-STAGE-1 rule" on an unrelated `docker network create`, and as a restarted
 * dockerd that never answered. Without iptables a test engine also leaves a user's engine's
 * rules alone; published ports still answer on loopback through docker-proxy.
 */
export async function launchDockerd(
  engine: EngineHandle,
  extra: string[] = [],
  what = 'the private dockerd',
  hostname?: string,
): Promise<number> {
  const d = engine.dir;
  const logPath = join(d, 'dockerd.log');
  const log = openSync(logPath, 'a');
  const args = [
    ...['--host', engine.host, ...extra],
    ...['--data-root', join(d, 'data'), '--exec-root', join(d, 'exec')],
    ...['--pidfile', join(d, 'dockerd.pid'), '--bridge', engine.bridge],
    '--iptables=false',
  ];
  // A hostname of its own (a UTS namespace; the network stays the machine's): a second Swarm
  // node on this machine would otherwise have the first one's name. exec keeps the pid.
  const pid = hostname
    ? startDetached(
        'unshare',
        ['--uts', 'sh', '-c', 'hostname "$0" && exec dockerd "$@"', hostname, ...args],
        log,
      )
    : startDetached('dockerd', args, log);
  await waitFor(
    `${what} to answer`,
    () => {
      try {
        cli(engine, ['version', '--format', '{{.Server.Version}}']);
        return true;
      } catch {
        if (!alive(pid)) {
          const tail = readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n');
          throw new Error(`${what} exited before it answered; the end of its log:\n${tail}`);
        }
        return undefined;
      }
    },
    60_000,
    250,
  );
  return readPid(join(d, 'dockerd.pid'))!;
}

export function startDockerd(engine: EngineHandle): Promise<number> {
  return launchDockerd(engine);
}

export async function stopDockerd(engine: EngineHandle): Promise<void> {
  await killPid(readPid(join(engine.dir, 'dockerd.pid')), 30_000);
  const sock = engine.host.slice('unix://'.length);
  await waitFor(
    'the dockerd socket to go',
    () => (existsSync(sock) ? undefined : true),
    10_000,
  ).catch(() => rmSync(sock, { force: true }));
  await sleep(200);
}

/**
 * SIGKILL: the engine dies at once, mid-request, as in a crash. Its managed containerd dies
 * with it (parent-death signal) a moment later; a dockerd started before that finds the old
 * pid alive, waits for its socket and gives up ("timeout waiting for containerd to start").
 */
export async function killDockerd(engine: EngineHandle): Promise<void> {
  const pid = readPid(join(engine.dir, 'dockerd.pid'));
  const containerd = readPid(join(engine.dir, 'exec', 'containerd', 'containerd.pid'));
  if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  // Gone, not only dead: dockerd's own check counts an unreaped containerd as running.
  await waitFor(
    'the killed dockerd and its containerd to be gone',
    () => (exists(pid) || exists(containerd) ? undefined : true),
    30_000,
  );
}

/** An offline image: a rootfs holding static busybox and its applet links, `docker import`ed. */
export function importBusybox(engine: EngineHandle, tag = BUSYBOX_IMAGE) {
  const root = mkdtempSync(join(tmpdir(), 'porthole-rootfs-'));
  try {
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'tmp'));
    chmodSync(join(root, 'tmp'), 0o1777);
    copyFileSync(run('sh', ['-c', 'command -v busybox']), join(root, 'bin', 'busybox'));
    chmodSync(join(root, 'bin', 'busybox'), 0o755);
    for (const applet of [...APPLETS, ...MORE_APPLETS])
      symlinkSync('busybox', join(root, 'bin', applet));
    const tar = run('sh', [
      '-c',
      `tar -C '${root}' -c . | ${DOCKER_CLI} -H ${engine.host} import -c 'CMD ["sh"]' -c 'ENV PATH=/bin' - ${tag}`,
    ]);
    return tar;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Host interfaces the engine made for its own networks (br-<id>, docker_gwbridge after Swarm).
 * dockerd leaves them behind when it stops; left there they use up the default address pools
 * ("could not find an available, non-overlapping IPv4 address pool") for every later engine.
 */
function networkBridges(engine: EngineHandle): string[] {
  try {
    const out = cli(engine, [
      'network',
      'ls',
      '--filter',
      'driver=bridge',
      '--format',
      '{{.ID}} {{.Name}}',
    ]);
    return out
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        const [id, name] = line.split(' ');
        if (name === 'bridge') return []; // that is engine.bridge, removed below
        return [name === 'docker_gwbridge' ? name : `br-${id}`];
      });
  } catch {
    return []; // the engine is already gone: nothing to ask
  }
}

export async function destroyEngine(engine: EngineHandle) {
  const bridges = networkBridges(engine);
  await stopDockerd(engine);
  bridges.forEach(removeBridge);
  removeBridge(engine.bridge);
  // Container layers may hold mounts briefly after dockerd exits; best effort.
  try {
    rmSync(engine.dir, { recursive: true, force: true });
  } catch {
    // Whatever is still mounted below it, deepest first: a Swarm node stopped while in its swarm
    // leaves its ingress sandbox's netns mounted (exec/netns/…), which no glob of dir/* reaches.
    const mounts = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[1] ?? '')
      .filter((m) => m.startsWith(`${engine.dir}/`))
      .sort((a, b) => b.length - a.length);
    for (const m of mounts) run('sh', ['-c', `umount '${m}' 2>/dev/null || true`]);
    run('sh', ['-c', `rm -rf '${engine.dir}' || true`]);
  }
}
