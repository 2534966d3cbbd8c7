// Audited writes. Every create, update, soft delete and restore of a record goes through here and
// writes its audit entry in the same transaction. Repository functions of the modules wrap several
// of these in writeTx(...) so a multi-table change is all or nothing.
import type { Table, Transaction } from 'dexie';

import type { RuleId } from '../../../shared/rules';

import { appendAudit, auditBuffered, auditBuffering, flushAuditBuffer, startAuditBuffer } from './audit';
import { nowIso } from './clock';
import { db } from './db';
import type { BaseRecord, NewRecord } from './schema/base';
import type { AuditEntry } from './schema/core';
import { outerWriteTransaction } from './tx';

export type Actor = { id: string; name: string };
export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统' };

export class DomainError extends Error {
  // A refusal the user should read: Chinese message, optional field and rule ID.
  constructor(
    message: string,
    readonly field?: string,
    readonly ruleId?: RuleId,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function newId(): string {
  return crypto.randomUUID();
}

// Runs fn in one read-write transaction over the tables and the audit table. Inside an existing
// transaction it joins it (Dexie then checks the tables are part of it).
// While the demo loads (bufferAudit), the scope's audit entries are written together at its end.
export function writeTx<T>(tables: Table[], fn: () => Promise<T>): Promise<T> {
  if (!auditBuffering()) return db.transaction('rw', [...tables, db.audit], fn);
  const outer = joinable(tables);
  if (outer) return joined(outer, fn);
  return db.transaction('rw', [...tables, db.audit], async () => {
    if (!startAuditBuffer()) return fn();
    const r = await fn();
    await flushAuditBuffer();
    return r;
  });
}

// While the demo loads (bufferAudit), a write inside a transaction that buffers its audit entries
// (a module's one transaction, demo.ts) and holds its tables joins it as it is, without a nested
// Dexie transaction of its own: making one (its scope, its lock on the outer one, each table's
// middleware stack) for each of the demo's thousands of commands was a part of its time. As with a
// nested transaction, a refusal aborts the outer one, so nothing the command wrote is kept.
function joinable(tables: Table[]): Transaction | null {
  const outer = outerWriteTransaction();
  if (!outer || !auditBuffered(outer.idbtrans)) return null;
  return tables.every((t) => outer.storeNames.includes(t.name)) ? outer : null;
}
async function joined<T>(outer: Transaction, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    try {
      outer.abort();
    } catch {
      // already finished: its caller hears of that end
    }
    throw e;
  }
}

function inTx<T>(table: Table, fn: () => Promise<T>): Promise<T> {
  return outerWriteTransaction() ? fn() : writeTx([table], fn);
}

// A new record as every insert stores it, and its audit entry.
function newRecord<T extends BaseRecord>(data: NewRecord<T>, actor: Actor, at: string): T {
  return {
    ...data,
    id: data.id ?? newId(),
    createdAt: at,
    updatedAt: at,
    createdBy: actor.id,
    deletedAt: null,
  } as unknown as T;
}

// Every audit entry written here: who, when, which record — and what (action, summary, before/after).
function audit(
  tableName: string,
  recordId: string,
  actor: Actor,
  at: string,
  what: Pick<AuditEntry, 'action' | 'summary' | 'before' | 'after'>,
) {
  return appendAudit({ at, actorId: actor.id, actorName: actor.name, table: tableName, recordId, ...what });
}

function auditCreate<T extends BaseRecord>(
  table: Table<T, string>,
  record: T,
  actor: Actor,
  at: string,
  summary?: string,
) {
  return audit(table.name, record.id, actor, at, { action: 'create', summary, after: record });
}

export function insert<T extends BaseRecord>(
  table: Table<T, string>,
  data: NewRecord<T>,
  actor: Actor,
  summary?: string,
): Promise<T> {
  return inTx(table, async () => {
    const at = nowIso();
    const record = newRecord(data, actor, at);
    await table.add(record);
    await auditCreate(table, record, actor, at, summary);
    return record;
  });
}

// Records made together (the demo's bulk set-up): one bulkAdd, with the audit entries insert writes.
export function insertMany<T extends BaseRecord>(
  table: Table<T, string>,
  rows: NewRecord<T>[],
  actor: Actor,
  summary?: string,
): Promise<T[]> {
  return inTx(table, async () => {
    const at = nowIso();
    const records = rows.map((data) => newRecord(data, actor, at));
    await table.bulkAdd(records);
    for (const record of records) await auditCreate(table, record, actor, at, summary);
    return records;
  });
}

export function update<T extends BaseRecord>(
  table: Table<T, string>,
  id: string,
  changes: Partial<Omit<T, 'id' | 'createdAt' | 'createdBy'>>,
  actor: Actor,
  summary?: string,
): Promise<T> {
  return inTx(table, async () => {
    const before = await table.get(id);
    if (!before) throw new DomainError(`记录不存在（${table.name} ${id}）`);
    const at = nowIso();
    const after = { ...before, ...changes, updatedAt: at, updatedBy: actor.id } as T;
    await table.put(after);
    await audit(table.name, id, actor, at, {
      action: 'update',
      summary,
      before: fieldsOf(before, changes),
      after: fieldsOf(after, changes),
    });
    return after;
  });
}

// Only the changed fields go into the audit entry (before and after), so the trail stays small and
// readable.
function fieldsOf<T>(record: T, changes: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(changes) as (keyof T)[]) out[k] = record[k];
  return out;
}

// Records the regulations require to be kept are never removed: deletion sets deletedAt.
export function softDelete<T extends BaseRecord>(
  table: Table<T, string>,
  id: string,
  actor: Actor,
  reason?: string,
): Promise<T> {
  return inTx(table, async () => {
    const before = await table.get(id);
    if (!before) throw new DomainError('记录不存在');
    if (before.deletedAt) return before;
    const at = nowIso();
    const after = { ...before, deletedAt: at, deletedBy: actor.id, updatedAt: at, updatedBy: actor.id } as T;
    await table.put(after);
    await audit(table.name, id, actor, at, {
      action: 'delete',
      summary: reason ? `删除：${reason}` : '删除',
      before: { deletedAt: null },
      after: { deletedAt: at },
    });
    return after;
  });
}

export function restoreDeleted<T extends BaseRecord>(
  table: Table<T, string>,
  id: string,
  actor: Actor,
): Promise<T> {
  return inTx(table, async () => {
    const before = await table.get(id);
    if (!before) throw new DomainError('记录不存在');
    const at = nowIso();
    const after = { ...before, deletedAt: null, deletedBy: null, updatedAt: at, updatedBy: actor.id } as T;
    await table.put(after);
    await audit(table.name, id, actor, at, {
      action: 'restore',
      summary: '恢复已删除记录',
      before: { deletedAt: before.deletedAt },
      after: { deletedAt: null },
    });
    return after;
  });
}

// An event on a record that changes no field (printed, exported, login ...).
export function logEvent(tableName: string, recordId: string, summary: string, actor: Actor, data?: unknown) {
  return audit(tableName, recordId, actor, nowIso(), { action: 'event', summary, after: data });
}

export { isLive } from './live';
