// 'app:info' and 'app:open-data-folder': what the About box and the settings screen show.

import { app, shell } from 'electron';

import type { AppInfo } from '../../shared/ipc';

import type { IpcHandlers } from './ipc';

export function appInfo(): AppInfo {
  return {
    mode: 'desktop',
    version: app.getVersion(),
    platform: process.platform,
    dataPath: app.getPath('userData'),
  };
}

// shell.openPath resolves to an error message, or '' when the folder opened.
export async function openDataFolder(): Promise<{ ok: boolean }> {
  return { ok: (await shell.openPath(app.getPath('userData'))) === '' };
}

export const appHandlers: Pick<IpcHandlers, 'app:info' | 'app:open-data-folder'> = {
  'app:info': () => appInfo(),
  'app:open-data-folder': () => openDataFolder(),
};
