// bench/exec: a shell window on a private engine. Keystroke echo round trip (key down in the
// page → the echoed character on screen, and → the binary frame carrying it), p50/p95 over N
// keys, next to the CLI's own (`docker exec -it` under `script`); and the time for 100 MB of
// output (`yes | head -c`) to pass through the terminal, vs the CLI's `docker exec` of the same
// command into /dev/null. Usage:
//   PORTHOLE_DIST_DIR=dist-x node scripts/build.mjs && node scripts/run-ts.mjs bench/exec.ts [KEYS] [MB]
// For reference, the browser's own WebSocket round trip to a server that answers at once
// (./ws-floor.ts): the floor of the web mode's path before main or the engine do anything.
// The echo runs twice: in Chromium with the desktop app's --disable-features (main/desktop/
// chromium-switches.ts), as the Electron window runs, then in plain Chromium, as web mode meets it.
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { DISABLED_FEATURES } from '../main/desktop/chromium-switches';
import { openApp, startApp, stopApp, type AppHandle } from '../e2e/harness/app';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { DOCKER_CLI } from '../e2e/harness/proc';
import { connectClient } from '../e2e/harness/web-client';
import { cliEcho } from './cli-echo';
import { launchChromium, median, pageSays, percentile, record, timeCli } from './common';
import { printProfile, type Profile } from './profile';
import { wsRoundTrips } from './ws-floor';

const KEYS = Number(process.argv[2] ?? 200);
const MB = Number(process.argv[3] ?? 100);

async function main() {
  const engine = newEngine('porthole-bench-');
  let app;
  const browser = await launchChromium();
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const id = cli(engine, ['run', '-d', BUSYBOX_IMAGE, 'sleep', '3600']);
    const version = cli(engine, ['version', '--format', '{{.Server.Version}}']);
    const bytes = MB * 1024 * 1024;
    const flood = `yes | head -c ${bytes}`;
    // The same through a TTY (what a shell window is): the CLI under `script`, which gives it one.
    // A TTY moves only a few hundred KB/s on these machines: one CLI run for big sizes.
    const cliTtyMs = median(
      Array.from({ length: MB >= 50 ? 1 : 3 }, () =>
        timeCli('script', [
          '-qec',
          `${DOCKER_CLI} -H ${engine.host} exec -it ${id} sh -c '${flood}' >/dev/null`,
          '/dev/null',
        ]),
      ),
    );
    const cliMs = median(
      Array.from({ length: 3 }, () =>
        timeCli(DOCKER_CLI, ['-H', engine.host, 'exec', id, 'sh', '-c', flood]),
      ),
    );

    const cliEchoMs = await cliEcho(engine.host, id, KEYS);

    app = await startApp({
      dockerHost: engine.host,
      dataDir: join(engine.dir, 'app-data'),
      logFile: process.env.BENCH_APP_LOG ?? join(engine.dir, 'app.log'),
    });
    const client = await connectClient(app);
    const engines = await client.call('engines.list', {});
    client.close();
    const engineId = (engines.value as { id: string }[] | undefined)?.[0]?.id;
    if (!engineId) throw new Error(`no engine: ${JSON.stringify(engines)}`);
    // As the desktop app runs Chromium (its --disable-features), then as a browser does.
    const desktopBrowser = await launchChromium([
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ]);
    const desktop = await echoRun(desktopBrowser, app, engineId, id);
    await desktop.page.close();
    await desktopBrowser.close();
    const { page, echo, wire, send } = await echoRun(browser, app, engineId, id);
    const floor = await wsRoundTrips(browser, KEYS);
    await page.keyboard.press('Control+U');

    // Throughput: 100 MB through exec → main (flow control) → WebSocket → xterm.
    const marker = 'DONE-$((40+2))';
    await page.keyboard.type(`${flood}; clear; echo ${marker}`);
    const profiler = process.env.BENCH_PROFILE
      ? await page.context().newCDPSession(page)
      : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.xterm-rows > div')].some(
          (r) => r.textContent?.trim() === 'DONE-42',
        ),
      null,
      { timeout: 600_000, polling: 100 },
    );
    const appMs = Date.now() - t0;
    if (profiler) printProfile((await profiler.send('Profiler.stop')) as unknown as Profile);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    const result = {
      engine: version,
      keys: echo.length,
      echo_p50_ms: +median(echo).toFixed(1),
      echo_p95_ms: +percentile(echo, 95).toFixed(1),
      echo_wire_p50_ms: +median(wire).toFixed(1),
      echo_wire_p95_ms: +percentile(wire, 95).toFixed(1),
      echo_send_p50_ms: +median(send).toFixed(1),
      echo_send_p95_ms: +percentile(send, 95).toFixed(1),
      desktop_echo_p50_ms: +median(desktop.echo).toFixed(1),
      desktop_echo_p95_ms: +percentile(desktop.echo, 95).toFixed(1),
      desktop_echo_wire_p50_ms: +median(desktop.wire).toFixed(1),
      desktop_echo_wire_p95_ms: +percentile(desktop.wire, 95).toFixed(1),
      browser_ws_rtt_p50_ms: +median(floor).toFixed(1),
      browser_ws_rtt_p95_ms: +percentile(floor, 95).toFixed(1),
      cli_echo_p50_ms: +median(cliEchoMs).toFixed(1),
      cli_echo_p95_ms: +percentile(cliEchoMs, 95).toFixed(1),
      output_mb: MB,
      cli_exec_ms: Math.round(cliMs),
      app_output_ms: appMs,
      app_mb_per_s: +(MB / (appMs / 1000)).toFixed(1),
      cli_exec_tty_ms: Math.round(cliTtyMs),
      throughput_vs_cli: +(cliMs / appMs).toFixed(2),
      throughput_vs_cli_tty: +(cliTtyMs / appMs).toFixed(2),
      renderer_heap_after_mb: Math.round(heap.usedSize / 1e6),
    };
    console.log(JSON.stringify(result, null, 2));
    record('exec', result);
  } finally {
    await browser.close();
    if (app) await stopApp(app);
    await destroyEngine(engine);
  }
}

