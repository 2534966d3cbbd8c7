// postinstall: fetch Electron's binary where the network allows it, and never fail the install
// where it does not (closed intranets, CI). npm 11 does not run dependencies' install scripts
// unless approved, so the project runs Electron's own downloader here, tolerantly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { findElectronBinary } from './electron-binary.mjs';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[postinstall] ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron binary not downloaded (browser mode: npm run start:web).');
  process.exit(0);
}
if (findElectronBinary()) process.exit(0);

let installer;
try {
  installer = join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0);
}
if (!existsSync(installer)) process.exit(0);
const r = spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 300_000 });
if (r.status !== 0 || !findElectronBinary()) {
  console.warn(
    '[postinstall] 未能下载 Electron 程序文件（网络不可达）。安装已完成；npm start 会说明如何获取，或使用浏览器模式 npm run start:web。\n' +
      '[postinstall] Could not download the Electron binary (network unreachable). The install is complete; ' +
      '`npm start` explains how to get it, or use the browser mode: npm run start:web.',
  );
}
process.exit(0);
