import { beforeAll, describe, expect, it, vi } from 'vitest';

import { isIpcChannel } from '../../shared/ipc';
import type { AppBridge, IpcChannel } from '../../shared/ipc';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string) => ({ channel })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn(),
    postMessage: vi.fn(),
  },
}));

vi.mock('electron', () => electron);

// Exhaustive by type: adding an operation to AppBridge without listing its channel here fails tsc.
const CHANNEL_OF: Record<keyof AppBridge, IpcChannel> = {
  saveFile: 'file:save',
  showPrintDialog: 'print:show-dialog',
  savePdf: 'print:save-pdf',
  writeBackup: 'backup:write',
  chooseBackupFolder: 'backup:choose-folder',
  getBackupFolder: 'backup:get-folder',
  listBackups: 'backup:list',
  openDataFolder: 'app:open-data-folder',
  appInfo: 'app:info',
  openAttachment: 'attachment:open',
  setSyncHub: 'sync:set-hub',
};

const SAMPLE_REQUEST: Partial<Record<keyof AppBridge, unknown>> = {
  saveFile: { suggestedName: '台账.xlsx', data: new Uint8Array([1]) },
  showPrintDialog: { pageSize: 'A4' },
  savePdf: { suggestedName: '请假单.pdf' },
  writeBackup: { fileName: 'xinfang-backup-20240101-080000.json', data: new Uint8Array([2]) },
  openAttachment: { name: '来信扫描件.pdf', data: new Uint8Array([3]) },
  setSyncHub: { url: 'http://192.168.1.10:5984' },
};

let exposedName: unknown;
let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('./index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  [exposedName, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
    string,
    Record<string, unknown>,
  ];
});

describe('preload bridge', () => {
  it('is exposed as window.api', () => {
    expect(exposedName).toBe('api');
  });

  it('exposes exactly the AppBridge operations, all of them functions', () => {
    expect(Object.keys(exposed).sort()).toEqual(Object.keys(CHANNEL_OF).sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    const leaked = Object.values(exposed).filter(
      (value) =>
        value === electron.ipcRenderer || Object.values(electron.ipcRenderer).includes(value as never),
    );
    expect(leaked).toEqual([]);
    expect(Object.keys(exposed)).not.toContain('ipcRenderer');
    expect(Object.keys(exposed)).not.toContain('invoke');
  });

  it.each(Object.entries(CHANNEL_OF))(
    '%s invokes %s with exactly one request',
    async (operation, channel) => {
      electron.ipcRenderer.invoke.mockClear();
      const req = SAMPLE_REQUEST[operation as keyof AppBridge];
      const call = exposed[operation] as (...args: unknown[]) => Promise<unknown>;
      // Extra arguments from the page are not passed on.
      const result = await (req === undefined ? call('extra') : call(req, 'extra'));
      expect(isIpcChannel(channel)).toBe(true);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, req ?? {});
      expect(result).toEqual({ channel });
    },
  );

  it('uses invoke only: no fire-and-forget or synchronous channels', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
