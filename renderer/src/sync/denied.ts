// Changes the hub refused. The hub's validate_doc_update (designDoc.ts) refuses an illegal change —
// an approval by someone who is not the step's approver, a decision on a request withdrawn on
// another PC — also when it comes by replication. PouchDB's replication then emits 'denied' and
// goes on: the refused revision stays this PC's winner, the hub never takes it, and pulling never
// brings the hub's version back (this PC's revision is newer). Each refusal is kept here
// (`denied:<docId>` in syncState, beside conflicts.ts's `conflict:` and pump.ts's `parked:`) until
// someone with the right decides on 同步冲突: adoptHubVersion reads the hub's document, writes its
// content in the local PouchDB as a new revision on top of the refused one (the hub accepts it:
// nothing in it is new to the hub), and the record as the hub has it into this PC's database by one
// audited command. Other PCs never saw the refused change: they have nothing to undo.
import type { ApprovalRequest } from '../approvals/types';
import { appendAudit } from '../db/audit';
import { nowIso } from '../db/clock';
import { defineCommand, refuse, requirePermission } from '../db/command';
import { db } from '../db/db';
import { isLive } from '../db/live';
import { softDelete } from '../db/repo';
import type { Actor } from '../db/repo';

import { APPROVALS_TABLE, followOutcome } from './approvalMerge';
import type { PouchDb, PouchDoc } from './pouch';
import { replicatedTables } from './pump';
import type { PcIdentity } from './pump';
import { reasonOf } from './status';

export const DENIED_PREFIX = 'denied:';
export const ADOPT_WHAT = '采用同步中心的版本';

// A refusal as the 'denied' event says it: which document, why (the hub's message), which way.
export type DeniedChange = {
  docId: string;
  table: string; // the part of the document's id before the first ':' ('' for a design document)
  recordId: string;
  reason: string;
  direction: 'push' | 'pull';
  rev?: string; // the refused revision (CouchDB names it; express-pouchdb does not)
};

// Kept until decided: when, and the record as this PC has it (the refused version).
export type StoredDenied = DeniedChange & { at: string; rec: Record<string, unknown> | null };

export const DENIED_REASONS = {
  // the hub's message is not its validate_doc_update's (CouchDB's own, in English)
  forbidden: '同步中心的校验规则不接受这项修改',
  unauthorized: '本机的同步账户无权写入这条记录',
};

