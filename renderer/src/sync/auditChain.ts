// The audit trail of several PCs: one hash chain per PC. Each PC's entries go to the hub as
// immutable documents `audit:<pcId>:<seq>` (written once, never rewritten: they cannot conflict),
// and the PC's head is anchored there as `anchor:<pcId>` after each push. The other PCs' entries
// arrive by replication and stay in the local PouchDB (read by the verifier, never mixed into this
// PC's own chain in Dexie). 校验审计链 with sync on checks every PC's chain, from its first entry to
// its anchor, with the hashing of db/audit.ts.
import { AUDIT_FAULTS, AUDIT_GENESIS, auditEntryFault, canonicalJson, verifyAuditChain } from '../db/audit';
import type { ChainReport } from '../db/audit';
import { nowIso } from '../db/clock';
import { db } from '../db/db';
import type { AuditEntry } from '../db/schema/core';

import { localPouchName, pcId } from './config';
import { readSyncConfig } from './outbox';
import type { PouchCtor, PouchDb, PouchDoc } from './pouch';
import type { PcIdentity } from './pump';

// syncState: the last seq of this PC's chain sent to the local PouchDB; alarms found while sending
export const AUDIT_PUSHED_KEY = 'auditPushed';
export const AUDIT_ALARM_PREFIX = 'auditAlarm:';

export type AuditDoc = PouchDoc & {
  kind: 'audit';
  pc: string;
  pcName: string;
  seq: number;
  entry: AuditEntry;
};
export type AnchorDoc = PouchDoc & {
  kind: 'anchor';
  pc: string;
  pcName: string;
  seq: number;
  hash: string;
  at: string;
};
export type AuditAlarm = { seq: number; reason: string; at: string };

// The seq is zero-padded so that a chain's documents come out of allDocs in chain order.
export function auditDocId(pc: string, seq: number): string {
  return `audit:${pc}:${String(seq).padStart(10, '0')}`;
}
export function anchorDocId(pc: string): string {
  return `anchor:${pc}`;
}
// The chain's documents are not records: the pump does not apply them to Dexie.
export function isChainDocId(id: string): boolean {
  return id.startsWith('audit:') || id.startsWith('anchor:');
}

// allDocs as the chain reads it (pouch.ts types only the pump's use).
type Row = {
  id: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: PouchDoc;
  error?: string;
};
type DocsPouch = {
  allDocs(opts: {
    keys?: string[];
    include_docs?: boolean;
    startkey?: string;
    endkey?: string;
    limit?: number;
    descending?: boolean;
  }): Promise<{ rows: Row[] }>;
};
const docs = (p: PouchDb) => p as unknown as DocsPouch;

const sameEntry = (a: unknown, b: AuditEntry) => canonicalJson(a) === canonicalJson(b);

async function alarm(seq: number, reason: string): Promise<void> {
  await db.syncState.put({ id: AUDIT_ALARM_PREFIX + seq, value: { seq, reason, at: nowIso() } });
}

export async function auditAlarms(): Promise<AuditAlarm[]> {
  const rows = await db.syncState.where(':id').startsWith(AUDIT_ALARM_PREFIX).toArray();
  return rows.map((r) => r.value as AuditAlarm).sort((a, b) => a.seq - b.seq);
}

