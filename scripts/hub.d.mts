export type Hub = { url: string; close(): Promise<void> };
export function startHub(port?: number, options?: { validation?: boolean }): Promise<Hub>;
