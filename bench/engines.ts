// bench/engines: three engines connected at once (unix socket, TCP+TLS, SSH), COUNT containers
// each. Measures the All engines Containers table (page load → every row counted) against the
// slowest engine's `docker ps -a` in the same run, and the idle CPU of web mode's main process
// with the three engines connected (page closed, then the All engines page open and idle).
//   node scripts/build.mjs && node scripts/run-ts.mjs bench/engines.ts [COUNT]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { openApp, startApp, stopApp, type AppHandle } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { newTlsEngine, startSshd, stopSshd, type Sshd } from '../e2e/harness/engines-extra';
import { DOCKER_CLI, sleep } from '../e2e/harness/proc';
import { launchChromium, median, record, timeCli } from './common';

const COUNT = Number(process.argv[2] ?? 300);
const RUNS = 5;
const IDLE_SECONDS = 30;

async function createMany(socket: string, n: number, prefix: string) {
  const docker = new Docker({ socketPath: socket });
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      await docker.createContainer({
        Image: BUSYBOX_IMAGE,
        name: `${prefix}-${String(i).padStart(4, '0')}`,
        Cmd: ['true'],
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** CPU seconds (user + system) a process has used so far, from /proc/PID/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function cpuPercentOver(pid: number, seconds: number): Promise<number> {
  const c0 = cpuSeconds(pid);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  return +(((cpuSeconds(pid) - c0) / ((performance.now() - t0) / 1000)) * 100).toFixed(2);
}

async function main() {
  const lab = mkdtempSync(join(tmpdir(), 'porthole-bench-engines-'));
  const local = newEngine('porthole-bench-a-');
  const behindSsh = newEngine('porthole-bench-c-');
  let tls: Awaited<ReturnType<typeof newTlsEngine>> | undefined;
  let sshd: Sshd | undefined;
  let app: AppHandle | undefined;
  const browser = await launchChromium();
  try {
    await startDockerd(local);
    await startDockerd(behindSsh);
    tls = await newTlsEngine('porthole-bench-b-');
    for (const e of [local, behindSsh, tls]) importBusybox(e);
    const t0 = performance.now();
    await Promise.all(
      [local, tls, behindSsh].map((e, i) =>
        createMany(e.host.slice('unix://'.length), COUNT, `bench-${'abc'[i]}`),
      ),
    );
    console.log(
      `created 3 × ${COUNT} containers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // SSH as a user has it: an ssh_config alias, a key, the host key already in known_hosts.
    sshd = await startSshd(join(lab, 'sshd'), behindSsh.host);
    const home = join(lab, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    const sshConfig = `Host bench-box\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${sshd.clientKey}\n`;
    writeFileSync(join(home, '.ssh', 'config'), sshConfig);
    const hostPub = readFileSync(join(sshd.dir, 'host_key.pub'), 'utf8').split(' ');
    writeFileSync(
      join(home, '.ssh', 'known_hosts'),
      `[127.0.0.1]:${sshd.port} ${hostPub[0]} ${hostPub[1]}\n`,
    );
    const dataDir = join(lab, 'app-data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'engines.json'),
      JSON.stringify({
        version: 1,
        added: [
          {
            id: 'tls',
            name: 'TLS',
            address: tls.tcp,
            tls: { ca: tls.certs.ca, cert: tls.certs.cert, key: tls.certs.key },
          },
          { id: 'ssh', name: 'SSH', address: 'ssh://bench-box' },
        ],
        renamed: {},
        hidden: [],
      }),
    );

    const clis: Record<string, string[]> = {
      unix: ['-H', local.host, 'ps', '-a'],
      tls: [
        '--tlsverify',
        '--tlscacert',
        tls.certs.ca,
        '--tlscert',
        tls.certs.cert,
        '--tlskey',
        tls.certs.key,
        '-H',
        tls.tcp,
        'ps',
        '-a',
      ],
      ssh: ['-H', 'ssh://bench-box', 'ps', '-a'],
    };
    const cliMs: Record<string, number> = {};
    // The CLI runs `ssh`, which reads the passwd home's ~/.ssh, not $HOME: a wrapper first on
    // PATH points it at the lab's config (and through that at the lab's known_hosts).
    const bin = join(lab, 'bin');
    mkdirSync(bin);
    const cliConfig = join(lab, 'cli-ssh-config');
    writeFileSync(
      cliConfig,
      `${sshConfig}  UserKnownHostsFile ${join(home, '.ssh', 'known_hosts')}\n`,
    );
    writeFileSync(join(bin, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F '${cliConfig}' "$@"\n`, {
      mode: 0o755,
    });
    const realPath = process.env.PATH;
    process.env.PATH = `${bin}:${realPath}`; // timeCli inherits this process's environment
    for (const [kind, args] of Object.entries(clis)) {
      timeCli(DOCKER_CLI, args);
      cliMs[kind] = Math.round(
        median(Array.from({ length: RUNS }, () => timeCli(DOCKER_CLI, args))),
      );
    }
    process.env.PATH = realPath;
    const slowest = Math.max(...Object.values(cliMs));

    app = await startApp({
      dockerHost: local.host,
      dataDir,
      logFile: join(lab, 'app.log'),
      env: {
        HOME: home,
        DOCKER_CONFIG: join(lab, 'docker-config'),
        XDG_RUNTIME_DIR: '',
        SSH_AUTH_SOCK: '',
      },
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await openApp(page, app);
    await page.evaluate(() => localStorage.setItem('porthole.engine', 'all'));
    const all = 3 * COUNT;
    const rowsRendered = (n: number) => {
      const table = document.querySelector('table[aria-label="Containers"]');
      const rows = table?.querySelectorAll('tbody th[scope="row"]').length ?? 0;
      const total = Number(table?.getAttribute('aria-rowcount') ?? rows + 1) - 1;
      return total >= n && rows > 0;
    };
    const cold: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await page.goto('about:blank');
      await page.goto(`${app.origin}/#/containers`);
      await page.waitForFunction(rowsRendered, all, { timeout: 120_000, polling: 'raf' });
      const ms = await page.evaluate(() => performance.now());
      if (i > 0) cold.push(ms);
    }
    const coldMs = median(cold);
    const idleWithPage = await cpuPercentOver(app.pid, IDLE_SECONDS);
    await page.close();
    await sleep(2000);
    const idleNoPage = await cpuPercentOver(app.pid, IDLE_SECONDS);

    const result = {
      engines: 3,
      containers_each: COUNT,
      engine: cli(local, ['version', '--format', '{{.Server.Version}}']),
      cli_ps_a_ms: cliMs,
      slowest_cli_ms: slowest,
      app_all_engines_cold_ms: Math.round(coldMs),
      app_vs_slowest_ratio: +(coldMs / slowest).toFixed(2),
      main_idle_cpu_percent_page_open: idleWithPage,
      main_idle_cpu_percent_no_page: idleNoPage,
      idle_window_s: IDLE_SECONDS,
    };
    console.log(JSON.stringify(result, null, 2));
    record('engines', result);
  } finally {
    await browser.close();
    if (app) await stopApp(app);
    if (sshd) await stopSshd(sshd);
    if (tls) await destroyEngine(tls);
    await destroyEngine(behindSsh);
    await destroyEngine(local);
    rmSync(lab, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
