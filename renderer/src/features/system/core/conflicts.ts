// 系统 › 同步冲突: the conflicts replication left to decide (sync/conflicts.ts), each as its versions
// side by side, field by field in Chinese (the audit log's labels and formats), the differing
// fields marked. What the versions show of a petitioner passes through the modules' audit
// redactors (app/registry: the petitions module's PET-6 boundary masks an informant's identity for
// whoever may not see it, exactly as in 审计日志).
import { redactAudit } from '../../../app/registry';
import { canonicalJson } from '../../../db/audit';
import type { AuditEntry } from '../../../db/schema/core';
import { tableLabel } from '../../../db/tableLabels';
import { listConflicts, PARKED_APPLY, PARKED_ASIDE, resolveConflict } from '../../../sync/conflicts';
import type { Conflict } from '../../../sync/conflicts';

import { requireSession, sessionActor } from './access';
import { auditNameBook } from './audit';
import { fieldLabel, NOISE_FIELDS, SECRET_FIELDS } from './auditFields';
import { fmtDateTime, formatValue, recordLabel } from './auditFormat';

export { PARKED_APPLY, PARKED_ASIDE };

export type ConflictRow = { key: string; label: string; values: string[]; differs: boolean };
export type ConflictVersionView = { rev: string; pcName: string; local: boolean };
export type ConflictView = {
  docId: string;
  kind: Conflict['kind'];
  kindLabel: string; // the record's kind: 股室, 信访事项 …
  title: string;
  seenAt: string;
  reasonLabel?: string; // parked: the field whose value another record holds
  versions: ConflictVersionView[];
  rows: ConflictRow[];
  masked: boolean; // an informant's identity is hidden from this viewer (PET-6)
};

const WHAT = '解决同步冲突';
const SHOWN_NOISE = new Set(['updatedAt']); // when each version was written helps to choose
const label = (table: string, key: string) => (key === 'updatedAt' ? '修改时间' : fieldLabel(table, key));

// The versions as this viewer may see them: each passes the redactors as an audit entry would.
async function redacted(c: Conflict): Promise<Record<string, unknown>[]> {
  const entries: AuditEntry[] = c.versions.map((v) => ({
    at: c.seenAt,
    actorId: 'system',
    actorName: '同步',
    table: c.table,
    recordId: c.recordId,
    action: 'create',
    after: v.rec,
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
  const [list, book] = await Promise.all([listConflicts(), auditNameBook()]);
  await requireSession('system.settings', WHAT);
  const names = (id: string) => book.get(id);
  const out: ConflictView[] = [];
  for (const c of list) {
    const recs = await redacted(c);
    const masked = recs.some((r, i) => canonicalJson(r) !== canonicalJson(c.versions[i].rec));
    const head = { table: c.table, recordId: c.recordId, after: recs[0] } as AuditEntry;
    out.push({
      docId: c.docId,
      kind: c.kind,
      kindLabel: tableLabel(c.table),
      title: recordLabel(head, names),
      seenAt: fmtDateTime(c.seenAt),
      ...(c.reason ? { reasonLabel: label(c.table, c.reason) } : {}),
      versions: c.versions.map((v) => ({ rev: v.rev, pcName: v.pcName, local: v.rev === 'local' })),
      rows: rowsOf(c.table, recs, names),
      masked,
    });
  }
  return out;
}

// Keeps one version (its rev), or for a record kept aside PARKED_ASIDE / PARKED_APPLY.
export function keepVersion(docId: string, choice: string) {
  return resolveConflict(docId, choice, sessionActor('system.settings', WHAT));
}
