// 审计日志 viewer: entries newest first, filtered by person, record, table and dates, paged by seq
// (keyset: each page continues below the last seq shown). The index used depends on the filter.
import type { ISODate } from '../../../../../shared/rules';
import { redactAudit } from '../../../app/registry';
import { db } from '../../../db/db';
import type { AuditEntry } from '../../../db/schema/core';
import { compareStaff } from '../../../org/order';
import { chainPcs, pcAuditEntries } from '../../../sync/auditChain';
import { pcId } from '../../../sync/config';

import { requireSession } from './access';

export type AuditFilter = {
  actorId?: string | null;
  recordId?: string | null;
  table?: string | null;
  from?: ISODate | null;
  to?: ISODate | null;
  // with 多机同步 on: another PC's entries (its chain as replicated); unset: this PC's
  pc?: string | null;
};
export type AuditPage = { rows: AuditEntry[]; nextBefore: number | null };

export const AUDIT_PAGE_SIZE = 50;

// Local calendar days → the UTC ISO timestamps the audit stores.
function dayStartIso(d: ISODate): string {
  return new Date(`${d}T00:00:00`).toISOString();
}
function nextDayIso(d: ISODate): string {
  const t = new Date(`${d}T00:00:00`);
  t.setDate(t.getDate() + 1);
  return t.toISOString();
}

export async function auditPage(
  filter: AuditFilter,
  before: number | null,
  limit = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  await requireSession('system.audit', '查看审计日志');
  const fromIso = filter.from ? dayStartIso(filter.from) : null;
  const toIso = filter.to ? nextDayIso(filter.to) : null;
  const recordId = filter.recordId?.trim() || null;
  const below = before ?? Infinity;
  const match = (e: AuditEntry) =>
    (e.seq as number) < below &&
    (!filter.actorId || e.actorId === filter.actorId) &&
    (!recordId || e.recordId === recordId) &&
    (!filter.table || e.table === filter.table) &&
    (!fromIso || e.at >= fromIso) &&
    (!toIso || e.at < toIso);

  let rows: AuditEntry[];
  if (filter.pc && filter.pc !== (await pcId())) {
    // read from the local PouchDB (not Dexie): wrapped, as useLiveQuery asks of other async APIs
    rows = await Promise.resolve(pcAuditEntries(filter.pc, match, before, limit));
  } else if (recordId && filter.table) {
    // One record's history: small, from the compound index.
    const all = await db.audit.where('[table+recordId]').equals([filter.table, recordId]).toArray();
    rows = all
      .filter(match)
      .sort((a, b) => (b.seq as number) - (a.seq as number))
      .slice(0, limit + 1);
  } else if (filter.actorId) {
    rows = await db.audit
      .where('actorId')
      .equals(filter.actorId)
      .reverse()
      .filter(match)
      .limit(limit + 1)
      .toArray();
  } else if (filter.table) {
    rows = await db.audit
      .where('table')
      .equals(filter.table)
      .reverse()
      .filter(match)
      .limit(limit + 1)
      .toArray();
  } else {
    // By primary key; a date range first narrows the seq range through the `at` index.
    let hi = below;
    let lo = 0;
    if (toIso) {
      const last = await db.audit.where('at').below(toIso).last();
      hi = Math.min(hi, last ? (last.seq as number) + 1 : 0);
    }
    if (fromIso) {
      const first = await db.audit.where('at').aboveOrEqual(fromIso).first();
      lo = first ? (first.seq as number) : Infinity;
    }
    rows =
      hi > lo
        ? await db.audit
            .where(':id')
            .between(lo, hi, true, false)
            .reverse()
            .filter(match)
            .limit(limit + 1)
            .toArray()
        : [];
  }
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  // masked as the modules' records require (e.g. informants' identity, PET-6)
  return { rows: await redactAudit(page), nextBefore: more ? (page[page.length - 1].seq as number) : null };
}

// The tables that appear in the trail (for the filter list): known tables plus event tables.
export function auditTables(): string[] {
  return [...db.tables.map((t) => t.name).filter((n) => n !== 'audit'), 'export', 'backup'].sort();
}

// Names for the IDs the log shows: staff (also 停用 and deleted), sections, units, accounts (by
// their person's name).
export async function auditNameBook(): Promise<Map<string, string>> {
  const [staff, sections, units, accounts] = await Promise.all([
    db.staff.toArray(),
    db.sections.toArray(),
    db.units.toArray(),
    db.accounts.toArray(),
  ]);
  const m = new Map<string, string>();
  for (const x of [...sections, ...units]) m.set(x.id, x.name);
  for (const s of staff) m.set(s.id, s.name);
  for (const a of accounts) m.set(a.id, `${m.get(a.staffId) ?? ''}（${a.loginName}）`);
  return m;
}

// The people in the trail's person filter, in the office's order.
export async function auditPeople(): Promise<{ value: string; label: string }[]> {
  const staff = (await db.staff.toArray()).sort(compareStaff);
  return [{ value: 'system', label: '系统' }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
}

// The audit trail's length (审计链).
export async function auditCount(): Promise<number> {
  return db.audit.count();
}

// With 多机同步 on, the PCs whose entries the log can show (empty with sync off).
export async function auditPcs(): Promise<{ value: string; label: string }[]> {
  const pcs = await Promise.resolve(chainPcs());
  return pcs.map((p) => ({ value: p.pcId, label: p.own ? `${p.pcName}（本机）` : p.pcName }));
}

export { verifyAuditChain } from '../../../db/audit';
export type { ChainReport } from '../../../db/audit';
// 校验审计链: with 多机同步 on, every PC's chain (sync/auditChain.ts); off, this PC's as before.
export { chainLine, verifyEveryChain } from '../../../sync/auditChain';
export type { ChainsReport } from '../../../sync/auditChain';
