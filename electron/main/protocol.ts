// Serves the built renderer (out/renderer) on app://app instead of file://, so the page has a real
// origin of its own (storage, CSP 'self', sender checks) and cannot read arbitrary files.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { protocol } from 'electron';

import { CONTENT_SECURITY_POLICY } from '../../shared/csp.mjs';

import { isHubRequest } from './hub';
import { APP_HOST, APP_SCHEME } from './origin';

export { CONTENT_SECURITY_POLICY };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

// Must run before app 'ready' (Electron only accepts it then) and only once.
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

// Maps an app:// URL to a file under rootDir, or null when the URL is for another host, is
// malformed, or would leave rootDir (../, encoded %2e%2e or %2f, backslashes, drive letters, NUL).
// pathApi is injectable so the Windows rules can be tested on any machine.
export function resolveAppFile(rootDir: string, requestUrl: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname.replace(/^[/\\]+/, '');
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, relativePath === '' ? 'index.html' : relativePath);
  const fromRoot = pathApi.relative(root, filePath);
  if (
    fromRoot === '' ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${pathApi.sep}`) ||
    pathApi.isAbsolute(fromRoot)
  ) {
    return null;
  }
  return filePath;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    },
  });
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

export type AppRequestHandler = (request: Request) => Promise<Response>;

// hub: what answers app://app/__hub__/… (the sync hub forwarded by main, hub.ts); without it
// those paths are files like any other.
export function createAppProtocolHandler(rootDir: string, hub?: AppRequestHandler): AppRequestHandler {
  return async (request) => {
    if (hub && isHubRequest(request.url)) return hub(request);
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    let filePath = resolveAppFile(rootDir, request.url);
    if (!filePath) return textResponse(404, 'Not Found');
    if (!(await isFile(filePath))) {
      // Client-side routes (no file extension) get the app shell; missing assets stay 404.
      if (path.extname(filePath) !== '') return textResponse(404, 'Not Found');
      filePath = path.join(path.resolve(rootDir), 'index.html');
      if (!(await isFile(filePath))) return textResponse(404, 'Not Found');
    }
    const body = await readFile(filePath);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

// Call after app 'ready'.
export function serveApp(rootDir: string, hub?: AppRequestHandler): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, hub));
}
