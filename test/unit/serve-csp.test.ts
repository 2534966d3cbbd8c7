import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../electron/test-support/fake-electron')).fakeElectron);

import { CONTENT_SECURITY_POLICY as DESKTOP } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY as BROWSER, serveStatic } from '../../scripts/serve.mjs';

describe('the browser mode’s server', () => {
  it('sends the desktop app’s Content-Security-Policy with every file', async () => {
    expect(BROWSER).toBe(DESKTOP); // one policy (shared/csp.mjs), re-exported by both
    const server = await serveStatic('renderer', 0);
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/index.html`);
      expect(res.headers.get('content-security-policy')).toBe(DESKTOP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      server.close();
    }
  });
});
