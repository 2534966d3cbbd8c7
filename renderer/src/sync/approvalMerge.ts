// Approvals coming in from another PC are merged, never taken as they come (several-pcs.md,
// Approvals): this PC's version and the incoming one are united event by event and the state is
// folded again (approvals/events.ts), so it never depends on which revision CouchDB picked as the
// winner of a conflict. When the merge holds something the incoming version lacks, the merged
// version goes out again, so every PC ends with the same request.
import { finishMerged } from '../approvals/engine';
import { mergeApprovals, voidedNote } from '../approvals/events';
import type { ApprovalRequest } from '../approvals/types';
import { appendAudit, canonicalJson } from '../db/audit';
import { nowIso } from '../db/clock';
import { db } from '../db/db';

import { auditMark, recordOutbox } from './outbox';
import type { RecordDoc } from './pump';

export const APPROVALS_TABLE = 'approvals';

// Inside applyIncoming's transaction: true when the record was written (with its audit entry),
// false when this PC already holds everything the incoming version says.
export async function applyIncomingApproval(
  doc: RecordDoc,
  actor: { id: string; name: string },
): Promise<boolean> {
  const incoming = doc.rec as ApprovalRequest;
  const before = await db.approvals.get(incoming.id);
  const merged = before ? mergeApprovals(before, incoming) : incoming;
  if (canonicalJson(merged) !== canonicalJson(incoming))
    await db.syncOutbox.add({ key: doc._id, table: APPROVALS_TABLE, id: merged.id, rec: merged });
  if (before && canonicalJson(before) === canonicalJson(merged)) return false;
  await db.approvals.put(merged);
  await followOutcome(before, merged, actor);
  const note = voidedNote(before, merged);
  await appendAudit({
    at: nowIso(),
    actorId: actor.id,
    actorName: actor.name,
    table: APPROVALS_TABLE,
    recordId: merged.id,
    action: before ? 'update' : 'create',
    summary: `同步（来自「${doc.pcName}」${before ? '，与本机记录合并' : ''}）${note ? `：${note}` : ''}`,
    ...(before
      ? {
          before: { status: before.status, events: before.events?.length ?? 0 },
          after: { status: merged.status, events: merged.events?.length ?? 0, voidEvents: merged.voidEvents },
        }
      : { after: merged }),
  });
  return true;
}

// A request this PC had finished otherwise than the version now written (its decision became void in
// a merge, or the hub's version was adopted: denied.ts): its module record (a leave, a claim, ...)
// follows the outcome written, and goes out. Only this PC does it (the other PCs' module records
// were right), so the module's record is written once. A request now pending cannot be un-finished
// here: the module record stays as this PC finished it.
export async function followOutcome(
  before: ApprovalRequest | undefined,
  now: ApprovalRequest,
  actor: { id: string; name: string },
): Promise<void> {
  if (!before || before.status === 'pending' || now.status === 'pending' || before.status === now.status)
    return;
  const mark = await auditMark();
  await finishMerged(now, actor);
  await recordOutbox(mark);
}
