// What counts as "the app itself": the built renderer served on app://app, or, in development only,
// the electron-vite dev server. Window navigation, IPC sender checks and request blocking all use
// this one definition.

export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

// electron-vite sets ELECTRON_RENDERER_URL in `electron-vite dev`. A packaged app ignores it, and only a
// loopback http(s) address is accepted, so an environment variable can never point the window at
// remote content.
export function devRendererUrl(envValue: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !envValue) return undefined;
  const url = parseUrl(envValue);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
    return undefined;
  }
  return url.href;
}

// Node's URL gives non-special schemes (app:) the opaque origin "null", so compare scheme and host
// rather than URL.origin.
export function isAppUrl(value: string, devUrl?: string): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (!devUrl || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  const dev = parseUrl(devUrl);
  return dev !== null && dev.origin === url.origin;
}
