// A backup's records checked against its own audit trail, in the one pass over the file that
// inspectBackup makes anyway. A file whose manifest (counts, length, SHA-256) was recomputed after
// a record was removed or changed passes every format check; the audit trail, whose entries form a
// hash chain, still says what each record was:
//   - the chain itself must be whole (each entry links to the one before, each hash is right) and
//     end at the head the manifest names — otherwise the file is refused;
//   - every record the trail created, changed, deleted or restored must be in the file (nothing is
//     ever hard-deleted: repo.ts only sets deletedAt);
//   - each such record's content must be what its entries make it.
// What an entry holds (repo.ts): a create has the whole record (without Blobs' bytes and secrets);
// an update only the changed fields (before and after); a soft delete or restore only deletedAt,
// the bookkeeping fields (updatedAt, updatedBy, deletedBy) follow from the entry's time and actor.
// So the latest state is rebuilt by applying the entries in order: one map of record → state, kept
// only until the record is met in the file. Records written without entries of their own (bulk
// loads audited as one event, settings filled in by a migration) cannot be compared.
import { AUDIT_GENESIS, auditCopy, auditHash, canonicalJson } from '../db/audit';
import type { ChainReport } from '../db/audit';
import type { AuditHead } from '../db/auditAnchor';

export type TrailFindingKind = 'missing' | 'changed' | 'head';
export type TrailFinding = {
  kind: TrailFindingKind;
  table: string;
  recordId: string;
  label?: string; // a name, title or subject, for people to recognise the record
  fields?: string[]; // for 'changed': the fields that differ
  message: string; // Chinese: what does not match
};

export type TrailReport = {
  chain: ChainReport;
  findings: TrailFinding[]; // the first MAX_LISTED_FINDINGS
  findingCount: number;
  compared: number; // records compared with the trail
  unaudited: number; // records with no entry of their own (not comparable)
  hashAt?: string; // the file's entry hash at the sequence number asked for (the local anchor's)
};

export const MAX_LISTED_FINDINGS = 200;

// Fields a schema upgrade filled in without an audit entry (migrations/): such a field missing from
// the trail is not a difference when it holds the value the migration gives it.
const MIGRATION_FILLS: Record<string, Record<string, unknown>> = {
  staff: { active: true },
  accounts: { failedAttempts: 0 },
};

// Index fields derived from a record's content and filled in by a migration without an audit entry
// (petitions.nameKeys, migrations/0030): not a difference when the trail never held them.
const MIGRATION_DERIVED: Record<string, ReadonlySet<string>> = {
  petitions: new Set(['nameKeys']),
};

type Last = { action: string; at: string; actorName: string };
type State = { fields: Record<string, unknown>; full: boolean; last: Last };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const CONTENT_ACTIONS = new Set(['create', 'update', 'delete', 'restore']);
const ACTION_LABEL: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
};

// Length in bytes of base64 text.
function b64Size(b64: unknown): number {
  if (typeof b64 !== 'string') return 0;
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

// A record as the file holds it (format.ts tags for Blobs, dates, bytes) turned into what the
// audit trail keeps of such values (audit.ts normalise): a Blob as its size and type, a date as {}.
function plainOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plainOf);
  const o = v as Obj;
  switch (o.$t) {
    case 'blob':
      return { blob: true, size: b64Size(o.b64), type: o.type };
    case 'date':
      return {};
    case 'ab':
    case 'u8':
      return { bytes: b64Size(o.b64) };
    case 'obj':
      return isObj(o.v) ? plainObj(o.v) : o.v;
    default:
      return plainObj(o);
  }
}
function plainObj(o: Obj): Obj {
  const out: Obj = {};
  for (const k of Object.keys(o)) out[k] = plainOf(o[k]);
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return canonicalJson(a) === canonicalJson(b);
  return false;
}

// An entry's time as people read it (local time, to the minute).
function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
const lastOf = (l: Last) => `${when(l.at)} ${l.actorName} ${ACTION_LABEL[l.action] ?? ''}`.trim();

function labelOf(fields: Obj | undefined): string | undefined {
  if (!fields) return undefined;
  for (const k of ['name', 'loginName', 'title', 'subject', 'number', 'regNo']) {
    const v = fields[k];
    if (typeof v === 'string' && v.trim()) return v.length > 40 ? v.slice(0, 40) + '…' : v;
  }
  return undefined;
}

export class TrailChecker {
  private readonly tables: Set<string>;
  private readonly beforeAudit: Set<string>;
  private readonly states = new Map<string, State>();
  private pending: [string, Obj][] = [];
  private auditDone: boolean;
  private prevHash = AUDIT_GENESIS;
  private lastSeq = 0;
  private checked = 0;
  private broken: { seq: number; reason: string } | null = null;
  private hashAt?: string;
  private compared = 0;
  private unaudited = 0;
  private findingCount = 0;
  readonly findings: TrailFinding[] = [];

  // tables: the file's tables in file order; hashAtSeq: an entry whose hash to note on the way.
  constructor(
    tables: string[],
    private readonly hashAtSeq?: number,
  ) {
    this.tables = new Set(tables);
    const i = tables.indexOf('audit');
    this.beforeAudit = new Set(i < 0 ? [] : tables.slice(0, i));
    this.auditDone = i < 0;
  }

