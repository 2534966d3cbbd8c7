import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import 'electron';

import { IPC_CHANNELS } from '../../shared/ipc';
import {
  fakeApp,
  fakeElectron,
  fakeHubSession,
  fakePaths,
  fakeSession,
  FakeBrowserWindow,
  FakeWebContents,
} from '../test-support/fake-electron';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

// index.ts runs at import, so each test imports a fresh copy after arranging the fakes. The mocked
// `electron` module is created once (by the import above) and survives vi.resetModules().
async function loadEntry(): Promise<void> {
  vi.resetModules();
  await import('./index');
}

beforeEach(() => {
  vi.clearAllMocks();
  fakeApp.removeAllListeners();
  fakeApp.isPackaged = true;
  FakeBrowserWindow.instances = [];
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('main-process entry', () => {
  it('quits at once, touching nothing, when another instance holds the lock', async () => {
    fakeApp.requestSingleInstanceLock.mockReturnValueOnce(false);
    await loadEntry();
    expect(fakeApp.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fakeApp.quit).toHaveBeenCalledOnce();
    expect(fakeApp.whenReady).not.toHaveBeenCalled();
    expect(fakeApp.commandLine.appendSwitch).not.toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fakeElectron.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('registers the app:// scheme before ready, then builds the hardened app once ready', async () => {
    let ready!: () => void;
    fakeApp.whenReady.mockReturnValueOnce(new Promise<void>((resolve) => (ready = resolve)));
    await loadEntry();

    expect(fakeApp.quit).not.toHaveBeenCalled();
    // the zh-CN locale, whatever the Windows language: set before ready, where Chromium reads it
    expect(fakeApp.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'zh-CN');
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(fakeElectron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    ready();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(fakeSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fakeSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fakeElectron.ipcMain.handle.mock.calls.map(([channel]) => channel as string)).toEqual([
      ...IPC_CHANNELS,
    ]);
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledOnce();

    const [window] = FakeBrowserWindow.instances;
    const { webPreferences } = window.options as { webPreferences: { preload: string; sandbox: boolean } };
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.preload.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it("forwards app://app/__hub__/… through the hub's own hardened session, to the hub set on 'sync:set-hub'", async () => {
    await loadEntry();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(fakeElectron.session.fromPartition).toHaveBeenCalledExactlyOnceWith('xinfang-sync-hub');
    expect(fakeHubSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fakeHubSession.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    // the default session still lets nothing leave the machine
    expect(fakeSession.webRequest.onBeforeRequest).toHaveBeenCalledOnce();

    const serve = fakeElectron.protocol.handle.mock.calls[0][1] as (request: Request) => Promise<Response>;
    const setHub = new Map(
      fakeElectron.ipcMain.handle.mock.calls as [string, (event: unknown, ...args: unknown[]) => unknown][],
    ).get('sync:set-hub');
    expect((await serve(new Request('app://app/__hub__/xinfang'))).status).toBe(404);
    await expect(
      setHub?.({ senderFrame: { url: 'app://app/index.html' } }, { url: 'http://192.168.1.10:5984' }),
    ).resolves.toEqual({ ok: true });
    expect((await serve(new Request('app://app/__hub__/xinfang'))).status).toBe(200);
    expect(fakeHubSession.fetch).toHaveBeenCalledExactlyOnceWith(
      'http://192.168.1.10:5984/xinfang',
      expect.objectContaining({ method: 'GET' }),
    );
    await setHub?.({ senderFrame: { url: 'app://app/index.html' } }, { url: '' });
  });

  it('brings the existing window forward when a second copy is started', async () => {
    await loadEntry();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const [window] = FakeBrowserWindow.instances;
    window.isMinimized.mockReturnValueOnce(true);
    fakeApp.emit('second-instance');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('ignores ELECTRON_RENDERER_URL in the packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    await loadEntry();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(FakeBrowserWindow.instances[0].loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('loads the dev server in development', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    fakeApp.isPackaged = false;
    await loadEntry();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(FakeBrowserWindow.instances[0].loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('denies pop-ups in any web contents created later', async () => {
    await loadEntry();
    const contents = new FakeWebContents();
    fakeApp.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('removes the temporary copies of opened attachments at start and when quitting', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'xinfang-index-test-'));
    fakePaths.temp = root;
    try {
      const copies = path.join(root, 'xinfang-office-attachments');
      await mkdir(copies, { recursive: true });
      await loadEntry();
      await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
      expect(existsSync(copies)).toBe(false);
      await mkdir(path.join(copies, 'x'), { recursive: true });
      fakeApp.emit('will-quit');
      expect(existsSync(copies)).toBe(false);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('quits when the window is closed', async () => {
    await loadEntry();
    fakeApp.emit('window-all-closed');
    expect(fakeApp.quit).toHaveBeenCalledOnce();
  });
});
