// Main-process entry: one instance only, the app:// scheme, the hardened session and window, the
// menu and the IPC handlers. Everything that must happen before 'ready' (scheme registration, the
// single-instance lock) runs synchronously at load; the rest waits for whenReady().

import path from 'node:path';

import { app, session } from 'electron';
import type { BrowserWindow } from 'electron';

import { appHandlers } from './app-info';
import { attachmentHandlers, clearAttachmentCopies } from './attachments';
import { backupHandlers } from './backup';
import { fileHandlers } from './files';
import {
  createHubForwarder,
  hardenHubSession,
  HUB_SESSION_PARTITION,
  hubHandlers,
  syncHubOrigin,
} from './hub';
import { registerIpc } from './ipc';
import type { IpcHandlers } from './ipc';
import { installMenu } from './menu';
import { devRendererUrl } from './origin';
import { printHandlers } from './print';
import { registerAppScheme, serveApp } from './protocol';
import { hardenSession } from './session';
import { createMainWindow } from './window';

export const APP_USER_MODEL_ID = 'cn.gov.xinning.xinfang.office';

// The bundle lives in out/main/index.js; its siblings are out/preload and out/renderer.
const outDir = path.resolve(import.meta.dirname, '..');
const preloadPath = path.join(outDir, 'preload', 'index.cjs');
const rendererRoot = path.join(outDir, 'renderer');

const handlers: IpcHandlers = {
  ...fileHandlers,
  ...printHandlers,
  ...backupHandlers,
  ...appHandlers,
  ...attachmentHandlers,
  ...hubHandlers,
};

function bringToFront(target: BrowserWindow | null): void {
  if (!target || target.isDestroyed()) return;
  if (target.isMinimized()) target.restore();
  target.show();
  target.focus();
}

export function startMainProcess(): void {
  // Two processes on one IndexedDB corrupt it: a second launch only brings the first one forward.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const devUrl = devRendererUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  // Chinese whatever the Windows language: the window's locale (navigator.language, the spelling
  // checker, Chromium's own dialogs and context menu) is zh-CN. Only takes effect before 'ready'.
  app.commandLine.appendSwitch('lang', 'zh-CN');
  registerAppScheme();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => bringToFront(mainWindow));
  app.on('window-all-closed', () => app.quit());
  // Temporary copies of opened attachments (informant scans among them) do not outlive the app.
  app.on('will-quit', () => clearAttachmentCopies());
  // Belt and braces for any other web contents: no pop-ups, no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    clearAttachmentCopies();
    hardenSession(session.defaultSession, devUrl);
    // The sync hub's requests leave through a session of their own (in memory), which admits only
    // the hub set on 'sync:set-hub'; the default session still lets nothing leave the machine.
    const hubSession = session.fromPartition(HUB_SESSION_PARTITION);
    hardenHubSession(hubSession, syncHubOrigin);
    serveApp(
      rendererRoot,
      createHubForwarder(syncHubOrigin, (url, init) => hubSession.fetch(url, init)),
    );
    registerIpc(handlers, { devUrl });
    installMenu();
    mainWindow = createMainWindow({ preloadPath, devUrl });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

startMainProcess();
