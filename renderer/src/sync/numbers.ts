// Numbers issued only by the hub (several PCs, spec several-pcs.md): a number is a claim document
// on the hub whose `_id` is the number, `docno:<series>:<year>:<seq>` (seq padded to six digits so
// that the hub's id order is the number order), written to the hub directly, not through
// replication. The hub refuses a second write of the same id (409): the claimer takes the next.
//
// With sync on, a command that needs a number writes its record as 待编号 (no network inside a
// Dexie transaction); the engine then numbers this PC's pending records, oldest first: it claims
// the next number on the hub and applies it by the module's audited system command 编号. Before
// each claim the number tried is noted in syncState, so a crash between claim and apply is
// recovered: a noted claim that the hub holds for the same record is applied instead of a new one.
// With sync off nothing here runs: every module numbers locally as before.
import { nowIso } from '../db/clock';
import { db } from '../db/db';
import { SYSTEM_ACTOR } from '../db/repo';
import type { Actor } from '../db/repo';

import type { PouchDoc } from './pouch';
import type { PcIdentity } from './pump';
import { SYNC_ACTOR } from './pump';

export const PENDING_NUMBER = '待编号';
// Who applies a number: the system, named for the audit trail.
export const NUMBERING_ACTOR: Actor = { id: SYSTEM_ACTOR.id, name: '同步中心编号' };
const JOURNAL_PREFIX = 'numbering:';
const SEQ_DIGITS = 6;
const MAX_TRIES = 200;

// The claim of one number, as stored on the hub. It names the record it numbers and the PC.
export type ClaimDoc = PouchDoc & {
  kind: 'docno';
  series: string;
  year: number;
  seq: number;
  table: string;
  id: string;
  pc: string;
  pcName: string;
  at: string;
};

// The part of PouchDB's API (over HTTP: the hub itself) the claims use.
export type HubDb = {
  put(doc: PouchDoc): Promise<{ ok?: boolean; id?: string; rev?: string }>;
  get(id: string): Promise<PouchDoc>;
  allDocs(opts: {
    startkey: string;
    endkey: string;
    descending?: boolean;
    limit?: number;
  }): Promise<{ rows: { id: string }[] }>;
};

// A record waiting for its number.
export type PendingRecord = { table: string; id: string; series: string; year: number; at: string };

// A kind of numbered record (a module contributes one at start-up, see registerNumbering).
export type Numbering = {
  table: string;
  // this table's records waiting for a number, on every PC (index reads: they are few)
  pending(): Promise<PendingRecord[]>;
  // the highest number of the series and year known on this PC (numbers given before sync was on)
  localTop(series: string, year: number): Promise<number>;
  // the audited system command 编号: writes the number into the record (through the outbox)
  apply(rec: PendingRecord, seq: number, actor: Actor): Promise<void>;
};

const registry = new Map<string, Numbering>();

export function registerNumbering(n: Numbering): void {
  registry.set(n.table, n);
}

export function claimId(series: string, year: number, seq: number): string {
  return `docno:${series}:${year}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

function seqOfId(id: string): number {
  return Number(id.slice(id.lastIndexOf(':') + 1));
}

// The highest number of the series and year claimed on the hub (0: none yet).
export async function topClaimed(hub: HubDb, series: string, year: number): Promise<number> {
  const res = await hub.allDocs({
    startkey: `docno:${series}:${year}:\uffff`,
    endkey: `docno:${series}:${year}:`,
    descending: true,
    limit: 1,
  });
  return res.rows.length ? seqOfId(res.rows[0].id) : 0;
}

function isConflict(e: unknown): boolean {
  const err = e as { status?: number; name?: string } | null;
  return err?.status === 409 || err?.name === 'conflict';
}

function journalKey(rec: Pick<PendingRecord, 'table' | 'id'>): string {
  return `${JOURNAL_PREFIX}${rec.table}:${rec.id}`;
}

// Claims the next free number of the record's series and year on the hub: from above the highest
// claimed (or known here), one after the other while the hub answers 409.
export async function claimNumber(
  hub: HubDb,
  rec: PendingRecord,
  me: PcIdentity,
  floor = 0,
): Promise<ClaimDoc> {
  let seq = Math.max(await topClaimed(hub, rec.series, rec.year), floor) + 1;
  for (let i = 0; i < MAX_TRIES; i++, seq++) {
    const doc: ClaimDoc = {
      _id: claimId(rec.series, rec.year, seq),
      kind: 'docno',
      series: rec.series,
      year: rec.year,
      seq,
      table: rec.table,
      id: rec.id,
      pc: me.pcId,
      pcName: me.pcName,
      at: nowIso(),
    };
    // noted before the write: a crash after it finds the claim again (recoverClaim)
    await db.syncState.put({ id: journalKey(rec), value: doc._id });
    try {
      await hub.put(doc);
      return doc;
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
  throw new Error(`同步中心编号多次冲突（${rec.series} ${rec.year}）`);
}

// A claim noted for this record that the hub holds for it (a crash between claim and apply).
export async function recoverClaim(hub: HubDb, rec: PendingRecord, me: PcIdentity): Promise<ClaimDoc | null> {
  const noted = (await db.syncState.get(journalKey(rec)))?.value;
  if (typeof noted !== 'string') return null;
  try {
    const doc = (await hub.get(noted)) as ClaimDoc;
    if (doc.table === rec.table && doc.id === rec.id && doc.pc === me.pcId) return doc;
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e;
  }
  return null;
}

// Whether this PC registered the record (its first audit entry here is not one of 同步): only
// that PC numbers it, the others wait for the number to come through the hub.
export async function createdHere(table: string, id: string): Promise<boolean> {
  const first = await db.audit.where('[table+recordId]').equals([table, id]).first();
  return !!first && !(first.actorId === SYNC_ACTOR.id && first.actorName === SYNC_ACTOR.name);
}

// The records of this PC waiting for a number, oldest registration first, across every kind.
export async function pendingHere(): Promise<PendingRecord[]> {
  const out: PendingRecord[] = [];
  for (const n of registry.values())
    for (const r of await n.pending()) if (await createdHere(r.table, r.id)) out.push(r);
  return out.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1));
}

// Numbers this PC's pending records on the hub, oldest first; resolves to how many were numbered.
// Throws (the engine keeps the rest for later) when the hub cannot be reached.
export async function numberPending(hub: HubDb, me: PcIdentity): Promise<number> {
  let done = 0;
  for (const rec of await pendingHere()) {
    const kind = registry.get(rec.table);
    if (!kind) continue;
    const claim =
      (await recoverClaim(hub, rec, me)) ??
      (await claimNumber(hub, rec, me, await kind.localTop(rec.series, rec.year)));
    await kind.apply(rec, claim.seq, NUMBERING_ACTOR);
    await db.syncState.delete(journalKey(rec));
    done++;
  }
  return done;
}
