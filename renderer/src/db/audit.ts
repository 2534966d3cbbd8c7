// The audit trail: every change to a record leaves an entry (who, when, table, id, before/after),
// written in the same transaction as the change. Entries form a hash chain: each carries the hash
// of the one before, so a rewritten or removed entry is found by verifyAuditChain.
import Dexie from 'dexie';

import { sha256Hex } from '../../../shared/hash';

import { advanceAuditAnchor, readAuditAnchor } from './auditAnchor';
import type { AuditHead } from './auditAnchor';
import { db } from './db';
import type { AuditEntry } from './schema/core';
import { outerWriteTransaction } from './tx';

export const AUDIT_GENESIS = '0'.repeat(64);

// Stable JSON: keys sorted, Blobs replaced by their size and type (the blob itself is not audited).
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return { blob: true, size: value.size, type: value.type };
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return { bytes: (value as Uint8Array).byteLength };
  if (Array.isArray(value)) return value.map(normalise);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = normalise(v);
  }
  return out;
}

export function auditHash(entry: Omit<AuditEntry, 'hash' | 'seq'>): string {
  const { prevHash, ...rest } = entry;
  return sha256Hex(prevHash + '|' + canonicalJson(rest));
}

// auditHash of a new entry whose before and after are auditCopy's copies (already canonical): only
// the rest is normalised, not the records again — the same text, so the same hash.
function newEntryHash(entry: Omit<AuditEntry, 'hash' | 'seq'>): string {
  const { prevHash, before, after, ...rest } = entry;
  const top = normalise(rest) as Record<string, unknown>;
  if (before !== undefined) top.before = before;
  if (after !== undefined) top.after = after;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(top).sort()) sorted[k] = top[k];
  return sha256Hex(prevHash + '|' + JSON.stringify(sorted));
}

// Secrets never enter the audit trail: a password change shows that the hash changed, not the hash.
const SECRET_KEYS = new Set(['passwordHash', 'salt']);
function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? '（已隐藏）' : redact(v);
  return out;
}

// For audit copies: drop blobs and secrets, keep everything else.
export function auditCopy<T>(value: T): unknown {
  return value === undefined ? undefined : redact(normalise(value));
}

const headInTx = new WeakMap<IDBTransaction, AuditHead>();

// Buffered entries (载入演示数据): while bufferAudit is on, a transaction opened by writeTx keeps its
// entries in memory, chained and numbered as appendAudit would, and writes them with one bulkAdd at
// the end of its scope (flushAuditBuffer) instead of awaiting one add per entry.
const bufferOf = new WeakMap<IDBTransaction, AuditEntry[]>();
let buffering = false;
export function bufferAudit(on: boolean): void {
  buffering = on;
}
export function auditBuffering(): boolean {
  return buffering;
}

function currentIdbTrans(): IDBTransaction | null {
  const t = Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction } | null;
  return t?.idbtrans ?? null;
}

// Called by writeTx at the start of its scope: true when this scope buffers (and must flush).
export function startAuditBuffer(): boolean {
  const idbtrans = currentIdbTrans();
  if (!buffering || !idbtrans || bufferOf.has(idbtrans)) return false;
  bufferOf.set(idbtrans, []);
  return true;
}

// Whether this transaction keeps its audit entries until the end of its scope (flushAuditBuffer).
export function auditBuffered(idbtrans: IDBTransaction): boolean {
  return bufferOf.has(idbtrans);
}
// Called at the end of a buffering scope, before its entries are written (载入演示数据's held-back
// writes, demo/fastCore.ts).
let beforeFlush: ((idbtrans: IDBTransaction) => Promise<void>) | null = null;
export function onAuditFlush(fn: ((idbtrans: IDBTransaction) => Promise<void>) | null): void {
  beforeFlush = fn;
}

// Writes the buffered entries (inside the transaction, before its scope ends) and stops buffering.
export async function flushAuditBuffer(): Promise<void> {
  const idbtrans = currentIdbTrans();
  const entries = idbtrans && bufferOf.get(idbtrans);
  if (!entries) return;
  if (beforeFlush) await beforeFlush(idbtrans);
  bufferOf.delete(idbtrans);
  if (entries.length) await db.audit.bulkAdd(entries);
}

