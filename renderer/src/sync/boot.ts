// At start: if this PC has sync on, load the engine (and PouchDB with it); otherwise nothing loads.
import { readSyncConfig } from './outbox';

export async function startSyncIfEnabled(): Promise<void> {
  if (!(await readSyncConfig()).enabled) return;
  const { startEngine } = await import('./engine');
  await startEngine();
}
