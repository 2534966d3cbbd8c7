// 审计日志 viewer: entries newest first, filtered by person, record, table and dates, paged by seq
// (keyset: each page continues below the last seq shown). The index used depends on the filter.
import type { ISODate } from '../../../../shared/rules';
import { redactAudit } from '../../app/registry';
import { db } from '../../db/db';
import type { AuditEntry } from '../../db/schema/core';

import { requirePermission } from './guard';

export type AuditFilter = { actorId?: string | null; recordId?: string | null; table?: string | null; from?: ISODate | null; to?: ISODate | null };
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

export async function auditPage(filter: AuditFilter, before: number | null, limit = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  await requirePermission('system.audit');
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
  if (recordId && filter.table) {
    // One record's history: small, from the compound index.
    const all = await db.audit.where('[table+recordId]').equals([filter.table, recordId]).toArray();
    rows = all.filter(match).sort((a, b) => (b.seq as number) - (a.seq as number)).slice(0, limit + 1);
  } else if (filter.actorId) {
    rows = await db.audit.where('actorId').equals(filter.actorId).reverse().filter(match).limit(limit + 1).toArray();
  } else if (filter.table) {
    rows = await db.audit.where('table').equals(filter.table).reverse().filter(match).limit(limit + 1).toArray();
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
    rows = hi > lo ? await db.audit.where(':id').between(lo, hi, true, false).reverse().filter(match).limit(limit + 1).toArray() : [];
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

// Readable lines of a change: "字段：旧 → 新" for updates, the fields for a creation.
export function changeLines(e: AuditEntry): string[] {
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '（空）';
    if (typeof v === 'string') return v.length > 80 ? v.slice(0, 80) + '…' : v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const s = JSON.stringify(v);
    return s.length > 80 ? s.slice(0, 80) + '…' : s;
  };
  // Password hashes and salts are never shown, only that they changed.
  const SECRET = new Set(['passwordHash', 'salt']);
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const b = obj(e.before);
  const a = obj(e.after);
  if (a && (b || e.action === 'update' || e.action === 'delete' || e.action === 'restore')) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a)])].filter((k) => k !== 'updatedAt' && k !== 'updatedBy');
    return keys.map((k) => (SECRET.has(k) ? `${k}：（已更改，不显示）` : `${k}：${show(b?.[k])} → ${show(a[k])}`));
  }
  if (a) {
    const skip = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'deletedAt', 'deletedBy', ...SECRET]);
    return Object.keys(a)
      .filter((k) => !skip.has(k))
      .map((k) => `${k}：${show(a[k])}`);
  }
  if (e.before !== undefined || e.after !== undefined) return [`${show(e.before)} → ${show(e.after)}`];
  return [];
}
