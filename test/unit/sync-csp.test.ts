import { describe, expect, it } from 'vitest';

import { serveStatic } from '../../scripts/serve.mjs';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, hubOrigin } from '../../shared/csp.mjs';

describe('the policy with a sync hub', () => {
  it('admits exactly the hub origin, and nothing for anything but a plain http(s) address', () => {
    expect(hubOrigin('http://192.168.1.10:5984')).toBe('http://192.168.1.10:5984');
    expect(hubOrigin('https://hub.local/')).toBe('https://hub.local');
    for (const bad of [
      '',
      'ftp://x',
      'http://u:p@x:5984',
      'http://x:5984/db',
      'http://x/?a',
      'javascript:alert(1)',
      'http://*.x',
      'x',
      undefined,
    ])
      expect(hubOrigin(bad)).toBeNull();
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy('http://x:5984/db')).toBe(CONTENT_SECURITY_POLICY);
    const p = contentSecurityPolicy('http://192.168.1.10:5984');
    expect(p).toContain("connect-src 'self' http://192.168.1.10:5984;");
    expect(p.replace(' http://192.168.1.10:5984', '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is what the browser mode server sends when it is given a hub', async () => {
    const server = await serveStatic('renderer', 0, '127.0.0.1', { hub: 'http://127.0.0.1:5984' });
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/index.html`);
      expect(res.headers.get('content-security-policy')).toContain(
        "connect-src 'self' http://127.0.0.1:5984;",
      );
    } finally {
      server.close();
    }
  });
});
