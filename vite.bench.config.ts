// The benchmark page (renderer/bench.html): the product's own modules driven in real Chromium and
// IndexedDB by scripts/bench.mjs. Built to out/bench, served beside out/web on the same origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The export worker (export/xlsx.worker.ts) is an ES module, as the app's own chunks are.
  worker: { format: 'es' },
  build: {
    outDir: '../out/bench',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: { input: { bench: 'renderer/bench.html' } },
  },
});