// Sends up to `batch` entries of this PC's chain after the checkpoint (from the first entry on, also
// those written before sync was turned on); resolves to how many were read (0: all sent). An entry
// already there is skipped; one there with other content is never overwritten: it is noted as an
// alarm, which the verifier reports. Then the chain's head is anchored.
export async function pushAuditChain(local: PouchDb, me: PcIdentity, batch = 500): Promise<number> {
  const from = ((await db.syncState.get(AUDIT_PUSHED_KEY))?.value as number | undefined) ?? 0;
  const entries = await db.audit.where(':id').above(from).limit(batch).toArray();
  if (entries.length === 0) return 0;
  const toDoc = (e: AuditEntry): AuditDoc => ({
    _id: auditDocId(me.pcId, e.seq as number),
    kind: 'audit',
    pc: me.pcId,
    pcName: me.pcName,
    seq: e.seq as number,
    entry: e,
  });
  // revisions only (cheap); the content only of copies already there, to compare
  const check = async (list: AuditEntry[]): Promise<AuditEntry[]> => {
    const have = await local.allDocs({ keys: list.map((e) => toDoc(e)._id) });
    const there = list.filter((_, i) => have.rows[i]?.value);
    const copies = there.length
      ? await docs(local).allDocs({ keys: there.map((e) => toDoc(e)._id), include_docs: true })
      : { rows: [] };
    for (const [i, e] of there.entries()) {
      const row = copies.rows[i];
      if (row?.value?.deleted) await alarm(e.seq as number, '同步中心上的副本被删除过');
      else if (!sameEntry((row?.doc as AuditDoc | undefined)?.entry, e))
        await alarm(e.seq as number, '同步中心上已有一份内容不同的副本（未覆盖）');
    }
    return list.filter((_, i) => !have.rows[i]?.value);
  };
  let todo = await check(entries);
  for (let attempt = 0; todo.length > 0; attempt++) {
    if (attempt === 3) throw new Error('同步写入审计记录时多次冲突');
    const results = await local.bulkDocs(todo.map(toDoc));
    // written meanwhile by someone else: compared again, never overwritten
    todo = await check(todo.filter((_, i) => results[i]?.status === 409 || results[i]?.error === 'conflict'));
  }
  const head = entries[entries.length - 1];
  await db.syncState.put({ id: AUDIT_PUSHED_KEY, value: head.seq });
  await writeAnchor(local, me, { seq: head.seq as number, hash: head.hash });
  return entries.length;
}

async function writeAnchor(
  local: PouchDb,
  me: PcIdentity,
  head: { seq: number; hash: string },
): Promise<void> {
  const id = anchorDocId(me.pcId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const rev = (await local.allDocs({ keys: [id] })).rows[0]?.value?.rev;
    const doc: AnchorDoc = {
      _id: id,
      ...(rev ? { _rev: rev } : {}),
      kind: 'anchor',
      pc: me.pcId,
      pcName: me.pcName,
      ...head,
      at: nowIso(),
    };
    const [r] = await local.bulkDocs([doc]);
    if (!(r?.status === 409 || r?.error === 'conflict')) return;
  }
}

// One PC's chain as the verifier found it. brokenSeq: the first entry that is missing or wrong.
export type PcChain = {
  pcId: string;
  pcName: string;
  own: boolean;
  ok: boolean;
  checked: number;
  anchorSeq?: number;
  brokenSeq?: number;
  reason?: string;
};
export type ChainsReport = { local: ChainReport; pcs?: PcChain[] };

const HIGH = '\ufff0';

// The PCs that have a chain or an anchor in the local PouchDB (one key per PC: skips from chain to chain).
async function chainOwners(local: PouchDb): Promise<Map<string, AnchorDoc | null>> {
  const owners = new Map<string, AnchorDoc | null>();
  const anchors = await docs(local).allDocs({
    startkey: 'anchor:',
    endkey: 'anchor:' + HIGH,
    include_docs: true,
  });
  for (const r of anchors.rows) {
    const a = r.doc as AnchorDoc | undefined;
    if (a && Number.isInteger(a.seq)) owners.set(r.id.slice('anchor:'.length), a);
  }
  let start = 'audit:';
  for (;;) {
    const [r] = (await docs(local).allDocs({ startkey: start, endkey: 'audit:' + HIGH, limit: 1 })).rows;
    if (!r) break;
    const pc = r.id.split(':')[1];
    if (!owners.has(pc)) owners.set(pc, null);
    start = `audit:${pc}:${HIGH}`;
  }
  return owners;
}

function missing(from: number, to: number): string {
  return to > from ? `第 ${from}～${to} 条记录缺失` : `第 ${from} 条记录缺失`;
}

