export const CONTENT_SECURITY_POLICY: string;
export function hubOrigin(url: unknown): string | null;
export function contentSecurityPolicy(hub?: string | null): string;