export const DENIED_REFUSALS = {
  gone: '该项已处理或已不存在',
  notRunning: '多机同步未在运行，读不到同步中心的版本；请先开启同步',
  offline: '连不上同步中心，读不到它的版本，未作任何修改；请在能连通同步中心时再处理',
  hubError: (reason: string) => `读取同步中心的版本失败（${reason}），未作任何修改`,
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

// PouchDB's sync emits 'denied' as { direction, doc } where doc is the hub's per-document error
// from _bulk_docs as the http adapter makes it: { id, rev (CouchDB), error: 'forbidden' |
// 'unauthorized', reason, name, message (= reason), status (500: none came per document) }; a
// one-way replication emits the error itself. null: not a refusal of a document.
export function deniedOf(event: unknown): DeniedChange | null {
  if (!isObject(event)) return null;
  const err = isObject(event.doc) ? event.doc : event;
  if (typeof err.id !== 'string' || err.id === '') return null;
  const docId = err.id;
  const cut = docId.indexOf(':');
  const name = String(err.name ?? err.error ?? '').toLowerCase();
  const said = [err.reason, err.message].find((t): t is string => typeof t === 'string' && t.trim() !== '');
  const reason =
    said && hasChinese(said)
      ? said.trim()
      : name === 'unauthorized'
        ? DENIED_REASONS.unauthorized
        : DENIED_REASONS.forbidden;
  return {
    docId,
    table: cut > 0 ? docId.slice(0, cut) : '',
    recordId: cut > 0 ? docId.slice(cut + 1) : docId,
    reason,
    direction: event.direction === 'pull' ? 'pull' : 'push',
    ...(typeof err.rev === 'string' ? { rev: err.rev } : {}),
  };
}

const replicatedTable = (name: string) => replicatedTables(db).find((t) => t.name === name);

// The refused version: the revision the hub named in the local PouchDB, else this PC's record.
async function refusedRecord(local: PouchDb, d: DeniedChange): Promise<Record<string, unknown> | null> {
  const doc = await local.get(d.docId, d.rev ? { rev: d.rev } : undefined).catch(() => null);
  if (doc && isObject(doc.rec)) return doc.rec;
  const rec = await replicatedTable(d.table)?.get(d.recordId);
  return isObject(rec) ? rec : null;
}

// Notes a refusal (the engine's 'denied' handler; outside any transaction). The same document
// refused again is one entry, the latest refusal.
export async function noteDenied(local: PouchDb, event: unknown): Promise<StoredDenied | null> {
  const d = deniedOf(event);
  if (!d) return null;
  const entry: StoredDenied = { ...d, at: nowIso(), rec: await refusedRecord(local, d) };
  await db.syncState.put({ id: DENIED_PREFIX + d.docId, value: entry });
  return entry;
}

// The refusals waiting for a decision, oldest first.
export async function listDenied(): Promise<StoredDenied[]> {
  const rows = await db.syncState.where(':id').startsWith(DENIED_PREFIX).toArray();
  return rows.map((r) => r.value as StoredDenied).sort((a, b) => a.at.localeCompare(b.at));
}

export function deniedCount(): Promise<number> {
  return db.syncState.where(':id').startsWith(DENIED_PREFIX).count();
}

// The way to the hub the decision needs: the running engine's (engine.ts), or the tests' own.
export type HubLink = { local: PouchDb; remote: PouchDb; me: PcIdentity };

// The hub's current document; null when it has none (a refused creation) or only a deletion.
async function hubVersion(remote: PouchDb, docId: string): Promise<PouchDoc | null> {
  try {
    const doc = await remote.get(docId);
    return doc._deleted ? null : doc;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    const { offline, reason } = reasonOf(e);
    refuse(offline ? DENIED_REFUSALS.offline : DENIED_REFUSALS.hubError(reason));
  }
}

// The leaf to write on: the refused revision, or what this PC wrote on top of it since; without a
// named revision, this PC's winner. A refused revision left a leaf would go out again, refused
// again, whenever the document changes.
async function refusedLeaf(local: PouchDb, docId: string, rev?: string): Promise<string | undefined> {
  if (rev) {
    const leaves = await local.get(docId, { open_revs: 'all', revs: true }).catch(() => []);
    for (const { ok } of leaves) {
      const h = ok?._revisions;
      if (ok?._rev && h?.ids.some((id, i) => `${h.start - i}-${id}` === rev)) return ok._rev;
    }
  }
  return (await local.allDocs({ keys: [docId] })).rows[0]?.value?.rev;
}

// 采用同步中心的版本. Order: the hub is read first (unreachable: refused, nothing changed), then
// the local PouchDB is written (outside any Dexie transaction), then this PC's database by one
// command. The new revision is marked as this PC's: the pump does not apply it (the command does);
// if the command fails after it, the entry stays and the decision can be taken again.
export async function adoptHubVersion(docId: string, actor: Actor, link?: HubLink | null): Promise<void> {
  await requirePermission(actor, 'system.settings', ADOPT_WHAT);
  const entry = (await db.syncState.get(DENIED_PREFIX + docId))?.value as StoredDenied | undefined;
  if (!entry) refuse(DENIED_REFUSALS.gone);
  const hub = link ?? (await import('./engine')).runningLink();
  if (!hub) refuse(DENIED_REFUSALS.notRunning);
  const current = await hubVersion(hub.remote, docId);
  const base = await refusedLeaf(hub.local, docId, entry.rev);
  const content = current && Object.fromEntries(Object.entries(current).filter(([k]) => !k.startsWith('_')));
  await hub.local.bulkDocs([
    content
      ? { ...content, _id: docId, ...(base ? { _rev: base } : {}), pc: hub.me.pcId, pcName: hub.me.pcName }
      : // The hub has no such document: the refused revision created it. A deletion on top of it
        // (the hub accepts one of a document it never had, and no PC applies a deletion) closes it;
        // not the record soft-deleted, whose content is what the hub refused.
        { _id: docId, ...(base ? { _rev: base } : {}), _deleted: true },
  ]);
  await takeHubVersion(docId, current ? { rec: isObject(current.rec) ? current.rec : null } : null, actor);
}

const takeHubVersion = defineCommand({
  what: ADOPT_WHAT,
  perm: 'system.settings',
  // the local PouchDB holds the hub's version already (adoptHubVersion)
  outbox: false,
  tables: (d) => [...replicatedTables(d), d.syncOutbox, d.syncState],
  // hub: the hub's document (its record, if it is one), null when the hub has none
  run: async (ctx, docId: string, hub: { rec: Record<string, unknown> | null } | null): Promise<void> => {
    const key = DENIED_PREFIX + docId;
    const entry = (await db.syncState.get(key))?.value as StoredDenied | undefined;
    if (!entry) refuse(DENIED_REFUSALS.gone);
    const table = replicatedTable(entry.table);
    const before = (await table?.get(entry.recordId)) as Record<string, unknown> | undefined;
    const summary = `${ADOPT_WHAT}（同步中心拒绝了本机的修改：${entry.reason}）`;
    const hubRec = hub?.rec;
    if (table && hubRec) {
      await table.put(hubRec);
      await appendAudit({
        at: nowIso(),
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        table: table.name,
        recordId: entry.recordId,
        action: before ? 'update' : 'create',
        summary,
        ...(before ? { before } : {}),
        after: hubRec,
      });
      // a request this PC finished otherwise than the hub (approved here, withdrawn there)
      if (table.name === APPROVALS_TABLE)
        await followOutcome(before as ApprovalRequest | undefined, hubRec as ApprovalRequest, ctx.actor);
    } else if (!hub && table && before && isLive(before)) {
      // The hub never had the record (its creation was refused): this PC's copy is soft-deleted,
      // kept with its content (回收站, audit trail), not hard-deleted; no other PC has it.
      await softDelete(table, entry.recordId, ctx.actor, `${summary}，同步中心没有这条记录`);
    }
    // this PC's changes of the record not sent yet were made on the refused version: the hub's
    // version replaces them (sent, they would be refused again)
    await db.syncOutbox.where('key').equals(docId).delete();
    await db.syncState.delete(key);
  },
});
