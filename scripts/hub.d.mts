export type Hub = { url: string; close(): Promise<void> };
export function startHub(port?: number): Promise<Hub>;
