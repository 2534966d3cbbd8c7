// 系统 › 同步冲突: the conflicts replication left to decide (sync/conflicts.ts), each as its versions
// side by side, field by field in Chinese (the audit log's labels and formats), the differing
// fields marked; then this PC's changes the hub refused (sync/denied.ts), each as this PC has it
// with the hub's reason. What the versions show of a petitioner passes through the modules' audit
// redactors (app/registry: the petitions module's PET-6 boundary masks an informant's identity for
// whoever may not see it, exactly as in 审计日志).
import { redactAudit } from '../../../app/registry';
import { canonicalJson } from '../../../db/audit';
import type { AuditEntry } from '../../../db/schema/core';
import { tableLabel } from '../../../db/tableLabels';
import { listConflicts, PARKED_APPLY, PARKED_ASIDE, resolveConflict } from '../../../sync/conflicts';
import type { Conflict } from '../../../sync/conflicts';
import { ADOPT_WHAT, adoptHubVersion, listDenied } from '../../../sync/denied';

import { requireSession, sessionActor } from './access';
import { auditNameBook } from './audit';
import { fieldLabel, NOISE_FIELDS, SECRET_FIELDS } from './auditFields';
import { fmtDateTime, formatValue, recordLabel } from './auditFormat';

export { PARKED_APPLY, PARKED_ASIDE };

export type ConflictRow = { key: string; label: string; values: string[]; differs: boolean };
export type ConflictVersionView = { rev: string; pcName: string; local: boolean };
export type ConflictView = {
  docId: string;
  // denied: a change of this PC the hub refused, shown as this PC has it (one version)
  kind: Conflict['kind'] | 'denied';
  kindLabel: string; // the record's kind: 股室, 信访事项 …
  title: string;
  seenAt: string;
  reasonLabel?: string; // parked: the field whose value another record holds
  refusal?: string; // denied: the hub's reason
  versions: ConflictVersionView[];
  rows: ConflictRow[];
  masked: boolean; // an informant's identity is hidden from this viewer (PET-6)
};

const WHAT = '解决同步冲突';
const SHOWN_NOISE = new Set(['updatedAt']); // when each version was written helps to choose
const label = (table: string, key: string) => (key === 'updatedAt' ? '修改时间' : fieldLabel(table, key));

type Shown = Pick<Conflict, 'table' | 'recordId' | 'seenAt'> & { recs: Record<string, unknown>[] };

// The versions as this viewer may see them: each passes the redactors as an audit entry would.
async function redacted(c: Shown): Promise<Record<string, unknown>[]> {
  const entries: AuditEntry[] = c.recs.map((rec) => ({
    at: c.seenAt,
    actorId: 'system',
    actorName: '同步',
    table: c.table,
    recordId: c.recordId,
    action: 'create',
    after: rec,
    prevHash: '',
    hash: '',
  }));
  return (await redactAudit(entries)).map((e) => (e.after ?? {}) as Record<string, unknown>);
}

function rowsOf(table: string, recs: Record<string, unknown>[], names: (id: string) => string | undefined) {
  const keys = [...new Set(recs.flatMap((r) => Object.keys(r)))].filter(
    (k) => !NOISE_FIELDS.has(k) || SHOWN_NOISE.has(k),
  );
  return keys.map((key): ConflictRow => {
    const raw = recs.map((r) => canonicalJson(r[key] ?? null));
    const values = recs.map((r) =>
      SECRET_FIELDS.has(key) ? '（不显示）' : formatValue(table, key, r[key], names),
    );
    return { key, label: label(table, key), values, differs: new Set(raw).size > 1 };
  });
}

export async function conflictViews(): Promise<ConflictView[]> {
  // read first: what a live query reads after the session check is not followed (Dexie's zone)
  const [list, denied, book] = await Promise.all([listConflicts(), listDenied(), auditNameBook()]);
  await requireSession('system.settings', WHAT);
  const names = (id: string) => book.get(id);
  // the record's kind, its label, its fields as this viewer may see them
  const shown = async (c: Shown) => {
    const recs = await redacted(c);
    const head = { table: c.table, recordId: c.recordId, after: recs[0] ?? {} } as AuditEntry;
    return {
      kindLabel: tableLabel(c.table),
      title: recordLabel(head, names),
      seenAt: fmtDateTime(c.seenAt),
      rows: rowsOf(c.table, recs, names),
      masked: recs.some((r, i) => canonicalJson(r) !== canonicalJson(c.recs[i])),
    };
  };
  const out: ConflictView[] = [];
  for (const c of list)
    out.push({
      docId: c.docId,
      kind: c.kind,
      ...(await shown({ ...c, recs: c.versions.map((v) => v.rec) })),
      ...(c.reason ? { reasonLabel: label(c.table, c.reason) } : {}),
      versions: c.versions.map((v) => ({ rev: v.rev, pcName: v.pcName, local: v.rev === 'local' })),
    });
  for (const d of denied)
    out.push({
      docId: d.docId,
      kind: 'denied',
      ...(await shown({ table: d.table, recordId: d.recordId, seenAt: d.at, recs: d.rec ? [d.rec] : [] })),
      refusal: d.reason,
      versions: [{ rev: d.rev ?? 'local', pcName: '本机', local: true }],
    });
  return out;
}

// Keeps one version (its rev), or for a record kept aside PARKED_ASIDE / PARKED_APPLY.
export function keepVersion(docId: string, choice: string) {
  return resolveConflict(docId, choice, sessionActor('system.settings', WHAT));
}

// 采用同步中心的版本 for a change the hub refused (reads the hub: sync must be running and reach it).
export function adoptHub(docId: string) {
  return adoptHubVersion(docId, sessionActor('system.settings', ADOPT_WHAT));
}
