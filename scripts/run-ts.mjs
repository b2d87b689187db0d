// Runs a TypeScript entry (bench scripts) on Node 20: bundles it with esbuild to a temp file.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args…]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'porthole-ts-'));
const out = join(dir, basename(entry).replace(/\.ts$/, '.cjs'));
await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [out, ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_PATH: join(process.cwd(), 'node_modules'),
    PORTHOLE_ROOT: process.cwd(),
  },
});
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
