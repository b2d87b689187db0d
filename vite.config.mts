import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { BOOT_WATCHDOG, BOOT_WATCHDOG_CSP } from './contract/boot-watchdog';

/** The boot watchdog inline, first in <head>, and its hash in index.html's CSP. */
function bootWatchdog(): Plugin {
  return {
    name: 'porthole-boot-watchdog',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace("script-src 'self';", `script-src 'self' ${BOOT_WATCHDOG_CSP};`)
          .replace('<title>Porthole</title>', `$&\n    <script>${BOOT_WATCHDOG}</script>`),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), bootWatchdog()],
  // One stylesheet, linked from index.html (ensureStyles.ts fetches it again if it is cut off);
  // screens' CSS is small.
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    cssCodeSplit: false,
    // Everything the first screen loads in one file (#19's cold start): it came as 17 chunks
    // (rolldown splits out each module the entry shares with a lazy screen), and their
    // requests kept the page from running its code for ~110 ms longer. Screens not first
    // shown still load on demand.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } },
    },
  },
});
