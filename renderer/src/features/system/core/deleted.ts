// 已删除记录: soft-deleted records of any table, found by scanning the table in primary-key pages
// (deletion is rare; there is no index on deletedAt), and restored through restoreDeleted (audited).
import type { Table } from 'dexie';

import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { DomainError, restoreDeleted } from '../../../db/repo';
import type { BaseRecord } from '../../../db/schema/base';
import { REFUSALS } from '../labels';

import { requireSession, sessionActor } from './access';

// Tables of BaseRecords (UUID key "id"); not the audit trail or settings.
export function restorableTables(): string[] {
  return db.tables
    .filter((t) => t.schema.primKey.keyPath === 'id' && t.name !== 'settings')
    .map((t) => t.name)
    .sort();
}

function tableOf(name: string): Table<BaseRecord, string> {
  if (!restorableTables().includes(name)) throw new DomainError(REFUSALS.tableUnknown);
  return db.table(name) as Table<BaseRecord, string>;
}

export type DeletedPage = { rows: BaseRecord[]; nextAfter: string | null; scanned: number };

// Up to `limit` deleted records after the key `after`, scanning at most `scanLimit` records, so a
// big table with few deletions answers in bounded time (continue from nextAfter).
export async function deletedPage(
  table: string,
  after: string | null,
  limit = 50,
  scanLimit = 5000,
): Promise<DeletedPage> {
  await requireSession('system.restoreDeleted', '查看已删除记录');
  const t = tableOf(table);
  const rows: BaseRecord[] = [];
  let last = after;
  let scanned = 0;
  while (rows.length < limit && scanned < scanLimit) {
    const coll = last === null ? t.orderBy(':id') : t.where(':id').above(last);
    const page = await coll.limit(500).toArray();
    if (page.length === 0) return { rows, nextAfter: null, scanned };
    for (const r of page) {
      scanned++;
      last = r.id;
      if (r.deletedAt) rows.push(r);
      if (rows.length >= limit) break;
    }
    // A short page read to its end: the table is exhausted.
    if (page.length < 500 && last === page[page.length - 1].id) return { rows, nextAfter: null, scanned };
  }
  return { rows, nextAfter: last, scanned };
}

export const restoreRecordCommand = defineCommand({
  what: '恢复已删除记录',
  perm: 'system.restoreDeleted',
  // any table of records (which one is known only from the input)
  tables: (d) => restorableTables().map((n) => d.table(n)),
  run: async (ctx, table: string, id: string) => {
    const t = tableOf(table);
    const r = await t.get(id);
    if (!r) throw new DomainError('记录不存在');
    if (!r.deletedAt) throw new DomainError('该记录未被删除');
    await restoreDeleted(t, id, ctx.actor);
  },
});

export async function restoreRecord(table: string, id: string): Promise<void> {
  return restoreRecordCommand(table, id, sessionActor('system.restoreDeleted', restoreRecordCommand.what));
}

// Names of the staff (also inactive and deleted) for 删除人.
export async function staffNames(): Promise<Map<string, string>> {
  return new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
}

// A short description of any record: its name, title, number or subject, whichever it has.
export function recordSummary(r: Record<string, unknown>): string {
  const keys = [
    'regNo',
    'number',
    'docNumber',
    'name',
    'title',
    'subject',
    'summary',
    'loginName',
    'township',
    'year',
    'date',
    'kind',
  ];
  const parts: string[] = [];
  for (const k of keys) {
    const v = r[k];
    if ((typeof v === 'string' && v) || typeof v === 'number') parts.push(String(v));
    if (parts.length >= 3) break;
  }
  return parts.join(' · ') || String(r.id);
}
