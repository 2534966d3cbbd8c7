// The Chinese application menu. Nothing in it reaches the network; Print prints the focused page.

import { app, BrowserWindow, dialog, Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

import { openDataFolder } from './app-info';
import { ABOUT, APP_TITLE, MENU } from './labels';

export type MenuOptions = {
  isPackaged: boolean;
  onPrint: () => void;
  onAbout: () => void;
  onOpenDataFolder: () => void;
};

export function menuTemplate({
  isPackaged,
  onPrint,
  onAbout,
  onOpenDataFolder,
}: MenuOptions): MenuItemConstructorOptions[] {
  const viewItems: MenuItemConstructorOptions[] = [
    { label: MENU.reload, role: 'reload' },
    { type: 'separator' },
    { label: MENU.resetZoom, role: 'resetZoom' },
    { label: MENU.zoomIn, role: 'zoomIn' },
    { label: MENU.zoomOut, role: 'zoomOut' },
    { type: 'separator' },
    { label: MENU.fullscreen, role: 'togglefullscreen' },
  ];
  // Developer tools only in development: in the office build they would open the database to anyone.
  if (!isPackaged) viewItems.push({ type: 'separator' }, { label: MENU.devTools, role: 'toggleDevTools' });

  return [
    {
      label: MENU.file,
      submenu: [
        { label: MENU.print, accelerator: 'CmdOrCtrl+P', click: () => onPrint() },
        { type: 'separator' },
        { label: MENU.quit, role: 'quit' },
      ],
    },
    {
      label: MENU.edit,
      submenu: [
        { label: MENU.undo, role: 'undo' },
        { label: MENU.redo, role: 'redo' },
        { type: 'separator' },
        { label: MENU.cut, role: 'cut' },
        { label: MENU.copy, role: 'copy' },
        { label: MENU.paste, role: 'paste' },
        { label: MENU.selectAll, role: 'selectAll' },
      ],
    },
    { label: MENU.view, submenu: viewItems },
    {
      label: MENU.help,
      submenu: [
        { label: MENU.about, click: () => onAbout() },
        { label: MENU.openDataFolder, click: () => onOpenDataFolder() },
      ],
    },
  ];
}

function printFocusedPage(): void {
  BrowserWindow.getFocusedWindow()?.webContents.print({ silent: false, printBackground: true });
}

async function showAbout(): Promise<void> {
  const options = {
    type: 'info' as const,
    title: ABOUT.title,
    message: APP_TITLE,
    detail: ABOUT.detail(app.getVersion()),
    buttons: [ABOUT.ok],
  };
  const owner = BrowserWindow.getFocusedWindow();
  if (owner) await dialog.showMessageBox(owner, options);
  else await dialog.showMessageBox(options);
}

export function installMenu(): void {
  const template = menuTemplate({
    isPackaged: app.isPackaged,
    onPrint: printFocusedPage,
    onAbout: () => void showAbout(),
    onOpenDataFolder: () => void openDataFolder(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
