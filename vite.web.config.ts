// The same renderer, built for a plain browser (browser mode and end-to-end tests).
import { defineConfig } from 'vite';

import { browserBuild } from './vite.base.config';

export default defineConfig(browserBuild({ outDir: '../out/web', chunkSizeWarningLimit: 1500 }));