// Walks one PC's chain in the local PouchDB from its first entry, then compares its end with the
// PC's anchor. For this PC, each copy is also compared with the entry in Dexie.
export async function verifyPcChain(
  local: PouchDb,
  pc: string,
  anchor: AnchorDoc | null,
  own: boolean,
  onProgress?: (checked: number) => void,
): Promise<PcChain> {
  let pcName = anchor?.pcName ?? '';
  let prevHash = AUDIT_GENESIS;
  let lastSeq = 0;
  let checked = 0;
  let anchorHash: string | undefined;
  const result = (broken?: { seq: number; reason: string }): PcChain => ({
    pcId: pc,
    pcName: pcName || pc.slice(0, 8),
    own,
    ok: !broken,
    checked,
    ...(anchor ? { anchorSeq: anchor.seq } : {}),
    ...(broken ? { brokenSeq: broken.seq, reason: broken.reason } : {}),
  });
  for (;;) {
    const { rows } = await docs(local).allDocs({
      startkey: auditDocId(pc, lastSeq + 1),
      endkey: `audit:${pc}:${HIGH}`,
      include_docs: true,
      limit: 1000,
    });
    if (rows.length === 0) break;
    const mine = own ? await db.audit.bulkGet(rows.map((r) => Number(r.id.split(':')[2]))) : [];
    for (const [i, r] of rows.entries()) {
      const d = r.doc as AuditDoc;
      const seq = Number(r.id.split(':')[2]);
      pcName = d.pcName || pcName;
      const e = d.entry;
      if (!e || e.seq !== seq) return result({ seq, reason: '记录的序号与其编号不符' });
      if (!r.value?.rev.startsWith('1-'))
        return result({ seq, reason: '该记录在同步中心上被改写过（审计记录只应写入一次）' });
      const fault = auditEntryFault(e, prevHash);
      if (fault === 'link' && seq > lastSeq + 1)
        return result({ seq: lastSeq + 1, reason: missing(lastSeq + 1, seq - 1) });
      if (fault) return result({ seq, reason: AUDIT_FAULTS[fault] });
      if (own && mine[i] && mine[i].hash !== e.hash)
        return result({ seq, reason: '同步中心上的副本与本机的记录不符' });
      prevHash = e.hash;
      lastSeq = seq;
      checked++;
      if (seq === anchor?.seq) anchorHash = e.hash;
    }
    onProgress?.(checked);
  }
  if (!anchor)
    return result({
      seq: lastSeq + 1,
      reason: '同步中心上没有该机审计链的锚点（尚未同步完成，或锚点被删除）',
    });
  if (anchor.seq > lastSeq)
    return result({
      seq: lastSeq + 1,
      reason: `${missing(lastSeq + 1, anchor.seq)}：锚点记到第 ${anchor.seq} 条，收到的记录只到第 ${lastSeq} 条（末尾被删除，或尚未同步完成）`,
    });
  if (anchorHash !== anchor.hash)
    return result({ seq: anchor.seq, reason: '本条记录与锚点记下的哈希不符（记录被替换）' });
  return result();
}

// Every PC's chain: this PC's own chain in Dexie (as without sync) and its copy on the hub, then
// every other PC's chain that replication brought, each ending at its anchor.
export async function verifyAllChains(
  local: PouchDb,
  me: PcIdentity,
  onProgress?: (checked: number) => void,
): Promise<ChainsReport> {
  const mine = await verifyAuditChain(onProgress);
  const owners = await chainOwners(local);
  if (!owners.has(me.pcId)) owners.set(me.pcId, null);
  const alarms = await auditAlarms();
  const pcs: PcChain[] = [];
  for (const [pc, anchor] of owners) {
    const own = pc === me.pcId;
    let c = await verifyPcChain(local, pc, anchor, own);
    if (own) {
      c = { ...c, pcName: me.pcName };
      const first = alarms[0];
      if (!mine.ok && (c.ok || (mine.firstBrokenSeq ?? 0) <= (c.brokenSeq ?? 0)))
        c = { ...c, ok: false, brokenSeq: mine.firstBrokenSeq, reason: `本机库中：${mine.reason}` };
      else if (first && (c.ok || first.seq < (c.brokenSeq ?? 0)))
        c = { ...c, ok: false, brokenSeq: first.seq, reason: first.reason };
    }
    pcs.push(c);
  }
  pcs.sort((a, b) => Number(b.own) - Number(a.own) || a.pcName.localeCompare(b.pcName, 'zh-CN'));
  return { local: mine, pcs };
}

