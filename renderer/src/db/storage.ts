// Opening the database at start-up: persistent storage is asked for once, and a schema upgrade in
// another window closes this connection cleanly instead of blocking or corrupting it.
import { create } from 'zustand';

import { db, onDbSwitch } from './db';

type StorageState = {
  persisted: boolean | null; // null = the browser could not say
  versionChanged: boolean;
};

export const useStorageState = create<StorageState>(() => ({ persisted: null, versionChanged: false }));

function watchVersionChange() {
  db.on('versionchange', () => {
    db.close();
    useStorageState.setState({ versionChanged: true });
    return false;
  });
}

export async function startStorage(): Promise<void> {
  watchVersionChange();
  onDbSwitch(watchVersionChange);
  await db.open();
  try {
    if (navigator.storage?.persist) {
      const already = await navigator.storage.persisted();
      const persisted = already || (await navigator.storage.persist());
      useStorageState.setState({ persisted });
    }
  } catch {
    useStorageState.setState({ persisted: null });
  }
}

export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (!navigator.storage?.estimate) return null;
  const e = await navigator.storage.estimate();
  return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
}
