import type { Server } from 'node:http';

export const CONTENT_SECURITY_POLICY: string;

export function serveStatic(root: string, port?: number, host?: string, options?: { hub?: string }): Promise<Server>;
