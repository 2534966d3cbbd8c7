// The main window and the navigation rules of every web page the app shows (Electron security
// checklist: isolation, sandbox, no Node in the page, no new windows, no navigation away, no webviews).

import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

import { APP_TITLE } from './labels';
import { APP_ENTRY_URL, isAppUrl } from './origin';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    width: 1360,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // webSecurity and allowRunningInsecureContent are deliberately left at their secure defaults.
    },
  };
}

// Applied to the main window and, through app 'web-contents-created', to any other web contents.
export function hardenWebContents(contents: WebContents, devUrl?: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const keepInsideApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, devUrl)) event.preventDefault();
  };
  contents.on('will-navigate', keepInsideApp);
  contents.on('will-frame-navigate', keepInsideApp);
  contents.on('will-redirect', keepInsideApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export type MainWindowOptions = { preloadPath: string; devUrl?: string };

export function createMainWindow({ preloadPath, devUrl }: MainWindowOptions): BrowserWindow {
  const mainWindow = new BrowserWindow(windowOptions(preloadPath));
  hardenWebContents(mainWindow.webContents, devUrl);
  mainWindow.once('ready-to-show', () => mainWindow.show());
  // The page's <title> must not replace the product name in the title bar.
  mainWindow.on('page-title-updated', (event) => event.preventDefault());
  void mainWindow.loadURL(devUrl ?? APP_ENTRY_URL);
  return mainWindow;
}
