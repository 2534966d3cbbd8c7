// The sync hub (系统 › 多机同步) for the desktop app: the page's Content-Security-Policy keeps
// connect-src 'self', so the page asks app://app/__hub__/<path> and the app:// protocol handler
// (protocol.ts) forwards it here to exactly one hub, the one the page named on 'sync:set-hub'.
// Only the method, the path and query, three headers (Authorization, Content-Type, Accept) and the
// body go out; the hub's status, headers (but cookies and hop-by-hop ones) and streamed body come
// back. The requests leave through a session of their own (in memory, no permission, nothing but
// the hub's origin): the app's default session still lets no request leave the machine.

import type { Session } from 'electron';

import { hubOrigin } from '../../shared/csp.mjs';
import { SYNC_HUB_PATH } from '../../shared/ipc';

import type { IpcHandlers } from './ipc';
import { APP_HOST, APP_SCHEME } from './origin';

export const HUB_SESSION_PARTITION = 'xinfang-sync-hub';
// The header by which the page names the hub a request is for (never passed on).
export const HUB_HEADER = 'x-xinfang-sync-hub';

// What CouchDB's protocol uses (COPY: a document copied on the server).
const METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'COPY']);
const REQUEST_HEADERS = ['authorization', 'content-type', 'accept'];
// Not passed back: the hub's cookies (the hub session keeps none), and what describes the hub's
// connection and encoding rather than the body handed on (the fetch below has already decoded it).
const DROPPED_RESPONSE_HEADERS = new Set([
  'set-cookie',
  'set-cookie2',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
  'access-control-allow-origin',
  'access-control-allow-credentials',
]);
// Statuses whose response has no body (new Response refuses one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export type HubFetch = (url: string, init: RequestInit) => Promise<Response>;

let currentHub: string | null = null;

// The hub's origin main forwards to, or null (none set, or sync off).
export function syncHubOrigin(): string | null {
  return currentHub;
}

// Sets the hub (only a plain http(s)://host[:port]); '' forgets it. An invalid address also
// forgets the previous hub and answers false.
export function setSyncHub(url: string): boolean {
  if (url === '') {
    currentHub = null;
    return true;
  }
  currentHub = hubOrigin(url);
  return currentHub !== null;
}

export const hubHandlers: Pick<IpcHandlers, 'sync:set-hub'> = {
  'sync:set-hub': ({ url }) => ({ ok: setSyncHub(url) }),
};

// Whether an app:// request is for the hub (its path is /__hub__ or under it).
export function isHubRequest(requestUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return false;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return false;
  return url.pathname === SYNC_HUB_PATH || url.pathname.startsWith(`${SYNC_HUB_PATH}/`);
}

// A segment that is, or once decoded holds, a . or .. segment (..%2f.. among them).
function hasDotSegment(segment: string): boolean {
  try {
    return decodeURIComponent(segment)
      .split('/')
      .some((part) => part === '.' || part === '..');
  } catch {
    return true;
  }
}

// The hub URL an app://app/__hub__/<path>?<query> request goes to: origin + /<path>?<query>, the
// path passed on as encoded (CouchDB document IDs may hold an encoded slash). Null for any other
// URL, a dot segment however encoded, a backslash or NUL; and the result is checked to be on the
// hub's origin, so nothing in the path can name another host.
export function hubTargetUrl(requestUrl: string, origin: string): string | null {
  if (!isHubRequest(requestUrl) || hubOrigin(origin) !== origin) return null;
  const url = new URL(requestUrl);
  const rest = url.pathname.slice(SYNC_HUB_PATH.length) || '/';
  if (/\\|%5c|%00|\0/i.test(rest) || rest.split('/').some(hasDotSegment)) return null;
  let target: URL;
  try {
    target = new URL(`${origin}${rest}${url.search}`);
  } catch {
    return null;
  }
  if (target.origin !== origin || target.username || target.password) return null;
  return target.href;
}

// A refusal in CouchDB's shape, so that PouchDB reports it as the hub's error with its status.
function refusal(status: number, error: string, reason: string): Response {
  return Response.json({ error, reason }, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

function responseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name.toLowerCase())) headers.append(name, value);
  });
  headers.set('X-Content-Type-Options', 'nosniff');
  return headers;
}

// Forwards one request of the page to the hub at origin: 405 for a method CouchDB does not need,
// 403 for a path outside /__hub__ or one that tries to leave it; a hub that cannot be reached is a
// network error for the page, as a direct request to it would be (the sync status says 离线).
export async function forwardToHub(request: Request, origin: string, fetchImpl: HubFetch): Promise<Response> {
  const method = request.method.toUpperCase();
  if (!METHODS.has(method)) return refusal(405, 'method_not_allowed', `${method} is not forwarded`);
  const target = hubTargetUrl(request.url, origin);
  if (!target) return refusal(403, 'forbidden', 'not a path on the sync hub');
  // the page names the hub it means (hubAccess.ts): a request of an engine still running for the
  // previous hub while 测试连接 tries another is refused, never sent to the other hub
  const meant = request.headers.get(HUB_HEADER);
  if (meant !== null && meant !== origin) return refusal(409, 'conflict', 'another sync hub is set');
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await request.arrayBuffer();
  let upstream: Response;
  try {
    upstream = await fetchImpl(target, {
      method,
      headers,
      ...(body && body.byteLength > 0 ? { body } : {}),
      redirect: 'error',
      credentials: 'omit',
      signal: request.signal,
    });
  } catch {
    return Response.error();
  }
  const noBody = method === 'HEAD' || NULL_BODY_STATUSES.has(upstream.status);
  if (noBody) await upstream.body?.cancel().catch(() => undefined);
  return new Response(noBody ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders(upstream.headers),
  });
}

// The app:// protocol's part for /__hub__: 404 while no hub is set (sync off), else forwardToHub.
export function createHubForwarder(
  getOrigin: () => string | null,
  fetchImpl: HubFetch,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const origin = getOrigin();
    if (!origin) return refusal(404, 'not_found', 'no sync hub is set');
    return forwardToHub(request, origin, fetchImpl);
  };
}

// The hub's own session: no permission is granted, and a request to anything but the hub's
// origin (a redirect elsewhere among them) is cancelled.
export function hardenHubSession(ses: Session, getOrigin: () => string | null = syncHubOrigin): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    let allowed = false;
    try {
      const origin = getOrigin();
      allowed = origin !== null && new URL(details.url).origin === origin;
    } catch {
      allowed = false;
    }
    callback({ cancel: !allowed });
  });
}
