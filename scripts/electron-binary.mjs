// Finds the Electron binary that `npm install` normally downloads into node_modules/electron/dist.
// On this network the download is blocked, so `npm start` must say so plainly instead of crashing.
import { existsSync as defaultExistsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The path of the Electron executable, or null when it is not installed.
 * `require('electron')` returns that path from node, but throws when dist/ (path.txt) is missing,
 * and the path it returns may still point at a binary that is not there.
 * @param {{ require?: (id: string) => unknown, existsSync?: (path: string) => boolean }} [deps]
 * @returns {string | null}
 */
export function findElectronBinary(deps = {}) {
  const load = deps.require ?? createRequire(import.meta.url);
  const existsSync = deps.existsSync ?? defaultExistsSync;
  let binary;
  try {
    binary = load('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && binary !== '' && existsSync(binary) ? binary : null;
}

export const MISSING_ELECTRON_MESSAGE = `
未安装 Electron 程序文件，无法启动桌面版。
The Electron binary is not installed, so the desktop app cannot start.

原因 / Why:
  Electron 的程序文件在安装依赖时需要从 GitHub 或 npm 镜像的二进制文件服务器另外下载，
  而本机所在网络不允许访问这些地址。
  The Electron binary is downloaded separately from GitHub (or an npm mirror's binary host)
  during "npm install", and this network does not allow that download.

获取方法（任选其一）/ How to get it (any one of these):
  1. 设置内部镜像后重新安装 Electron / Point ELECTRON_MIRROR at an internal mirror, then reinstall:
       ELECTRON_MIRROR=http://<内部镜像地址>/electron/ npm rebuild electron
     或 / or:
       ELECTRON_MIRROR=http://<内部镜像地址>/electron/ node node_modules/electron/install.js
     (Windows PowerShell: $env:ELECTRON_MIRROR="http://<内部镜像地址>/electron/"; npm rebuild electron)
  2. 从其他电脑复制同版本 Electron 的 dist 文件夹到 node_modules/electron/dist，
     并在 node_modules/electron/path.txt 写入可执行文件名（Windows: electron.exe，Linux: electron）。
     Copy the dist folder of the same Electron version from another machine into
     node_modules/electron/dist and write the executable's name (electron.exe on Windows,
     electron on Linux) into node_modules/electron/path.txt.

不装 Electron 也能使用 / Without Electron, the same app runs in a browser:
  npm run start:web
  然后用浏览器打开 / then open  http://127.0.0.1:5199/
`;
