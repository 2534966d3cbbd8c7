// Session-wide hardening: no permission is ever granted (camera, notifications, clipboard-read,
// geolocation, ...) and no request may leave the machine. The app is offline by design; the only
// network traffic allowed is the electron-vite dev server in development.

import type { Session } from 'electron';

import { isAppUrl } from './origin';

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export function isBlockedRequest(url: string, devUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (!NETWORK_SCHEMES.has(parsed.protocol)) return false;
  if (!devUrl) return true;
  // The dev server's HMR socket uses ws(s):// on the same host and port.
  const asHttp = parsed.protocol.startsWith('ws') ? url.replace(/^ws/, 'http') : url;
  return !isAppUrl(asHttp, devUrl);
}

export function hardenSession(ses: Session, devUrl?: string): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: isBlockedRequest(details.url, devUrl) }),
  );
}
