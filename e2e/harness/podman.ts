import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { killPid, run, startDetached, waitFor } from './proc';

export interface PodmanService {
  dir: string;
  pid: number;
  socket: string;
}

/** The service's own storage: what every podman command on it needs. */
const storage = (dir: string) => [
  '--root',
  join(dir, 'root'),
  '--runroot',
  join(dir, 'runroot'),
  '--storage-driver',
  'vfs',
  '--tmpdir',
  join(dir, 'tmp'),
];

/** The podman CLI on the service's storage: the oracle for what the app shows of it. */
export const podmanCli = (p: PodmanService, args: string[]) =>
  run('podman', [...storage(p.dir), ...args]);

/**
 * `podman system service` on `socket`, with its own storage (vfs: no overlay mounts to leave
 * behind) and an image imported from the static busybox.
 */
export async function startPodman(
  dir: string,
  socket: string,
  image: string,
): Promise<PodmanService> {
  mkdirSync(dir, { recursive: true });
  const base = storage(dir);
  const rootfs = join(dir, 'rootfs');
  mkdirSync(join(rootfs, 'bin'), { recursive: true });
  run('sh', [
    '-c',
    `cp "$(command -v busybox)" '${rootfs}/bin/busybox' && ln -sf busybox '${rootfs}/bin/sh'`,
  ]);
  run('sh', ['-c', `tar -C '${rootfs}' -c . | podman ${base.join(' ')} import - ${image}`]);
  const log = openSync(join(dir, 'podman.log'), 'a');
  const pid = startDetached(
    'podman',
    [...base, 'system', 'service', '--time=0', `unix://${socket}`],
    log,
  );
  await waitFor(
    'the Podman API socket',
    () => {
      try {
        return run('curl', ['-sf', '--unix-socket', socket, 'http://d/_ping']) === 'OK'
          ? true
          : undefined;
      } catch {
        return undefined;
      }
    },
    30_000,
  );
  return { dir, pid, socket };
}

export const stopPodman = (p: PodmanService) => killPid(p.pid, 10_000);
