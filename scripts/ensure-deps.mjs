// First use on a fresh clone: `npm start` and `npm test` install what they need themselves.
// `npm ci` runs when node_modules is missing or older than package-lock.json (npm writes
// node_modules/.package-lock.json at the end of every install). Node built-ins only: this runs
// before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function depsStale(root = process.cwd()) {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules is missing';
  if (statSync(installed).mtimeMs < statSync(lock).mtimeMs)
    return 'node_modules is older than package-lock.json';
  return undefined;
}

/** Runs `npm ci` when needed; exits with npm's code when it fails. */
export function ensureDeps(root = process.cwd()) {
  const why = depsStale(root);
  if (!why) return;
  console.error(`${why}: running npm ci first (once).`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error('npm ci failed: see above.');
    process.exit(r.status ?? 1);
  }
}

const SOURCES = ['contract', 'main', 'preload', 'renderer', 'package-lock.json', 'vite.config.mts'];

function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path))
    if (e !== 'node_modules') max = Math.max(max, newest(join(path, e)));
  return max;
}

/** The build is missing, or a source file is newer than it: `npm start` builds first. */
export function buildStale(root, dist) {
  const built = statSync(join(root, dist, 'main', 'web.cjs'), { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((s) => newest(join(root, s)) > built.mtimeMs);
}
