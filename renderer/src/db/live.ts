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
// Dexie reads a collection with a filter through a cursor, one step per record; without one, a
// whole range comes in one getAll. So the deleted are dropped after reading wherever every record
// of the range is read anyway (toArray), and through Dexie's filter only where the read
// stops early (limit, first, count): a list of a year's records reads as fast as a raw query.
export class LiveCollection<T extends BaseRecord> {
  constructor(
    private readonly c: Collection<T, string>,
    private readonly keep: ((r: T) => boolean) | null = null,
    private readonly max: number | null = null,
  ) {}
  private test = (r: T): boolean => isLive(r) && (!this.keep || this.keep(r));
  private filtered(): Collection<T, string> {
    return this.c.filter(this.test);
  }
  // a further condition, as Dexie's filter
  filter(fn: (r: T) => boolean): LiveCollection<T> {
    const keep = this.keep;
    return new LiveCollection(this.c, keep ? (r) => keep(r) && fn(r) : fn, this.max);
  }
  reverse(): LiveCollection<T> {
    return new LiveCollection(this.c.reverse(), this.keep, this.max);
  }
  limit(n: number): LiveCollection<T> {
    return new LiveCollection(this.c, this.keep, n);
  }
  // Dexie's own promise (then, not await): a read inside a transaction stays in it
  toArray(): Promise<T[]> {
    if (this.max !== null) return this.filtered().limit(this.max).toArray();
    return this.c.toArray().then((rows) => rows.filter(this.test));
  }
  first(): Promise<T | undefined> {
    return this.filtered().first();
  }
  count(): Promise<number> {
    return this.filtered().count();
  }
}

export function live<T extends BaseRecord>(c: Collection<T, string>): LiveCollection<T> {
  return new LiveCollection(c);
}

export function liveOnly<T extends { deletedAt?: string | null }>(rows: readonly T[]): T[] {
  return rows.filter(isLive);
}

// A record at hand that was deleted (no type narrowing: for a record known to exist).
export function isDeleted(r: { deletedAt?: string | null }): boolean {
  return !!r.deletedAt;
}