/** Key down → answer → character on screen, KEYS times, in a shell window of `browser`. */
async function echoRun(browser: Browser, app: AppHandle, engineId: string, id: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // Splits the echo: when the keystroke's control frame left, when the answer's frame
  // arrived, before xterm drew it. Terminal output is the only binary frame (text frames are
  // answers, statuses, events); a keystroke is a text `ctl` frame.
  await page.addInitScript(() => {
    const w = window as unknown as { __msgAt: number; __sentAt: number };
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (e: MessageEvent<unknown>) => {
          if (typeof e.data !== 'string') w.__msgAt = performance.now();
        });
      }
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        if (typeof data === 'string' && data.startsWith('{"t":"ctl"')) {
          w.__sentAt = performance.now();
        }
        super.send(data);
      }
    };
  });
  await openApp(page, app);
  await page.goto(`${app.origin}/#/shell/${engineId}/${id}`);
  const status = page.getByRole('status');
  await status.filter({ hasText: 'Connected' }).waitFor({ timeout: 30_000 });
  const terminal = page.getByRole('region', { name: /^Shell in / });
  await terminal.click();

  // Echo: a MutationObserver on the rows notes when the screen changes after each key down.
  await page.evaluate(() => {
    const w = window as unknown as {
      __down: number;
      __echo: number[];
      __wire: number[];
      __send: number[];
      __msgAt: number;
      __sentAt: number;
    };
    w.__echo = [];
    w.__wire = [];
    w.__send = [];
    w.__down = 0;
    document.addEventListener('keydown', () => (w.__down = performance.now()), true);
    // A change counts once the answer to this key has come (a frame after the key down): the
    // last rows of the previous answer may still be drawn just after the next key goes down.
    new MutationObserver(() => {
      if (w.__down && w.__msgAt > w.__down) {
        w.__echo.push(performance.now() - w.__down);
        w.__wire.push(w.__msgAt - w.__down);
        w.__send.push(w.__sentAt - w.__down);
        w.__down = 0;
        console.log(`porthole-bench echo ${w.__echo.length}`);
      }
    }).observe(document.querySelector('.xterm-rows')!, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  // Each key is held until its echo is on screen, then let go: a key up (and, before,
  // Playwright's polling of the page) between the key down and the answer would hold the page's
  // thread while the answer arrives, which a person's key up, ~100 ms later, does not. The page
  // says when the echo is drawn (a console message), so nothing of the bench runs in it meanwhile.
  for (let i = 0; i < KEYS; i++) {
    const drawn = pageSays(
      page,
      (t) => t === `porthole-bench echo ${i + 1}`,
      `echo of key ${i}`,
      10_000,
    );
    const keys = i % 40 === 39 ? ['Control', 'u'] : ['a'];
    for (const k of keys) await page.keyboard.down(k);
    await drawn;
    for (const k of keys.reverse()) await page.keyboard.up(k);
  }
  const { echo, wire, send } = await page.evaluate(() => {
    const w = window as unknown as { __echo: number[]; __wire: number[]; __send: number[] };
    return { echo: w.__echo, wire: w.__wire, send: w.__send };
  });
  return { page, echo, wire, send };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