export async function appendAudit(entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'seq'>): Promise<AuditEntry> {
  if (!outerWriteTransaction()) {
    return db.transaction('rw', db.audit, () => appendAudit(entry));
  }
  // The chain's head is read once per transaction, then carried along: inside one read-write
  // transaction on the audit table nobody else can append, so the cached head is exact.
  const idbtrans = (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans;
  const buffer = bufferOf.get(idbtrans);
  let carried = headInTx.get(idbtrans);
  if (!carried && buffer) {
    // numbered here: the next number after the newest entry
    const last = await db.audit.orderBy(':id').last();
    carried = last ? { seq: last.seq as number, hash: last.hash } : { seq: 0, hash: AUDIT_GENESIS };
    headInTx.set(idbtrans, carried);
    const dbName = db.name;
    const from = carried.hash;
    idbtrans.addEventListener('complete', () => {
      const head = headInTx.get(idbtrans);
      if (head && head.seq > 0 && head.hash !== from) advanceAuditAnchor(dbName, head, from);
    });
  }
  const prevHash = carried?.hash ?? (await db.audit.orderBy(':id').last())?.hash ?? AUDIT_GENESIS;
  const withPrev = { ...entry, before: auditCopy(entry.before), after: auditCopy(entry.after), prevHash };
  const full: AuditEntry = { ...withPrev, hash: newEntryHash(withPrev) };
  if (buffer) {
    const seq = carried!.seq + 1;
    buffer.push({ ...full, seq });
    headInTx.set(idbtrans, { seq, hash: full.hash });
    return { ...full, seq };
  }
  const seq = await db.audit.add(full);
  if (!carried) {
    // Once the transaction has committed, its last entry is the chain's new head: note it outside
    // the database (auditAnchor.ts), so that removing the newest entries can be found later.
    const dbName = db.name;
    idbtrans.addEventListener('complete', () => {
      const head = headInTx.get(idbtrans);
      if (head) advanceAuditAnchor(dbName, head, prevHash);
    });
  }
  headInTx.set(idbtrans, { seq, hash: full.hash });
  return { ...full, seq };
}

// One entry of a chain checked against the hash of the entry before it (also used for the other
// PCs' chains, sync/auditChain.ts): 'link' — it does not link to it; 'hash' — its content was changed.
export function auditEntryFault(e: AuditEntry, prevHash: string): 'link' | 'hash' | null {
  if (e.prevHash !== prevHash) return 'link';
  const { hash, seq: _seq, ...rest } = e;
  return auditHash(rest) === hash ? null : 'hash';
}
export const AUDIT_FAULTS = {
  link: '上一条记录的哈希不符（记录被删除或改动）',
  hash: '本条记录内容与哈希不符（记录被改动）',
} as const;

// anchored: the chain's end was also compared with the head noted outside the database.
export type ChainReport = { ok: boolean; checked: number; firstBrokenSeq?: number; reason?: string; anchored?: boolean; head?: AuditHead };

// Walks the chain in order in pages, so a long trail is checked without loading it whole.
export async function verifyAuditChain(onProgress?: (checked: number) => void): Promise<ChainReport> {
  const anchor = readAuditAnchor(db.name);
  let anchorHash: string | undefined;
  let prevHash = AUDIT_GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const page = await db.audit.where(':id').above(lastSeq).limit(2000).toArray();
    if (page.length === 0) break;
    for (const e of page) {
      const fault = auditEntryFault(e, prevHash);
      if (fault) return { ok: false, checked, firstBrokenSeq: e.seq, reason: AUDIT_FAULTS[fault] };
      prevHash = e.hash;
      lastSeq = e.seq as number;
      if (lastSeq === anchor?.seq) anchorHash = e.hash;
      checked++;
    }
    onProgress?.(checked);
  }
  if (anchor && lastSeq < anchor.seq) {
    return {
      ok: false,
      checked,
      firstBrokenSeq: lastSeq + 1,
      reason: `审计记录末尾缺失：本机记下的最新记录是第 ${anchor.seq} 条，库中只到第 ${lastSeq} 条（最新的记录被删除）`,
      anchored: true,
    };
  }
  if (anchor && anchorHash !== anchor.hash) {
    return { ok: false, checked, firstBrokenSeq: anchor.seq, reason: '本条记录与本机记下的审计链末端不符（记录被替换）', anchored: true };
  }
  const head = lastSeq ? { seq: lastSeq, hash: prevHash } : undefined;
  // A sound chain that has grown past the anchor (a note lost or late) moves it forward.
  if (head) advanceAuditAnchor(db.name, head, anchorHash ?? anchor?.hash ?? AUDIT_GENESIS);
  return { ok: true, checked, anchored: !!anchor, ...(head ? { head } : {}) };
}
