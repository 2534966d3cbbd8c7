// What the plain-browser builds of the renderer share (vite.web.config.ts, vite.bench.config.ts):
// the same renderer root and plugins, relative paths, and ES-module workers.
import react from '@vitejs/plugin-react';
import type { BuildOptions, UserConfig } from 'vite';

export function browserBuild(build: BuildOptions): UserConfig {
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    // The export worker (export/xlsx.worker.ts) is an ES module, as the app's own chunks are.
    worker: { format: 'es' },
    build: { emptyOutDir: true, ...build },
  };
}
