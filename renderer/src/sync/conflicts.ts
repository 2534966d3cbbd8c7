// 同步冲突: nothing replication cannot decide is dropped. Two PCs that changed the same record while
// apart leave CouchDB two revisions: one wins (the same one on every PC), the others wait in
// `_conflicts`. The pump notes each such document here (`conflict:<docId>` in syncState, with every
// version), on every PC, this PC's own documents included; records kept aside because another
// record holds one of their unique values (`parked:<docId>`, pump.ts) are conflicts to decide too.
// Someone with the right decides (resolveConflict: one audited transaction that writes the kept
// version through the outbox and marks the decision); the pump then removes the losing revisions
// from the local PouchDB (settleConflicts, outside any Dexie transaction, idempotently), and the
// removal replicates, so every PC converges on one revision and drops its entry.
import type { IndexableType } from 'dexie';

import { appendAudit } from '../db/audit';
import { nowIso } from '../db/clock';
import { defineCommand, refuse } from '../db/command';
import { db } from '../db/db';

import { APPROVALS_TABLE } from './approvalMerge';
import type { PouchChanges, PouchDb, PouchDoc } from './pouch';
import { PARKED_PREFIX, replicatedTables, uniqueClash, withBlobs } from './pump';
import type { RecordDoc } from './pump';

export const CONFLICT_PREFIX = 'conflict:';

// One version of a record: the revision, the PC that wrote it, the record as it wrote it (whole: an
// attachment's file read back from the document's attachments, so that keeping it keeps the file).
export type ConflictVersion = { rev: string; pc: string; pcName: string; rec: Record<string, unknown> };

// A conflict as kept in syncState: the winning version first, then the losing ones.
export type StoredConflict = {
  docId: string;
  table: string;
  recordId: string;
  versions: ConflictVersion[];
  seenAt: string;
  // decided on this PC: the revisions still to remove from the local PouchDB
  resolved?: { keptRev: string; losing: string[]; at: string; by: string };
};

// Parked (pump.ts): the record that came, and the index whose value another record holds.
type Parked = { doc: RecordDoc; reason: string; at: string };

// What the 同步冲突 screen lists: revisions of one record, or a record kept aside (parked), whose
// first version is this PC's record holding the value and whose second is the one that came.
export type Conflict = {
  kind: 'revisions' | 'parked';
  docId: string;
  table: string;
  recordId: string;
  versions: ConflictVersion[];
  seenAt: string;
  reason?: string;
};

// For a parked record: keep it aside (this PC's record stays), or apply it (once the value is free).
export const PARKED_ASIDE = 'aside';
export const PARKED_APPLY = 'apply';

