// LV / TRIP numbers with several PCs (sync/seqNumbering.ts): with sync on a request is filed
// 待编号 and takes its number from the hub; the approval's title, which names the number, follows.
import { db } from '../../../db/db';
import { update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Leave, Trip } from '../../../db/schema/attendance';
import { PENDING_NUMBER } from '../../../sync/numbers';
import { seqNumbering } from '../../../sync/seqNumbering';

import { requestNumber } from './filing';

async function fixApprovalTitle(before: Leave | Trip, after: Leave | Trip, actor: Actor): Promise<void> {
  if (!after.approvalId || !after.number) return;
  const req = await db.approvals.get(after.approvalId);
  if (req?.title.includes(PENDING_NUMBER))
    await update(
      db.approvals,
      req.id,
      { title: req.title.replace(before.number ?? PENDING_NUMBER, after.number) },
      actor,
      `编号 ${after.number}`,
    );
}

export const leaveNumbering = seqNumbering<Leave>({
  table: 'leaves',
  what: '请假申请编号',
  series: 'leave',
  fields: (r, seq) => ({ number: requestNumber('请', r.year, seq) }),
  fix: fixApprovalTitle,
  moreTables: ['approvals'],
});

export const tripNumbering = seqNumbering<Trip>({
  table: 'trips',
  what: '外出申请编号',
  series: 'trip',
  fields: (r, seq) => ({ number: requestNumber('外', r.year, seq) }),
  fix: fixApprovalTitle,
  moreTables: ['approvals'],
});
