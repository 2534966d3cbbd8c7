// The bridge between the sandboxed page and the main process, exposed as window.api.
// What may cross: one function per AppBridge operation, each sending one plain request on its own
// channel of shared/ipc.ts and returning the main process's answer. What may not: ipcRenderer
// itself, event objects, listeners, Node or Electron APIs, arbitrary channel names.
// Bundled as CommonJS (out/preload/index.cjs); a sandboxed preload may only require('electron'),
// so the only other thing it uses is shared/ipc's contract, which imports nothing and is bundled in.

import { contextBridge, ipcRenderer } from 'electron';

import { IPC } from '../../shared/ipc';
import type { AppBridge } from '../../shared/ipc';

// One function per operation of the contract, each sending its one request on its own channel.
const bridge = Object.fromEntries(
  Object.entries(IPC).map(([operation, c]) => [
    operation,
    c.empty ? () => ipcRenderer.invoke(c.name, {}) : (req: unknown) => ipcRenderer.invoke(c.name, req),
  ]),
) as AppBridge;

contextBridge.exposeInMainWorld('api', bridge);
