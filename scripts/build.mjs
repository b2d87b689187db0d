// Builds the three bundles: renderer (Vite), main for web mode and Electron, preload (esbuild).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
};

// PORTHOLE_DIST_DIR lets parallel work trees build side by side (default dist/).
const out = process.env.PORTHOLE_DIST_DIR ?? 'dist';

await Promise.all([
  vite({
    configFile: 'vite.config.mts',
    logLevel: 'warn',
    build: { outDir: `../${out}/renderer`, emptyOutDir: true },
  }),
  // Runtime dependencies stay in node_modules (dockerode's optional native parts load lazily).
  esbuild({
    ...common,
    entryPoints: { web: 'main/web-main.ts', electron: 'main/electron-main.ts' },
    outdir: `${out}/main`,
    outExtension: { '.js': '.cjs' },
    packages: 'external',
  }),
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  esbuild({
    ...common,
    entryPoints: { index: 'preload/index.ts' },
    outdir: `${out}/preload`,
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
console.log(`built ${out}/renderer, ${out}/main, ${out}/preload`);
