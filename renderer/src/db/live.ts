// Soft delete, read side, written once: a record with `deletedAt` set is kept for the record but is
// not shown, counted or matched. Queries in the modules' core/ read through these instead of testing
// `deletedAt` themselves; only the 回收站 (system › deleted), the backup and the audit rebuild read
// deleted records.
import type { Collection, Table } from 'dexie';

import type { BaseRecord } from './schema/base';

export function isLive<T extends { deletedAt?: string | null }>(r: T | null | undefined): r is T {
  return !!r && !r.deletedAt;
}

// The record if it exists and is not deleted.
export async function getLive<T extends BaseRecord>(
  table: Table<T, string>,
  id: string | null | undefined,
): Promise<T | undefined> {
  if (!id) return undefined;
  const r = await table.get(id);
  return isLive(r) ? r : undefined;
}

// Several records by id, the deleted and missing left out (order kept).
export async function getLiveMany<T extends BaseRecord>(
  table: Table<T, string>,
  ids: readonly string[],
): Promise<T[]> {
  if (!ids.length) return [];
  return (await table.bulkGet([...ids])).filter(isLive);
}

// A collection without the deleted records: live(db.x.where('a').equals(b)).toArray().
export function live<T extends BaseRecord>(c: Collection<T, string>): Collection<T, string> {
  return c.filter(isLive);
}

export function liveOnly<T extends { deletedAt?: string | null }>(rows: readonly T[]): T[] {
  return rows.filter(isLive);
}

// A record at hand that was deleted (no type narrowing: for a record known to exist).
export function isDeleted(r: { deletedAt?: string | null }): boolean {
  return !!r.deletedAt;
}
