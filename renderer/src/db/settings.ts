// Key-value settings (单位名称, 作息时间, 期限 ...). Writes are audited like any record.
import { appendAudit } from './audit';
import { nowIso } from './clock';
import { db } from './db';
import type { Actor } from './repo';
import { writeTx } from './repo';

// Set while first-run setup with demo data runs (auth/service.ts runSetup): a start that finds it
// knows the setup was interrupted and starts it over.
export const SETUP_IN_PROGRESS_KEY = 'setupInProgress';
// Set while a PC that joined an office (加入已有单位, sync/join.ts) takes the office's records from
// the hub: a start that finds it continues the catch-up instead of showing the login screen.
export const JOIN_IN_PROGRESS_KEY = 'joinInProgress';

export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

// Several settings in one read (one bulkGet, not a read per key): each key's value, or the fallback
// given for it.
export async function getSettings<T extends Record<string, unknown>>(fallbacks: T): Promise<T> {
  const keys = Object.keys(fallbacks);
  const rows = await db.settings.bulkGet(keys);
  const out: Record<string, unknown> = { ...fallbacks };
  rows.forEach((row, i) => {
    if (row !== undefined) out[keys[i]] = row.value;
  });
  return out as T;
}

// summary: what the audit trail says (default 设置 <key>).
export function setSetting(key: string, value: unknown, actor: Actor, summary?: string): Promise<void> {
  return writeTx([db.settings], async () => {
    const before = await db.settings.get(key);
    const at = nowIso();
    await db.settings.put({ id: key, value, updatedAt: at, updatedBy: actor.id });
    await appendAudit({
      at,
      actorId: actor.id,
      actorName: actor.name,
      table: 'settings',
      recordId: key,
      action: before ? 'update' : 'create',
      summary: summary ?? `设置 ${key}`,
      before: before?.value,
      after: value,
    });
  });
}
