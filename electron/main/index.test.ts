import { beforeEach, describe, expect, it, vi } from 'vitest';

import { IPC_CHANNELS } from '../../shared/ipc';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

type Fake = typeof import('../test-support/fake-electron');

// index.ts runs at import, so each test loads a fresh copy (and a fresh fake Electron) after `arrange`.
async function loadEntry(arrange: (fake: Fake) => void = () => {}): Promise<Fake> {
  vi.resetModules();
  const fake = await import('../test-support/fake-electron');
  fake.fakeApp.isPackaged = true;
  arrange(fake);
  await import('./index');
  return fake;
}

beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('main-process entry', () => {
  it('quits at once, touching nothing, when another instance holds the lock', async () => {
    const { fakeApp, fakeElectron, FakeBrowserWindow } = await loadEntry(({ fakeApp }) => {
      fakeApp.requestSingleInstanceLock.mockReturnValueOnce(false);
    });
    expect(fakeApp.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fakeApp.quit).toHaveBeenCalledOnce();
    expect(fakeApp.whenReady).not.toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fakeElectron.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('registers the app:// scheme before ready, then builds the hardened app once ready', async () => {
    let ready!: () => void;
    const { fakeApp, fakeElectron, fakeSession, FakeBrowserWindow } = await loadEntry(({ fakeApp }) => {
      fakeApp.whenReady.mockReturnValueOnce(new Promise<void>((resolve) => (ready = resolve)));
    });

    expect(fakeApp.quit).not.toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(fakeElectron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    ready();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(fakeSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fakeSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fakeElectron.ipcMain.handle.mock.calls.map(([channel]) => channel as string)).toEqual([...IPC_CHANNELS]);
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledOnce();

    const [window] = FakeBrowserWindow.instances;
    const { webPreferences } = window.options as { webPreferences: { preload: string; sandbox: boolean } };
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.preload.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('brings the existing window forward when a second copy is started', async () => {
    const { fakeApp, FakeBrowserWindow } = await loadEntry();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const [window] = FakeBrowserWindow.instances;
    window.isMinimized.mockReturnValueOnce(true);
    fakeApp.emit('second-instance');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('ignores ELECTRON_RENDERER_URL in the packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const { FakeBrowserWindow } = await loadEntry();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(FakeBrowserWindow.instances[0].loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('loads the dev server in development', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const { FakeBrowserWindow } = await loadEntry(({ fakeApp }) => {
      fakeApp.isPackaged = false;
    });
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(FakeBrowserWindow.instances[0].loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('denies pop-ups in any web contents created later', async () => {
    const { fakeApp, FakeWebContents } = await loadEntry();
    const contents = new FakeWebContents();
    fakeApp.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('quits when the window is closed', async () => {
    const { fakeApp } = await loadEntry();
    fakeApp.emit('window-all-closed');
    expect(fakeApp.quit).toHaveBeenCalledOnce();
  });
});
