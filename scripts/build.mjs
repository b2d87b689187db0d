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

await Promise.all([
  vite({ configFile: 'vite.config.mts', logLevel: 'warn' }),
  // Runtime dependencies stay in node_modules (dockerode's optional native parts load lazily).
  esbuild({
    ...common,
    entryPoints: { web: 'main/web-main.ts', electron: 'main/electron-main.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
  }),
  // Sandboxed preloads may only require('electron'): everything else is bundled in.
  esbuild({
    ...common,
    entryPoints: { index: 'preload/index.ts' },
    outdir: 'dist/preload',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
console.log('built dist/renderer, dist/main, dist/preload');
