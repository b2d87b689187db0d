// `npm start`: Electron when its binary is installed, otherwise (or with --web) web mode, which
// prints `Porthole web UI: http://127.0.0.1:PORT/?token=TOKEN`. Other flags pass through
// (--port N, --no-open). On a fresh clone it installs first (npm ci), then builds, then starts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStale, ensureDeps } from './ensure-deps.mjs';

const args = process.argv.slice(2);
const root = process.cwd();
const dist = process.env.PORTHOLE_DIST_DIR ?? 'dist';

// Install and build output go to stderr: stdout stays the one URL line.
ensureDeps(root);
if (buildStale(root, dist)) {
  console.error('Building first (the build is missing or older than its sources).');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Never require('electron') to find the binary: in 45.x that starts a download and throws.
// path.txt exists only once the binary was installed.
function electronBinary() {
  const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return undefined;
  const bin = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

const electron = args.includes('--web') ? undefined : electronBinary();
const [cmd, cmdArgs] = electron
  ? [electron, [join(root, dist, 'main', 'electron.cjs'), ...args]]
  : [process.execPath, [join(root, dist, 'main', 'web.cjs'), ...args.filter((a) => a !== '--web')]];

if (!electron && !args.includes('--web')) {
  console.error('No Electron binary installed: starting web mode instead.');
}
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
