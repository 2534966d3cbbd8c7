// npm start — build with electron-vite and run the desktop app; if the Electron binary is missing
// (its download is blocked on this network), explain how to get it and exit 1 without a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import { findElectronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';

const electron = findElectronBinary();
if (!electron) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

// Same as `npx electron-vite build`, but runs the CLI with this node directly: no shell, no reliance
// on node_modules/.bin shims (which may lack the execute bit on a copied node_modules).
const require = createRequire(import.meta.url);
const electronVite = path.join(
  path.dirname(require.resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
);
const build = spawnSync(process.execPath, [electronVite, 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(electron, ['.'], { stdio: 'inherit' });
app.on('error', (error) => {
  console.error(`无法启动 Electron / Could not start Electron: ${error.message}`);
  process.exit(1);
});
app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
