// The outbox: with sync on (系统 › 多机同步), every command writes the records it changed into
// syncOutbox in its own transaction (db/command.ts), so a change and its way to the other PCs are
// committed together or not at all. With sync off a command pays one boolean test.
import { db, onDbSwitch } from '../db/db';
import type { OutboxRow } from '../db/schema/sync';
import { getSetting } from '../db/settings';

// Tables that stay on this PC: the audit trail (each PC's own chain, sent apart: auditChain.ts) and
// the sync machinery. Settings are this PC's own but for SHARED_SETTINGS. Attachments travel like
// every record, their files as the documents' CouchDB attachments (pump.ts).
export const LOCAL_TABLES: ReadonlySet<string> = new Set(['audit', 'syncOutbox', 'syncState']);

// The settings the whole office shares: who leads what (the routes of 发文, 报销, 请假 are worked
// out on whichever PC a request is made), the rules' parameters and the office's lists. Every other
// setting stays on its PC: its sync set-up, its last backup, its printer's paper, the unit name typed
// at its set-up (every PC's set-up writes one: shared, each joining PC would clash with the office's),
// the counters of numbers given with sync off.
export const SHARED_SETTINGS: ReadonlySet<string> = new Set([
  'directorId',
  'financeDeputyId',
  'officeDeputyId',
  'petition.settings',
  'documents.prefixes',
  'attendance.schedule',
  'attendance.baseScore',
  'routeTownships',
  'routeSubjects',
  'idleLockMinutes',
]);

// Whether a record stays on this PC (never sent, and not taken from another PC).
export function staysLocal(table: string, id: unknown): boolean {
  if (table === 'settings') return !SHARED_SETTINGS.has(String(id));
  return LOCAL_TABLES.has(table);
}

// The settings key of this PC's sync configuration (the password is kept in syncState, unaudited).
export const SYNC_SETTING = 'sync';
export type SyncConfig = { enabled: boolean; hubUrl: string; user: string; pcName: string };
export const SYNC_OFF: SyncConfig = { enabled: false, hubUrl: '', user: '', pcName: '' };

export function readSyncConfig(): Promise<SyncConfig> {
  return getSetting<SyncConfig>(SYNC_SETTING, SYNC_OFF);
}

// Whether commands fill the outbox, read once and then kept (set again when sync is switched, and
// forgotten when another database is switched in by a restore).
let enabled: boolean | undefined;
onDbSwitch(() => {
  enabled = undefined;
});
export function setOutboxEnabled(on: boolean | undefined): void {
  enabled = on;
}
export async function outboxEnabled(): Promise<boolean> {
  if (enabled === undefined) enabled = (await readSyncConfig()).enabled === true;
  return enabled;
}
// The same, without waiting, for inside a command's transaction (defineCommand has read it before).
export function outboxOn(): boolean {
  return enabled === true;
}

const CHANGES = new Set(['create', 'update', 'delete', 'restore']);

// Inside the command's transaction, before its work: where the audit trail ends now.
export async function auditMark(): Promise<number> {
  return ((await db.audit.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

// Inside the command's transaction, after its work: one outbox row per record changed since the
// mark (read from the audit entries the work wrote: insert/update/softDelete/restoreDeleted),
// holding the record as it is now.
export async function recordOutbox(mark: number): Promise<number> {
  const entries = await db.audit.where(':id').above(mark).toArray();
  const seen = new Set<string>();
  const rows: OutboxRow[] = [];
  for (const e of entries) {
    if (!CHANGES.has(e.action) || staysLocal(e.table, e.recordId)) continue;
    const key = `${e.table}:${e.recordId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rec = await db.table(e.table).get(e.recordId);
    if (rec) rows.push({ key, table: e.table, id: e.recordId, rec });
  }
  if (rows.length) await db.syncOutbox.bulkAdd(rows);
  return rows.length;
}

// How many changes wait to be sent (the status line).
export function pendingCount(): Promise<number> {
  return db.syncOutbox.count();
}
