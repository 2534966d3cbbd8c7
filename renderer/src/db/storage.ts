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
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  const e = await navigator.storage.estimate();
  return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
}

// Space is low when less than 500 MB or less than 10 % of the quota is left.
export const LOW_SPACE_BYTES = 500 * 1024 * 1024;
export const LOW_SPACE_RATIO = 0.1;
export function lowSpace(e: { usage: number; quota: number } | null): boolean {
  if (!e || e.quota <= 0) return false;
  const left = Math.max(0, e.quota - e.usage);
  return left < LOW_SPACE_BYTES || left / e.quota < LOW_SPACE_RATIO;
}

export const QUOTA_MESSAGE =
  '磁盘空间不足，本次保存未完成（已全部撤销）。请清理磁盘或先做备份后删除旧备份文件，再重试。';

// A write refused for lack of space: the DOMException itself, or Dexie's wrapping of it (an
// AbortError / BulkError whose `inner` or `failures` carry the QuotaExceededError), at any depth.
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const x = e as { name?: unknown; inner?: unknown; failures?: unknown; message?: unknown };
  if (x.name === 'QuotaExceededError') return true;
  if (typeof x.message === 'string' && /QuotaExceededError|quota (has been )?exceeded/i.test(x.message)) return true;
  if (isQuotaError(x.inner, depth + 1)) return true;
  if (Array.isArray(x.failures)) return x.failures.some((f) => isQuotaError(f, depth + 1));
  if (x.failures && typeof x.failures === 'object') return Object.values(x.failures).some((f) => isQuotaError(f, depth + 1));
  return false;
}
