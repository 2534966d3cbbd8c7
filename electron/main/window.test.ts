import { beforeEach, describe, expect, it, vi } from 'vitest';

import { FakeBrowserWindow, FakeWebContents, navigationEvent } from '../test-support/fake-electron';

import { APP_TITLE } from './labels';
import { APP_ENTRY_URL } from './origin';
import { createMainWindow, hardenWebContents, windowOptions } from './window';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs');

  it('turns on every hardening flag of the Electron security checklist', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('never weakens web security', () => {
    expect(options.webPreferences).not.toHaveProperty('webSecurity');
    expect(options.webPreferences).not.toHaveProperty('allowRunningInsecureContent');
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures');
  });

  it('has the product title, the office size and stays hidden until ready', () => {
    expect(options).toMatchObject({
      title: '信访局机关事务管理系统',
      width: 1360,
      height: 860,
      minWidth: 1100,
      minHeight: 700,
      show: false,
    });
    expect(options.title).toBe(APP_TITLE);
  });
});

describe('hardenWebContents', () => {
  let contents: FakeWebContents;

  function navigate(eventName: string, url: string): boolean {
    const event = navigationEvent(url);
    contents.emit(eventName, event, url);
    return event.defaultPrevented;
  }

  describe('in the packaged app', () => {
    beforeEach(() => {
      contents = new FakeWebContents();
      hardenWebContents(contents as never);
    });

    it('denies every window.open and target=_blank', () => {
      expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler?.({ url: 'app://app/index.html' })).toEqual({ action: 'deny' });
    });

    it.each([
      'https://example.com/',
      'http://evil.test/app',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
    ])('prevents navigating away to %s', (url) => {
      expect(navigate('will-navigate', url)).toBe(true);
      expect(navigate('will-frame-navigate', url)).toBe(true);
      expect(navigate('will-redirect', url)).toBe(true);
    });

    it('allows navigation inside the app itself', () => {
      expect(navigate('will-navigate', 'app://app/index.html')).toBe(false);
      expect(navigate('will-navigate', 'app://app/#/petitions/42')).toBe(false);
    });

    it('refuses the dev server when not in development', () => {
      expect(navigate('will-navigate', 'http://localhost:5173/')).toBe(true);
    });

    it('prevents attaching a <webview>', () => {
      const event = navigationEvent('about:blank');
      contents.emit('will-attach-webview', event, {}, {});
      expect(event.defaultPrevented).toBe(true);
    });
  });

  it('in development allows the dev server origin and nothing else', () => {
    contents = new FakeWebContents();
    hardenWebContents(contents as never, 'http://localhost:5173/');
    expect(navigate('will-navigate', 'http://localhost:5173/#/leave')).toBe(false);
    expect(navigate('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(navigate('will-navigate', 'https://localhost:5173/')).toBe(true);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances = [];
  });

  it('builds the window from windowOptions, hardens it and loads the app', () => {
    const window = createMainWindow({ preloadPath: '/p/index.cjs' }) as unknown as FakeBrowserWindow;
    expect(window.options).toEqual(windowOptions('/p/index.cjs'));
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the dev server in development', () => {
    const window = createMainWindow({ preloadPath: '/p/index.cjs', devUrl: 'http://localhost:5173/' });
    expect((window as unknown as FakeBrowserWindow).loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });
});