// One line per PC, as 校验审计链 shows it.
export function chainLine(c: PcChain): string {
  const who = `「${c.pcName}」${c.own ? '（本机）' : ''}`;
  if (c.ok)
    return `${who}：完整，已校验 ${c.checked} 条${c.anchorSeq ? `，末端与同步中心上的锚点（第 ${c.anchorSeq} 条）一致` : ''}`;
  return `${who}：在第 ${c.brokenSeq} 条记录处断开——${c.reason}（此前 ${c.checked} 条完好）`;
}

// 校验审计链 from the screen: with sync off exactly the check of one PC; with sync on every PC's
// chain, read from the engine's local PouchDB (or this PC's copy opened for the check).
export async function verifyEveryChain(onProgress?: (checked: number) => void): Promise<ChainsReport> {
  const config = await readSyncConfig();
  if (!config.enabled) return { local: await verifyAuditChain(onProgress) };
  const me = { pcId: await pcId(), pcName: config.pcName };
  return withLocalPouch((local) => verifyAllChains(local, me, onProgress));
}

// The engine's local PouchDB, or this PC's copy opened for the moment.
async function withLocalPouch<T>(fn: (local: PouchDb) => Promise<T>): Promise<T> {
  const { runningPouch } = await import('./engine');
  const running = runningPouch();
  if (running) return fn(running);
  const { default: PouchDB } = (await import('pouchdb-browser')) as { default: PouchCtor };
  const local = new PouchDB(localPouchName());
  try {
    return await fn(local);
  } finally {
    await local.close();
  }
}

// The 审计日志's choice of PC, with sync on: this PC first (its entries are read from Dexie), then
// the PCs whose chains replication brought. Empty with sync off.
export type ChainPc = { pcId: string; pcName: string; own: boolean };
export async function chainPcs(): Promise<ChainPc[]> {
  const config = await readSyncConfig();
  if (!config.enabled) return [];
  const me = await pcId();
  const owners = await withLocalPouch(chainOwners);
  const others: ChainPc[] = [...owners]
    .filter(([pc]) => pc !== me)
    .map(([pc, a]) => ({ pcId: pc, pcName: a?.pcName ?? pc.slice(0, 8), own: false }));
  others.sort((a, b) => a.pcName.localeCompare(b.pcName, 'zh-CN'));
  return [{ pcId: me, pcName: config.pcName, own: true }, ...others];
}

// Another PC's entries, newest first, below `before` (its seq), those that `match`: up to limit + 1.
export function pcAuditEntries(
  pc: string,
  match: (e: AuditEntry) => boolean,
  before: number | null,
  limit: number,
): Promise<AuditEntry[]> {
  return withLocalPouch((local) => readPcEntries(local, pc, match, before, limit));
}

export async function readPcEntries(
  local: PouchDb,
  pc: string,
  match: (e: AuditEntry) => boolean,
  before: number | null,
  limit: number,
): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let start = before ? auditDocId(pc, before - 1) : `audit:${pc}:${HIGH}`;
  for (;;) {
    const { rows } = await docs(local).allDocs({
      startkey: start,
      endkey: `audit:${pc}:`,
      descending: true,
      include_docs: true,
      limit: 500,
    });
    for (const r of rows) {
      const e = (r.doc as AuditDoc | undefined)?.entry;
      if (e && match(e)) out.push(e);
      if (out.length > limit) return out;
    }
    if (rows.length < 500) return out;
    const lastSeq = Number(rows[rows.length - 1].id.split(':')[2]);
    if (lastSeq <= 1) return out;
    start = auditDocId(pc, lastSeq - 1);
  }
}
