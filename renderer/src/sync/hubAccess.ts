// How this PC reaches the hub. The browser mode connects to it directly (its server's
// Content-Security-Policy names the hub). The desktop app's page may connect only to itself
// (connect-src 'self'): it tells the main process the hub ('sync:set-hub') and sends each request
// to app://app/__hub__/<path>, which main forwards to the hub's /<path> (electron/main/hub.ts).
// PouchDB keeps its http://hub/xinfang URL and is given a fetch that rewrites it.
import { SYNC_HUB_PATH } from '../../../shared/ipc';
import { isDesktop, platform } from '../platform';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

// Where the desktop app's main process answers for the hub.
export const FORWARDED_HUB_BASE = `app://app${SYNC_HUB_PATH}`;
// The hub a forwarded request is meant for (main refuses it when another is set).
export const HUB_HEADER = 'x-xinfang-sync-hub';

// A URL on the hub at origin as the same path and query under base; null for any other URL.
export function forwardedHubUrl(
  url: string,
  origin: string,
  base: string = FORWARDED_HUB_BASE,
): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.origin !== origin || u.username || u.password) return null;
  return `${base}${u.pathname}${u.search}`;
}

// A fetch for the hub at origin that goes through base instead; a URL elsewhere fails as a network
// error would (it is never sent anywhere).
export function hubFetch(
  origin: string,
  fetchImpl: FetchLike = (url, init) => fetch(url, init),
  base: string = FORWARDED_HUB_BASE,
): FetchLike {
  return (url, init) => {
    const target = forwardedHubUrl(String(url), origin, base);
    if (!target) return Promise.reject(new TypeError(`not the sync hub: ${String(url)}`));
    // main refuses it if another hub is set meanwhile (electron/main/hub.ts)
    const headers = new Headers(init?.headers);
    headers.set(HUB_HEADER, origin);
    return fetchImpl(target, { ...init, headers });
  };
}

export type HubAccess = {
  origin: string;
  // true in the desktop app: pass `fetch` to PouchDB (new PouchDB(hubDbUrl(…), { fetch }))
  forwarded: boolean;
  fetch: FetchLike;
};

export const HUB_REFUSED = '本机程序拒绝了该同步中心地址（应为 http://地址:端口）';

// The way to the hub at origin (an address normaliseHubUrl accepted). In the desktop app the main
// process is told it first; a refusal there throws.
export async function hubAccess(origin: string, desktop: boolean = isDesktop): Promise<HubAccess> {
  if (!desktop) return { origin, forwarded: false, fetch: (url, init) => fetch(url, init) };
  const { ok } = await platform.setSyncHub({ url: origin });
  if (!ok) throw new Error(HUB_REFUSED);
  return { origin, forwarded: true, fetch: hubFetch(origin) };
}

// Sync switched off: the desktop app's main process forgets the hub (app://app/__hub__ answers 404).
export async function forgetHub(desktop: boolean = isDesktop): Promise<void> {
  if (desktop) await platform.setSyncHub({ url: '' });
}
