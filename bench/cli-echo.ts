// The CLI's own keystroke echo: `docker exec -it ID sh` under `script` (which gives it a TTY),
// one key at a time, key written → its echo read back. The reference for the app's echo.
import { spawn } from 'node:child_process';
import { DOCKER_CLI } from '../e2e/harness/proc';

export async function cliEcho(host: string, id: string, keys: number): Promise<number[]> {
  const child = spawn(
    'script',
    ['-qfc', `${DOCKER_CLI} -H ${host} exec -it ${id} sh`, '/dev/null'],
    {
      stdio: ['pipe', 'pipe', 'ignore'],
    },
  );
  let seen = '';
  let want: { text: string; resolve: () => void } | undefined;
  child.stdout.on('data', (d: Buffer) => {
    seen += d.toString('latin1');
    if (want && seen.includes(want.text)) {
      const w = want;
      want = undefined;
      w.resolve();
    }
  });
  /** Writes `key` and resolves once `text` has come back (10 s at most). */
  const roundTrip = (key: string, text: string) =>
    new Promise<number>((resolve, reject) => {
      seen = '';
      const timer = setTimeout(
        () => reject(new Error(`no echo of ${JSON.stringify(key)}`)),
        10_000,
      );
      const t0 = performance.now();
      want = {
        text,
        resolve: () => {
          clearTimeout(timer);
          resolve(performance.now() - t0);
        },
      };
      child.stdin.write(key);
    });
  try {
    // The prompt first (busybox sh as root: "# ").
    await roundTrip('echo ready-$((1+1))\r', 'ready-2');
    const times: number[] = [];
    for (let i = 0; i < keys; i++) {
      if (i % 40 === 39) await roundTrip('\x15', '');
      else times.push(await roundTrip('a', 'a'));
    }
    return times;
  } finally {
    child.stdin.end('\x15exit\r');
    setTimeout(() => child.kill(), 2000).unref();
  }
}
