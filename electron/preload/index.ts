// The bridge between the sandboxed page and the main process, exposed as window.api.
// What may cross: one function per AppBridge operation, each sending one plain request on its own
// channel of shared/ipc.ts and returning the main process's answer. What may not: ipcRenderer
// itself, event objects, listeners, Node or Electron APIs, arbitrary channel names.
// Bundled as CommonJS (out/preload/index.cjs); a sandboxed preload may only require('electron'),
// so this file imports nothing else at run time (shared/ipc is imported for types only).

import { contextBridge, ipcRenderer } from 'electron';

import type { AppBridge, IpcChannel, IpcRequest, IpcResponse } from '../../shared/ipc';

function invoke<C extends IpcChannel>(channel: C, req: IpcRequest<C>): Promise<IpcResponse<C>> {
  return ipcRenderer.invoke(channel, req) as Promise<IpcResponse<C>>;
}

const bridge = {
  saveFile: (req) => invoke('file:save', req),
  showPrintDialog: (req) => invoke('print:show-dialog', req),
  savePdf: (req) => invoke('print:save-pdf', req),
  writeBackup: (req) => invoke('backup:write', req),
  chooseBackupFolder: () => invoke('backup:choose-folder', {}),
  getBackupFolder: () => invoke('backup:get-folder', {}),
  listBackups: () => invoke('backup:list', {}),
  openDataFolder: () => invoke('app:open-data-folder', {}),
  appInfo: () => invoke('app:info', {}),
  openAttachment: (req) => invoke('attachment:open', req),
} satisfies AppBridge;

contextBridge.exposeInMainWorld('api', bridge);
