// The Content-Security-Policy of the app: the desktop app's app:// protocol (electron/main/protocol.ts)
// and the browser mode's server (scripts/serve.mjs) send this one policy with every file. Plain
// JavaScript so that the Node scripts can import it as they are.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
