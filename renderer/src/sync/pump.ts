// The pump between Dexie and the local PouchDB: the outbox goes out as documents `table:uuid`
// (idempotent: the current revision is read and overwritten, a race retried), then the sent rows
// are removed; changes that came in (the local PouchDB's changes feed since a stored checkpoint)
// are applied to Dexie by one audited system command, 同步, and are not echoed back out. A record's
// Blobs (an attachment's file) travel as the document's CouchDB attachments, not inside its JSON.
import type { IndexableType, Table } from 'dexie';

import { appendAudit, canonicalJson } from '../db/audit';
import { nowIso } from '../db/clock';
import { defineCommand } from '../db/command';
import type { Db } from '../db/command';
import { db } from '../db/db';
import type { Actor } from '../db/repo';
import { SYSTEM_ACTOR } from '../db/repo';
import type { OutboxRow } from '../db/schema/sync';

import { applyIncomingApproval, APPROVALS_TABLE } from './approvalMerge';
import { isChainDocId } from './auditChain';
import { noteConflicts, settleConflicts } from './conflicts';
import { LOCAL_TABLES, staysLocal } from './outbox';
import { attachmentBlob, attachmentData } from './pouch';
import type { PouchAttachment, PouchDb, PouchDoc } from './pouch';

// A replicated record as a PouchDB document. The record sits under `rec` (CouchDB keeps fields
// starting with _ for itself); `pc` is the PC that wrote it, `pcName` its name for the audit trail.
// A top-level Blob field of the record is not in `rec`: its bytes are the document's attachment of
// the same name, and `blobs` names each such field with the Blob's type (content_type cannot be '').
export type RecordDoc = PouchDoc & {
  table: string;
  pc: string;
  pcName: string;
  rec: Record<string, unknown>;
  blobs?: Record<string, string>;
};

const OCTET_STREAM = 'application/octet-stream';

// An outbox row as the document that carries it.
async function recordDoc(r: OutboxRow, rev: string | undefined, me: PcIdentity): Promise<RecordDoc> {
  const rec: Record<string, unknown> = {};
  const blobs: Record<string, string> = {};
  const attachments: Record<string, PouchAttachment> = {};
  for (const [field, value] of Object.entries(r.rec as Record<string, unknown>)) {
    if (value instanceof Blob) {
      blobs[field] = value.type;
      attachments[field] = { content_type: value.type || OCTET_STREAM, data: await attachmentData(value) };
    } else rec[field] = value;
  }
  return {
    _id: r.key,
    ...(rev ? { _rev: rev } : {}),
    table: r.table,
    pc: me.pcId,
    pcName: me.pcName,
    rec,
    ...(Object.keys(blobs).length ? { blobs, _attachments: attachments } : {}),
  };
}

// A document read from the changes feed (attachments as stubs) with its record whole again: each
// Blob field read back from the document's attachments, at the document's revision.
export async function withBlobs(local: PouchDb, doc: RecordDoc): Promise<RecordDoc> {
  const blobs = doc.blobs;
  if (!blobs || typeof blobs !== 'object' || Object.keys(blobs).length === 0) return doc;
  const full = await local.get(doc._id, {
    ...(doc._rev ? { rev: doc._rev } : {}),
    attachments: true,
    binary: true,
  });
  const rec = { ...doc.rec };
  for (const [field, type] of Object.entries(blobs)) {
    const att = full._attachments?.[field];
    if (att?.data !== undefined) rec[field] = attachmentBlob(att.data, String(type));
  }
  return { ...doc, rec };
}

export const SYNC_ACTOR: Actor = { id: SYSTEM_ACTOR.id, name: '同步' };
export const CHECKPOINT_KEY = 'checkpoint';
export const PARKED_PREFIX = 'parked:';

export type PcIdentity = { pcId: string; pcName: string };

// Sends up to `batch` outbox rows; resolves to how many rows were sent (0: the outbox is empty).
export async function pushOutbox(local: PouchDb, me: PcIdentity, batch = 500): Promise<number> {
  const rows = await db.syncOutbox.orderBy(':id').limit(batch).toArray();
  if (rows.length === 0) return 0;
  const latest = new Map<string, OutboxRow>();
  for (const r of rows) latest.set(r.key, r); // several changes of one record: the last one
  let todo = [...latest.values()];
  for (let attempt = 0; todo.length > 0; attempt++) {
    if (attempt === 5) throw new Error('同步写入本机副本时多次冲突');
    const revs = await local.allDocs({ keys: todo.map((r) => r.key) });
    const docs: RecordDoc[] = [];
    for (const [i, r] of todo.entries()) docs.push(await recordDoc(r, revs.rows[i]?.value?.rev, me));
    const results = await local.bulkDocs(docs);
    // a change that came in between reading the revision and writing: read it again and retry
    todo = todo.filter((_, i) => results[i]?.status === 409 || results[i]?.error === 'conflict');
  }
  await db.syncOutbox.bulkDelete(rows.map((r) => r.seq as number));
  return rows.length;
}

function isRecordDoc(d: PouchDoc | undefined): d is RecordDoc {
  return !!d && !d._deleted && typeof d.table === 'string' && typeof d.rec === 'object' && d.rec !== null;
}

export function replicatedTables(d: Db): Table[] {
  return d.tables.filter((t) => !LOCAL_TABLES.has(t.name));
}

