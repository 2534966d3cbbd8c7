// The benchmark page (renderer/bench.html): the product's own modules driven in real Chromium and
// IndexedDB by scripts/bench.mjs. Built to out/bench, served beside out/web on the same origin.
import { defineConfig } from 'vite';

import { browserBuild } from './vite.base.config';

export default defineConfig(
  browserBuild({
    outDir: '../out/bench',
    chunkSizeWarningLimit: 3000,
    rollupOptions: { input: { bench: 'renderer/bench.html' } },
  }),
);
