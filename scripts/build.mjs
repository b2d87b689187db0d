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

/**
 * Start-up time (#19): dependencies are bundled into main (no module resolution at launch), and
 * the parts of them that only some users need load on first use — dockerode's BuildKit session
 * (gRPC and protobuf: about a third of a launch) and docker-modem's SSH agent (ssh2). They stay
 * outside the bundle and are required when called. The BuildKit modules read .proto files next
 * to themselves, so they must run from node_modules; ssh2 has optional native and wasm parts.
 */
const lazyParts = {
  name: 'lazy-parts',
  setup(b) {
    const lazy = { session: 'dockerode/lib/session', ssh: 'docker-modem/lib/ssh' };
    b.onResolve({ filter: /^\.\/(session|ssh|buildkit)$/ }, ({ path, importer }) => {
      const part = path.slice(2);
      if (part === 'buildkit' && importer.includes('/dockerode/lib/'))
        return { path: 'dockerode/lib/buildkit', external: true }; // required inside a function
      if (part === 'session' && !importer.includes('/dockerode/lib/')) return undefined;
      if (part === 'ssh' && !importer.includes('/docker-modem/lib/')) return undefined;
      return { path: lazy[part], namespace: 'lazy-part' };
    });
    // Both modules export one function: a stand-in that requires the real one when called.
    b.onLoad({ filter: /.*/, namespace: 'lazy-part' }, ({ path }) => ({
      contents: `module.exports = function () { return require(${JSON.stringify(path)}).apply(this, arguments); };`,
      resolveDir: process.cwd(),
    }));
  },
};
const external = [
  'electron',
  'electron-updater',
  'ssh2',
  'cpu-features',
  '@grpc/*',
  'protobufjs',
  'bufferutil',
  'utf-8-validate',
  'dockerode/lib/session',
  'docker-modem/lib/ssh',
];

// PORTHOLE_DIST_DIR lets parallel work trees build side by side (default dist/).
const out = process.env.PORTHOLE_DIST_DIR ?? 'dist';

await Promise.all([
  vite({
    configFile: 'vite.config.mts',
    logLevel: 'warn',
    build: { outDir: `../${out}/renderer`, emptyOutDir: true },
  }),
  esbuild({
    ...common,
    // web.cjs is a small launcher that runs web-core.cjs from V8's code cache (main/code-cache.ts).
    entryPoints: {
      web: 'main/web-launch.ts',
      'web-core': 'main/web-main.ts',
      electron: 'main/electron-main.ts',
    },
    outdir: `${out}/main`,
    outExtension: { '.js': '.cjs' },
    external,
    plugins: [lazyParts],
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
