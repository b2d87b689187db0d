// `npm run bench`: runs every benchmark (each starts its own private engine), then prints one
// table — figure, app, CLI, ratio, goal, met — from each one's latest line in bench/results/.
//   npm run bench                    run them all, then the table (20–30 min on 2 cores)
//   npm run bench -- --only idle,start
//   npm run bench -- --table         only the table, from the results already recorded
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Result = Record<string, unknown>;
interface Figure {
  figure: string;
  /** The app's figure and the CLI's, as shown. */
  app: (r: Result) => unknown;
  cli?: (r: Result) => unknown;
  /** The figure the goal is about, and the goal. */
  value: (r: Result) => unknown;
  goal: string;
  met: (v: number) => boolean;
}
interface Bench {
  name: string;
  args: string[];
  figures: Figure[];
}

const at = (path: string) => (r: Result) =>
  path.split('.').reduce<unknown>((v, k) => (v as Result | undefined)?.[k], r);
const atLeast = (n: number) => (v: number) => v >= n;
const atMost = (n: number) => (v: number) => v <= n;

const BENCHES: Bench[] = [
  {
    name: 'bundle',
    args: [],
    figures: [
      {
        figure: "first screen's JS, KB gzip",
        app: at('first_screen_js_gzip_kb'),
        value: at('first_screen_js_gzip_kb'),
        goal: '≤ 250',
        met: atMost(250),
      },
    ],
  },
  {
    name: 'start',
    args: ['200', '7'],
    figures: [
      {
        figure: 'launch → Containers list, 200 containers (ms)',
        app: at('start_to_list_ms'),
        cli: at('cli_ps_a_ms'),
        value: at('start_to_list_ms'),
        goal: '≤ 1000 ms',
        met: atMost(1000),
      },
    ],
  },
  {
    name: 'idle',
    args: ['200', '20', '60'],
    figures: [
      {
        figure: 'idle server CPU, % of a core',
        app: at('server_cpu_pct'),
        value: at('server_cpu_pct'),
        goal: '≤ 0.5',
        met: atMost(0.5),
      },
      {
        figure: 'idle renderer CPU, % of a core',
        app: at('renderer_cpu_pct'),
        value: at('renderer_cpu_pct'),
        goal: '≤ 1',
        met: atMost(1),
      },
      {
        figure: 'idle server RSS, MB',
        app: at('server_rss_mb'),
        value: at('server_rss_mb'),
        goal: '≤ 120',
        met: atMost(120),
      },
      {
        figure: 'idle renderer heap, MB',
        app: at('renderer_heap_mb'),
        value: at('renderer_heap_mb'),
        goal: '≤ 60',
        met: atMost(60),
      },
    ],
  },
  {
    name: 'list',
    args: ['1000'],
    figures: [
      {
        figure: 'cold Containers list, 1,000 containers (× docker ps -a)',
        app: at('app_cold_ms'),
        cli: at('cli_ps_a_ms'),
        value: at('app_cold_ratio'),
        goal: '≤ 1.5×',
        met: atMost(1.5),
      },
    ],
  },
  {
    name: 'update',
    args: ['1000', '20'],
    figures: [
      {
        figure: 'docker stop visible in the row, p95 (ms)',
        app: at('stop_visible_p95_ms'),
        value: at('stop_visible_p95_ms'),
        goal: '≤ 200 ms',
        met: atMost(200),
      },
      {
        figure: 'engine bytes per stop (share of a full list)',
        app: at('engine_bytes_per_stop'),
        cli: at('full_list_bytes'),
        value: at('engine_bytes_vs_full_list'),
        goal: '≤ 0.05',
        met: atMost(0.05),
      },
    ],
  },
  {
    name: 'logs',
    args: [],
    figures: [
      {
        figure: '1M log lines to the last line (throughput × docker logs)',
        app: at('app_last_line_shown_ms'),
        cli: at('cli_docker_logs_ms'),
        value: at('throughput_vs_cli'),
        goal: '≥ 0.9',
        met: atLeast(0.9),
      },
      {
        figure: 'the same from a 1M-line tail (× docker logs --tail 1000000)',
        app: at('app_tail_last_line_shown_ms'),
        cli: at('cli_docker_logs_tail_ms'),
        value: at('tail_throughput_vs_cli'),
        goal: '≥ 0.9',
        met: atLeast(0.9),
      },
      {
        figure: 'worst input delay while 1M lines stream (ms)',
        app: at('worst_timer_lag_ms'),
        value: at('worst_timer_lag_ms'),
        goal: '< 100 ms',
        met: (v) => v < 100,
      },
      {
        figure: 'renderer heap after 1M lines (MB)',
        app: at('renderer_heap_after_mb'),
        value: at('renderer_heap_after_mb'),
        goal: '≤ 250',
        met: atMost(250),
      },
      {
        figure: 'one 32 MB line (× docker logs time)',
        app: at('long_line_app_shown_ms'),
        cli: at('long_line_cli_docker_logs_ms'),
        value: (r) => 1 / Number(at('long_line_app_vs_cli')(r)),
        goal: '≤ 2×',
        met: atMost(2),
      },
    ],
  },
  {
    name: 'logs-follow',
    args: [],
    figures: [
      {
        figure: '1M lines followed live (throughput × docker logs -f)',
        app: at('app_follow_ms'),
        cli: at('cli_docker_logs_f_ms'),
        value: at('throughput_vs_cli'),
        goal: '≥ 0.9',
        met: atLeast(0.9),
      },
    ],
  },
  {
    name: 'exec',
    args: [],
    figures: [
      {
        figure: 'keystroke echo on screen, p95 (ms)',
        app: at('echo_p95_ms'),
        cli: at('cli_echo_p95_ms'),
        value: at('echo_p95_ms'),
        goal: '< 20 ms',
        met: (v) => v < 20,
      },
      {
        figure: 'keystroke answer received − docker exec -it round trip, p50 (ms)',
        app: at('echo_wire_p50_ms'),
        cli: at('cli_echo_p50_ms'),
        value: (r) => Number(r.echo_wire_p50_ms) - Number(r.cli_echo_p50_ms),
        goal: '≤ 2 ms',
        met: atMost(2),
      },
      {
        figure: 'keystroke answer received − docker exec -it round trip, p95 (ms)',
        app: at('echo_wire_p95_ms'),
        cli: at('cli_echo_p95_ms'),
        value: (r) => Number(r.echo_wire_p95_ms) - Number(r.cli_echo_p95_ms),
        goal: '≤ 2 ms',
        met: atMost(2),
      },
      {
        // Chromium with the desktop app's --disable-features, as its window runs (no Electron
        // binary here); the row above is plain Chromium, as web mode meets a user's browser.
        figure: 'the same, p95, Chromium with the desktop flags (ms)',
        app: at('desktop_echo_wire_p95_ms'),
        cli: at('cli_echo_p95_ms'),
        value: (r) => Number(r.desktop_echo_wire_p95_ms) - Number(r.cli_echo_p95_ms),
        goal: '≤ 2 ms',
        met: atMost(2),
      },
    ],
  },
  {
    name: 'save',
    args: [],
    figures: [
      {
        figure: 'image save, download route (throughput × docker save)',
        app: at('http_ms'),
        cli: at('cli_ms'),
        value: at('http_throughput_ratio'),
        goal: '≥ 0.8',
        met: atLeast(0.8),
      },
      {
        figure: 'image save in Chromium, click to file (throughput)',
        app: at('ui_ms'),
        cli: at('cli_ms'),
        value: at('ui_throughput_ratio'),
        goal: '≥ 0.8',
        met: atLeast(0.8),
      },
    ],
  },
  {
    name: 'volumes',
    args: [],
    figures: [
      {
        figure: 'volume file download 200 MB (throughput × docker cp)',
        app: at('download_200mb_http.app_ms'),
        cli: at('download_200mb_http.cli_ms'),
        value: at('download_200mb_http.throughput'),
        goal: '≥ 0.8',
        met: atLeast(0.8),
      },
      {
        figure: 'volume file download 200 MB in Chromium, click to file (throughput)',
        app: at('download_200mb_chromium.app_ms'),
        cli: at('download_200mb_chromium.cli_ms'),
        value: at('download_200mb_chromium.throughput'),
        goal: '≥ 0.8',
        met: atLeast(0.8),
      },
    ],
  },
  {
    name: 'files',
    args: [],
    figures: [
      {
        figure: 'container file download (throughput × docker cp)',
        app: at('download_http.app_ms'),
        cli: at('download_http.cli_ms'),
        value: at('download_http.throughput'),
        goal: '≥ 0.8',
        met: atLeast(0.8),
      },
      {
        figure: 'container file upload in Chromium (throughput × docker cp)',
        app: at('upload_chromium.app_ms'),
        cli: at('upload_chromium.cli_ms'),
        value: at('upload_chromium.throughput'),
        goal: '≥ 0.8',
        met: atLeast(0.8),
      },
    ],
  },
];