  private add(f: TrailFinding) {
    this.findingCount++;
    if (this.findings.length < MAX_LISTED_FINDINGS) this.findings.push(f);
  }

  // One audit entry (decoded), in sequence order.
  entry(e: Obj): void {
    if (this.broken) return;
    const { hash, seq, ...rest } = e;
    const n = Number(seq);
    if (rest.prevHash !== this.prevHash) {
      this.broken = { seq: n, reason: '上一条记录的哈希不符（记录被删除或改动）' };
      return;
    }
    if (auditHash(rest as Parameters<typeof auditHash>[0]) !== hash) {
      this.broken = { seq: n, reason: '本条记录内容与哈希不符（记录被改动）' };
      return;
    }
    this.prevHash = hash as string;
    this.lastSeq = n;
    this.checked++;
    if (n === this.hashAtSeq) this.hashAt = hash as string;

    const action = String(e.action);
    const table = String(e.table);
    if (!CONTENT_ACTIONS.has(action) || !this.tables.has(table) || table === 'audit') return;
    const key = table + '\u0001' + String(e.recordId);
    const prev = this.states.get(key);
    const at = String(e.at);
    const actorId = e.actorId;
    const last: Last = { action, at, actorName: String(e.actorName ?? '') };
    if (table === 'settings') {
      // A setting's entry holds its value (settings.ts), not the record.
      const fields: Obj = {
        ...(prev?.fields ?? {}),
        value: e.after ?? null,
        updatedAt: at,
        updatedBy: actorId,
      };
      if (action === 'create') fields.id = e.recordId;
      this.states.set(key, { fields, full: action === 'create' || !!prev?.full, last });
      return;
    }
    if (action === 'create') {
      this.states.set(
        key,
        isObj(e.after) ? { fields: { ...e.after }, full: true, last } : { fields: {}, full: false, last },
      );
      return;
    }
    const fields: Obj = { ...(prev?.fields ?? {}) };
    const after = isObj(e.after) ? e.after : {};
    for (const k of Object.keys(after)) fields[k] = after[k];
    // A field set to undefined shows in `before` only (undefined is not kept): it is gone now.
    if (isObj(e.before)) for (const k of Object.keys(e.before)) if (!(k in after)) fields[k] = null;
    fields.updatedAt = at;
    fields.updatedBy = actorId;
    if (action === 'delete') fields.deletedBy = actorId;
    if (action === 'restore') fields.deletedBy = null;
    this.states.set(key, { fields, full: !!prev?.full, last });
  }

  // One record of a table other than audit, as the file holds it (not decoded).
  record(table: string, value: Obj): void {
    if (table === 'audit') return;
    if (!this.auditDone) {
      if (this.beforeAudit.has(table)) {
        this.pending.push([table, value]); // compared once the trail has been read
        return;
      }
      this.auditRead();
    }
    this.compare(table, value);
  }

  private auditRead() {
    this.auditDone = true;
    const p = this.pending;
    this.pending = [];
    for (const [t, v] of p) this.compare(t, v);
  }

  private compare(table: string, value: Obj) {
    if (this.broken) return;
    const key = table + '\u0001' + String(value.id);
    const st = this.states.get(key);
    if (!st) {
      this.unaudited++;
      return;
    }
    this.states.delete(key);
    this.compared++;
    const rec = auditCopy(plainOf(value)) as Obj;
    const keys = st.full ? new Set([...Object.keys(st.fields), ...Object.keys(rec)]) : Object.keys(st.fields);
    const differ: string[] = [];
    for (const k of keys) {
      if (same(st.fields[k], rec[k])) continue;
      if (
        !(k in st.fields) &&
        MIGRATION_FILLS[table] &&
        k in MIGRATION_FILLS[table] &&
        same(MIGRATION_FILLS[table][k], rec[k])
      )
        continue;
      if (!(k in st.fields) && MIGRATION_DERIVED[table]?.has(k)) continue;
      differ.push(k);
    }
    if (differ.length) {
      this.add({
        kind: 'changed',
        table,
        recordId: String(value.id),
        label: labelOf(rec) ?? labelOf(st.fields),
        fields: differ,
        message: `内容与最新审计记录（${lastOf(st.last)}）不符：${differ.join('、')}`,
      });
    }
  }

  // After the last record: what the trail names but the file lacks, and the chain's report.
  finish(): TrailReport {
    if (!this.auditDone) this.auditRead();
    if (!this.broken) {
      for (const [key, st] of this.states) {
        const sep = key.indexOf('\u0001');
        this.add({
          kind: 'missing',
          table: key.slice(0, sep),
          recordId: key.slice(sep + 1),
          label: labelOf(st.fields),
          message: `审计记录中有此记录（最后一次：${lastOf(st.last)}），备份中却没有`,
        });
      }
    }
    this.states.clear();
    const head: AuditHead | undefined = this.lastSeq ? { seq: this.lastSeq, hash: this.prevHash } : undefined;
    const chain: ChainReport = this.broken
      ? { ok: false, checked: this.checked, firstBrokenSeq: this.broken.seq, reason: this.broken.reason }
      : { ok: true, checked: this.checked, ...(head ? { head } : {}) };
    return {
      chain,
      findings: this.findings,
      findingCount: this.findingCount,
      compared: this.compared,
      unaudited: this.unaudited,
      ...(this.hashAt ? { hashAt: this.hashAt } : {}),
    };
  }
}
