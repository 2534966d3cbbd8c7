import { beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeSession } from '../test-support/fake-electron';

import { hardenSession, isBlockedRequest } from './session';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

describe('hardenSession', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    hardenSession(fakeSession as never);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies the permission request %s', (permission) => {
    const handler = fakeSession.setPermissionRequestHandler.mock.calls[0][0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    handler({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers every permission check and device request with no', () => {
    const check = fakeSession.setPermissionCheckHandler.mock.calls[0][0] as (...args: unknown[]) => boolean;
    expect(check({}, 'clipboard-read', 'app://app', {})).toBe(false);
    expect(check(null, 'media', 'app://app', {})).toBe(false);
    const device = fakeSession.setDevicePermissionHandler.mock.calls[0][0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://app' })).toBe(false);
  });

  it('cancels requests that would leave the machine', () => {
    const [filter, listener] = fakeSession.webRequest.onBeforeRequest.mock.calls[0] as [
      { urls: string[] },
      (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ];
    expect(filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    const callback = vi.fn();
    listener({ url: 'https://cdn.example.com/font.woff2' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('isBlockedRequest', () => {
  it('blocks any network URL in the packaged app', () => {
    expect(isBlockedRequest('https://example.com/')).toBe(true);
    expect(isBlockedRequest('http://localhost:5173/')).toBe(true);
    expect(isBlockedRequest('wss://example.com/socket')).toBe(true);
  });

  it('leaves the app scheme and data: URLs alone', () => {
    expect(isBlockedRequest('app://app/assets/index.js')).toBe(false);
    expect(isBlockedRequest('data:image/png;base64,AAAA')).toBe(false);
  });

  it('allows only the dev server (page and HMR socket) in development', () => {
    const devUrl = 'http://localhost:5173/';
    expect(isBlockedRequest('http://localhost:5173/src/main.tsx', devUrl)).toBe(false);
    expect(isBlockedRequest('ws://localhost:5173/', devUrl)).toBe(false);
    expect(isBlockedRequest('http://localhost:8080/', devUrl)).toBe(true);
    expect(isBlockedRequest('https://example.com/', devUrl)).toBe(true);
  });
});
