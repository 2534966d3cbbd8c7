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

// The origin of a sync hub (系统 › 多机同步) that the policy may let the app connect to: only a plain
// http(s)://host[:port] — no credentials, path, query, wildcard or other scheme — else null.
export function hubOrigin(url) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  let u;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash)
    return null;
  if (u.hostname.includes('*')) return null;
  return u.origin;
}

// The policy with connect-src widened to exactly one configured hub (several PCs); without a valid
// hub it is CONTENT_SECURITY_POLICY itself.
export function contentSecurityPolicy(hub) {
  const origin = hubOrigin(hub);
  if (!origin) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${origin}`);
}
