// A tiny static file server for the built browser mode (no dependencies). Loopback only.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../shared/csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

// The app's Content-Security-Policy (shared/csp.mjs, the same as the desktop app's app:// protocol sends)
// with every file, so the browser mode and its end-to-end tests run under the same rules — including
// the export worker, whose own policy comes from its response, not from the page.
export { CONTENT_SECURITY_POLICY };

// options.hub: the sync hub this browser mode may connect to (系统 › 多机同步), e.g.
// http://192.168.1.10:5984; the policy names exactly its origin (an invalid address is ignored).
export function serveStatic(root, port = 0, host = '127.0.0.1', options = {}) {
  const base = resolve(root);
  const policy = contentSecurityPolicy(options.hub);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(path) || statSync(path).isDirectory()) path = join(base, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': policy,
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}
