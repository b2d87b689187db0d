// `npm start`: Electron when its binary is installed, otherwise (or with --web) web mode, which
// prints `Porthole web UI: http://127.0.0.1:PORT/?token=TOKEN`. Other flags pass through
// (--port N, --no-open).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const root = process.cwd();
const dist = process.env.PORTHOLE_DIST_DIR ?? 'dist';

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
