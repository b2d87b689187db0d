import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // One stylesheet, linked from index.html (ensureStyles.ts fetches it again if it is cut off);
  // screens' CSS is small.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, cssCodeSplit: false },
});
