// npm run start:web — build the renderer for a plain browser and serve it until stopped.
import { spawnSync } from 'node:child_process';

import { serveStatic } from './serve.mjs';

const port = Number(process.env.PORT ?? 5199);
const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);
// XINFANG_HUB=http://192.168.1.10:5984: the sync hub this browser mode may connect to (多机同步)
await serveStatic('out/web', port, '127.0.0.1', { hub: process.env.XINFANG_HUB });
console.log(
  `\n浏览器模式已启动：http://127.0.0.1:${port}/  （数据保存在该浏览器的 IndexedDB 中；按 Ctrl+C 停止）`,
);
console.log(`Browser mode running at http://127.0.0.1:${port}/ (press Ctrl+C to stop)`);
