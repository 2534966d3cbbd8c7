// The same renderer, built for a plain browser (browser mode and end-to-end tests).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The export worker (export/xlsx.worker.ts) is an ES module, as the app's own chunks are.
  worker: { format: 'es' },
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
