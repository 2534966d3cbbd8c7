// A stand-in for the `electron` module in unit tests (the Electron binary is not needed to run them).
// Use it with: vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron)
// and drive or inspect the fakes exported here directly.

import { EventEmitter } from 'node:events';

import { vi } from 'vitest';

export type FakeNavigationEvent = { url: string; defaultPrevented: boolean; preventDefault(): void };

export function navigationEvent(url: string): FakeNavigationEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  print = vi.fn((_options: unknown, callback?: (success: boolean, failureReason: string) => void) => {
    callback?.(true, '');
  });
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static fromWebContents = vi.fn((_contents: unknown): FakeBrowserWindow | null => null);
  static getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);

  webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);

  constructor(public readonly options: unknown) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export const fakePaths: Record<string, string> = {
  userData: '/fake/userData',
  documents: '/fake/documents',
  temp: '/fake/temp',
  exe: '/fake/install/xinfang-office',
};

export const fakeApp = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getPath: vi.fn((name: string) => {
    const value = fakePaths[name];
    if (value === undefined) throw new Error(`fake app.getPath: no path for ${name}`);
    return value;
  }),
  getVersion: vi.fn(() => '0.1.0'),
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
  setAppUserModelId: vi.fn(),
  commandLine: { appendSwitch: vi.fn() },
});

export const fakeDialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
};

export const fakeIpcMain = { handle: vi.fn(), removeHandler: vi.fn() };

export const fakeSession = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
  webRequest: { onBeforeRequest: vi.fn() },
};

// The sync hub's own session (session.fromPartition, electron/main/hub.ts).
export const fakeHubSession = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
  webRequest: { onBeforeRequest: vi.fn() },
  fetch: vi.fn(async (_url: string, _init?: RequestInit) => new Response('{}')),
};

export const fakeElectron = {
  app: fakeApp,
  BrowserWindow: FakeBrowserWindow,
  dialog: fakeDialog,
  ipcMain: fakeIpcMain,
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: fakeSession, fromPartition: vi.fn((_partition: string) => fakeHubSession) },
  shell: { openPath: vi.fn(async (_path: string) => '') },
};

// An IpcMainInvokeEvent-shaped object whose frame sits at frameUrl (null: no frame).
export function invokeEvent(frameUrl: string | null, sender: FakeWebContents = new FakeWebContents()) {
  return { senderFrame: frameUrl === null ? null : { url: frameUrl }, sender } as never;
}
