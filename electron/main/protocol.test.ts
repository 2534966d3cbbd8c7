import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeElectron } from '../test-support/fake-electron';

import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  mimeTypeFor,
  registerAppScheme,
  resolveAppFile,
  serveApp,
} from './protocol';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

describe('registerAppScheme', () => {
  beforeEach(() => vi.clearAllMocks());

  it('registers app:// as a standard, secure scheme with fetch support and nothing more', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves it through protocol.handle', () => {
    serveApp('/out/renderer');
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy of the architecture', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
  });
});

describe('resolveAppFile', () => {
  const root = '/srv/out/renderer';

  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://app/')).toBe('/srv/out/renderer/index.html');
    expect(resolveAppFile(root, 'app://app/index.html')).toBe('/srv/out/renderer/index.html');
    expect(resolveAppFile(root, 'app://app/assets/index-abc.js?v=1#x')).toBe(
      '/srv/out/renderer/assets/index-abc.js',
    );
    expect(resolveAppFile(root, 'app://app/fonts/%E6%80%9D%E6%BA%90.woff2')).toBe(
      '/srv/out/renderer/fonts/思源.woff2',
    );
  });

  it.each([
    ['app://app/../../etc/passwd', '/srv/out/renderer/etc/passwd'],
    ['app://app/%2e%2e/%2e%2e/etc/passwd', '/srv/out/renderer/etc/passwd'],
    ['app://app/%2fetc%2fpasswd', '/srv/out/renderer/etc/passwd'],
  ])('keeps %s inside the renderer folder', (url, expected) => {
    expect(resolveAppFile(root, url)).toBe(expected);
  });

  it.each([
    'app://app/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://app/..%2f..%2fsecret.txt',
    'app://app/index.html%00.png',
    'app://app/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('never leaves the renderer folder on Windows either', () => {
    const winRoot = 'C:\\Program Files\\xinfang\\resources\\app.asar\\out\\renderer';
    expect(resolveAppFile(winRoot, 'app://app/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppFile(winRoot, 'app://app/..%5c..%5c..%5cWindows%5cwin.ini', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://app/C:%5cWindows%5cwin.ini', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://app/assets%5c..%5c..%5c..%5csecret.txt', path.win32)).toBeNull();
    // A UNC-looking path loses its leading backslashes and stays a file under the renderer folder.
    expect(resolveAppFile(winRoot, 'app://app/%5c%5cserver%5cshare%5cx', path.win32)).toBe(
      `${winRoot}\\server\\share\\x`,
    );
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index.JS', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['fonts/a.woff2', 'font/woff2'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['data.wasm', 'application/wasm'],
    ['unknown.xyz', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  let outside: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'xinfang-protocol-test-'));
    root = path.join(base, 'renderer');
    outside = base;
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>信访</title>');
    await writeFile(path.join(root, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    handler = createAppProtocolHandler(root);
  });

  afterAll(async () => {
    await rm(outside, { recursive: true, force: true });
  });

  it('serves the app shell with the CSP header and its MIME type', async () => {
    const response = await handler(new Request('app://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('信访');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handler(new Request('app://app/assets/index.js'));
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('does not serve a file outside the renderer folder', async () => {
    const response = await handler(new Request('app://app/..%2fsecret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers 404 for a missing asset but the app shell for a client-side route', async () => {
    expect((await handler(new Request('app://app/assets/missing.js'))).status).toBe(404);
    const route = await handler(new Request('app://app/petitions/2024-001'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<!doctype html>');
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await handler(new Request('app://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});