export const CONFLICT_REFUSALS = {
  gone: '该同步冲突已处理或已不存在',
  version: '所选版本不在该冲突中',
  stillHeld: (index: string) =>
    `本机另一条记录仍占用相同的值（${index}），不能并入；请先修改本机那条记录，或选择“保留本机记录”`,
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

function versionOf(d: PouchDoc): ConflictVersion | null {
  if (d._deleted || !d._rev || !isObject(d.rec)) return null;
  return {
    rev: d._rev,
    pc: typeof d.pc === 'string' ? d.pc : '',
    pcName: typeof d.pcName === 'string' ? d.pcName : '',
    rec: d.rec,
  };
}

const sameRevs = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

// Notes the conflicts among documents read from the changes feed (read with `conflicts: true`): a
// document with losing revisions gets (or keeps) its entry, with every version; one without has
// none. The same conflict seen again is one entry, unchanged; a conflict decided here whose losing
// revisions are not gone yet is left to settleConflicts.
export async function noteConflicts(local: PouchDb, results: PouchChanges['results']): Promise<number> {
  let noted = 0;
  // the entries there are, read once (most documents have none: no read each)
  const known = new Set(await db.syncState.where(':id').startsWith(CONFLICT_PREFIX).primaryKeys());
  for (const r of results) {
    const doc = r.doc;
    if (!doc || typeof doc.table !== 'string') continue;
    // an approval's versions are merged event by event (approvalMerge.ts): nothing to decide
    if (doc.table === APPROVALS_TABLE) continue;
    const key = CONFLICT_PREFIX + doc._id;
    const losing = Array.isArray(doc._conflicts) ? (doc._conflicts as string[]) : [];
    if (losing.length === 0 && !known.has(key)) continue;
    const kept = (await db.syncState.get(key))?.value as StoredConflict | undefined;
    if (losing.length === 0) {
      if (kept) await db.syncState.delete(key);
      continue;
    }
    if (kept?.resolved && losing.every((rev) => kept.resolved!.losing.includes(rev))) continue;
    const revs = [doc._rev as string, ...losing];
    if (
      kept &&
      !kept.resolved &&
      sameRevs(
        kept.versions.map((v) => v.rev),
        revs,
      )
    )
      continue;
    const versions: ConflictVersion[] = [];
    for (const rev of revs) {
      const d = rev === doc._rev ? doc : await local.get(doc._id, { rev });
      const v = versionOf(isObject(d.rec) ? await withBlobs(local, d as RecordDoc) : d);
      if (v) versions.push(v);
    }
    const winner = versions[0];
    if (!winner) continue;
    const entry: StoredConflict = {
      docId: doc._id,
      table: doc.table,
      recordId: String(winner.rec.id ?? doc._id.slice(doc.table.length + 1)),
      versions,
      seenAt: nowIso(),
    };
    await db.syncState.put({ id: key, value: entry });
    noted++;
  }
  return noted;
}

// The decisions taken on this PC: removes their losing revisions from the local PouchDB (the
// removal replicates to the hub and the other PCs), then drops the entry. Safe to run again: a
// revision already removed is passed over.
export async function settleConflicts(local: PouchDb): Promise<number> {
  const rows = await db.syncState.where(':id').startsWith(CONFLICT_PREFIX).toArray();
  let settled = 0;
  for (const row of rows) {
    const c = row.value as StoredConflict;
    if (!c.resolved) continue;
    const now = await local.get(c.docId, { conflicts: true }).catch(() => null);
    if (!now) {
      await db.syncState.delete(row.id); // the document is gone: nothing left to decide
      continue;
    }
    const open = Array.isArray(now._conflicts) ? (now._conflicts as string[]) : [];
    const remove = c.resolved.losing.filter((rev) => open.includes(rev));
    if (remove.length)
      await local.bulkDocs(remove.map((rev) => ({ _id: c.docId, _rev: rev, _deleted: true })));
    await db.syncState.delete(row.id);
    // a conflict that came meanwhile (a third version) is noted afresh
    if (open.some((rev) => !remove.includes(rev)))
      await noteConflicts(local, [
        { id: c.docId, seq: 0, doc: await local.get(c.docId, { conflicts: true }) },
      ]);
    settled++;
  }
  return settled;
}

async function parkedHolder(p: Parked): Promise<ConflictVersion | null> {
  const table = db.tables.find((t) => t.name === p.doc.table);
  const idx = table?.schema.indexes.find((i) => i.name === p.reason);
  if (!table || !idx) return null;
  const paths = Array.isArray(idx.keyPath) ? idx.keyPath : [idx.keyPath as string];
  const value = paths.map((k) => p.doc.rec[k]);
  const holder = (await table
    .where(idx.name)
    .equals((paths.length > 1 ? value : value[0]) as IndexableType)
    .first()) as Record<string, unknown> | undefined;
  return holder ? { rev: 'local', pc: '', pcName: '本机', rec: holder } : null;
}

// Every conflict waiting for a decision: revisions first (oldest first), then parked records.
export async function listConflicts(): Promise<Conflict[]> {
  const rows = await db.syncState.where(':id').startsWith(CONFLICT_PREFIX).toArray();
  const out: Conflict[] = rows
    .map((r) => r.value as StoredConflict)
    .filter((c) => !c.resolved)
    .sort((a, b) => a.seenAt.localeCompare(b.seenAt))
    .map((c) => ({ kind: 'revisions', ...c }));
  const parked = await db.syncState.where(':id').startsWith(PARKED_PREFIX).toArray();
  for (const row of parked) {
    const p = row.value as Parked;
    const came = versionOf(p.doc);
    if (!came) continue;
    const holder = await parkedHolder(p);
    out.push({
      kind: 'parked',
      docId: p.doc._id,
      table: p.doc.table,
      recordId: String(p.doc.rec.id),
      versions: holder ? [holder, came] : [came],
      seenAt: p.at,
      reason: p.reason,
    });
  }
  return out;
}

// How many conflicts wait for a decision (the header's badge, the 多机同步 tab).
export async function conflictCount(): Promise<number> {
  const rows = await db.syncState.where(':id').startsWith(CONFLICT_PREFIX).toArray();
  const open = rows.filter((r) => !(r.value as StoredConflict).resolved).length;
  return open + (await db.syncState.where(':id').startsWith(PARKED_PREFIX).count());
}

const versionLabel = (v: ConflictVersion) => `「${v.pcName || '未命名电脑'}」`;

// Decides a conflict. choice: the revision of the version to keep; for a parked record PARKED_ASIDE
// (this PC's record stays, the one that came is not merged) or PARKED_APPLY (merged, if no other
// record holds its value any more). The kept version is written to this PC's database through the
// outbox (the decision replicates); the audit entry names the version kept and holds the other
// version whole (nothing is lost). The losing revisions are removed afterwards (settleConflicts).
export const resolveConflict = defineCommand({
  what: '解决同步冲突',
  perm: 'system.settings',
  tables: (d) => [...replicatedTables(d), d.syncState],
  run: async (ctx, docId: string, choice: string): Promise<void> => {
    const actor = { actorId: ctx.actor.id, actorName: ctx.actor.name, at: nowIso() };
    const parked = (await db.syncState.get(PARKED_PREFIX + docId))?.value as Parked | undefined;
    if (parked && (choice === PARKED_ASIDE || choice === PARKED_APPLY)) {
      const { doc } = parked;
      const table = db.table(doc.table);
      const recordId = String(doc.rec.id);
      if (choice === PARKED_APPLY) {
        const clash = await uniqueClash(table, doc.rec);
        if (clash) refuse(CONFLICT_REFUSALS.stillHeld(clash), 'choice');
        const before = (await table.get(recordId)) as Record<string, unknown> | undefined;
        await table.put(doc.rec);
        await appendAudit({
          ...actor,
          table: doc.table,
          recordId,
          action: before ? 'update' : 'create',
          summary: `解决同步冲突：并入${versionLabel(versionOf(doc)!)}传来的记录`,
          ...(before ? { before } : {}),
          after: doc.rec,
        });
      } else {
        await appendAudit({
          ...actor,
          table: doc.table,
          recordId,
          action: 'event',
          summary: `解决同步冲突：保留本机记录，不并入${versionLabel(versionOf(doc)!)}传来的记录`,
          after: doc.rec,
        });
      }
      await db.syncState.delete(PARKED_PREFIX + docId);
      return;
    }
    const key = CONFLICT_PREFIX + docId;
    const c = (await db.syncState.get(key))?.value as StoredConflict | undefined;
    if (!c || c.resolved) refuse(CONFLICT_REFUSALS.gone, 'choice');
    const keep = c.versions.find((v) => v.rev === choice);
    if (!keep) refuse(CONFLICT_REFUSALS.version, 'choice');
    const table = db.table(c.table);
    await table.put(keep.rec);
    // one entry per version left aside (usually one): its fields whole under `before`
    for (const other of c.versions.filter((v) => v !== keep))
      await appendAudit({
        ...actor,
        table: c.table,
        recordId: c.recordId,
        action: 'update',
        summary: `解决同步冲突：保留${versionLabel(keep)}的版本，舍弃${versionLabel(other)}的版本`,
        before: other.rec,
        after: keep.rec,
      });
    const resolved = {
      keptRev: keep.rev,
      losing: c.versions.slice(1).map((v) => v.rev),
      at: actor.at,
      by: ctx.actor.name,
    };
    await db.syncState.put({ id: key, value: { ...c, resolved } });
  },
});