function latest(name: string): Result | undefined {
  const file = join(process.cwd(), 'bench', 'results', `${name}.jsonl`);
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  return lines.length ? (JSON.parse(lines[lines.length - 1]!) as Result) : undefined;
}

const show = (v: unknown) =>
  v === undefined || v === null || Number.isNaN(v)
    ? '—'
    : typeof v === 'number'
      ? String(+v.toFixed(2))
      : String(v);

function main() {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1]?.split(',') : undefined;
  const chosen = BENCHES.filter((b) => !only || only.includes(b.name));
  const failed: string[] = [];
  if (!argv.includes('--table')) {
    for (const b of chosen) {
      console.error(`\n== bench/${b.name}.ts ${b.args.join(' ')}`);
      const r = spawnSync(
        process.execPath,
        ['scripts/run-ts.mjs', `bench/${b.name}.ts`, ...b.args],
        {
          stdio: 'inherit',
        },
      );
      if (r.status !== 0) failed.push(b.name);
    }
  }
  const rows = [
    '| figure | app | CLI | value | goal | met | recorded |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  let met = 0;
  let total = 0;
  for (const b of chosen) {
    const r = latest(b.name);
    for (const f of b.figures) {
      total++;
      const v = r ? Number(f.value(r)) : NaN;
      const ok = r !== undefined && !Number.isNaN(v) && f.met(v);
      if (ok) met++;
      const when =
        r && typeof r.date === 'string' ? r.date.slice(0, 16).replace('T', ' ') : 'not run';
      rows.push(
        `| ${f.figure} | ${show(r && f.app(r))} | ${show(r && f.cli?.(r))} | ${show(v)} | ${f.goal} | ${r ? (ok ? 'yes' : 'no') : '—'} | ${when} |`,
      );
    }
  }
  console.log(rows.join('\n'));
  console.log(
    `\n${met} of ${total} goals met${failed.length ? `; failed to run: ${failed.join(', ')}` : ''}`,
  );
  if (failed.length) process.exitCode = 1;
}

main();