// Another record already holds one of this record's unique values (a login name, a number, a
// year's calendar): it is kept aside for the 同步冲突 screen instead of failing the whole batch.
export async function uniqueClash(table: Table, rec: Record<string, unknown>): Promise<string | null> {
  for (const idx of table.schema.indexes) {
    if (!idx.unique) continue;
    const paths = Array.isArray(idx.keyPath) ? idx.keyPath : [idx.keyPath as string];
    const value = paths.map((p) => rec[p]);
    if (value.some((v) => v === undefined || v === null)) continue;
    const ids = await table
      .where(idx.name)
      .equals((Array.isArray(idx.keyPath) ? value : value[0]) as IndexableType)
      .primaryKeys();
    if (ids.some((id) => id !== rec.id)) return idx.name;
  }
  return null;
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[k]) === canonicalJson(after[k])) continue;
    b[k] = before[k];
    a[k] = after[k];
  }
  return { b, a };
}

export type ApplyReport = { applied: number; skipped: number; parked: number };

// The one command through which changes from other PCs enter this PC's database: each record is
// written as it came, with an audit entry 同步（来自「PC」）; the checkpoint moves in the same
// transaction. A record with a change of this PC still waiting in the outbox is left for the
// replication to decide (this PC's version goes out next). Its changes do not go to the outbox.
export const applyIncoming = defineCommand({
  what: '同步',
  perm: 'system.settings',
  outbox: false,
  tables: (d) => [...replicatedTables(d), d.syncOutbox, d.syncState],
  run: async (_ctx, docs: RecordDoc[], checkpoint: number | string): Promise<ApplyReport> => {
    const report: ApplyReport = { applied: 0, skipped: 0, parked: 0 };
    for (const doc of docs) {
      const table = db.tables.find((t) => t.name === doc.table);
      const rec = doc.rec;
      if (
        !table ||
        staysLocal(doc.table, rec.id) ||
        typeof rec.id !== 'string' ||
        `${doc.table}:${rec.id}` !== doc._id
      ) {
        report.skipped++;
        continue;
      }
      if (doc.table === APPROVALS_TABLE) {
        if (await applyIncomingApproval(doc, SYNC_ACTOR)) report.applied++;
        else report.skipped++;
        continue;
      }
      if ((await db.syncOutbox.where('key').equals(doc._id).count()) > 0) {
        report.skipped++;
        continue;
      }
      const before = (await table.get(rec.id)) as Record<string, unknown> | undefined;
      if (before && canonicalJson(before) === canonicalJson(rec)) {
        report.skipped++;
        continue;
      }
      const clash = await uniqueClash(table, rec);
      if (clash) {
        await db.syncState.put({ id: PARKED_PREFIX + doc._id, value: { doc, reason: clash, at: nowIso() } });
        report.parked++;
        continue;
      }
      await table.put(rec);
      const diff = before ? changedFields(before, rec) : null;
      await appendAudit({
        at: nowIso(),
        actorId: SYNC_ACTOR.id,
        actorName: SYNC_ACTOR.name,
        table: doc.table,
        recordId: rec.id,
        action: before ? 'update' : 'create',
        summary: `同步（来自「${doc.pcName}」）`,
        ...(diff ? { before: diff.b, after: diff.a } : { after: rec }),
      });
      report.applied++;
    }
    await db.syncState.put({ id: CHECKPOINT_KEY, value: checkpoint });
    return report;
  },
});

// Applies up to `batch` changes that came into the local PouchDB since the checkpoint; resolves to
// how many changes were read (0: up to date). This PC's own documents are passed over.
export async function pullChanges(local: PouchDb, me: PcIdentity, batch = 500): Promise<number> {
  const since = ((await db.syncState.get(CHECKPOINT_KEY))?.value as number | string | undefined) ?? 0;
  await settleConflicts(local); // decisions taken on 同步冲突: their losing revisions go
  const res = await local.changes({ since, include_docs: true, conflicts: true, limit: batch });
  if (res.results.length === 0) return 0;
  await noteConflicts(local, res.results); // this PC's documents too: a conflict shows on both PCs
  const docs: RecordDoc[] = [];
  for (const r of res.results) {
    const d = r.doc;
    // this PC's own, and the audit chains (read by the verifier, not applied), are passed over
    if (!isRecordDoc(d) || d.pc === me.pcId || isChainDocId(d._id)) continue;
    docs.push(await withBlobs(local, d)); // the files' bytes: read one document at a time
  }
  await applyIncoming(docs, res.last_seq, SYNC_ACTOR);
  return res.results.length;
}

// Records kept aside because another record holds one of their unique values (for 同步冲突).
export function parkedCount(): Promise<number> {
  return db.syncState.where(':id').startsWith(PARKED_PREFIX).count();
}

// First connection of a PC that already has records: every record goes to the outbox once (UUID
// keys: the hub merges them with the other PCs' records instead of overwriting anything).
export async function seedOutbox(page = 1000): Promise<number> {
  let n = 0;
  for (const table of replicatedTables(db)) {
    let last: string | undefined;
    for (;;) {
      const coll = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
      const page_ = (await coll.limit(page).toArray()) as { id: string }[];
      if (page_.length === 0) break;
      last = page_[page_.length - 1].id;
      const recs = page_.filter((rec) => !staysLocal(table.name, rec.id));
      await db.syncOutbox.bulkAdd(
        recs.map((rec) => ({ key: `${table.name}:${rec.id}`, table: table.name, id: rec.id, rec })),
      );
      n += recs.length;
    }
  }
  return n;
}
