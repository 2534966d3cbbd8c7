// Leave (请销假, LV-*): request, route, approval through the engine, 销假, the slip's printed and
// filed state. Every rule is checked here (the checks themselves are shared/rules' checkLeaveDraft);
// the form shows the same checks before submitting.
import type { CalendarData, ISODate, LeaveType } from '../../../../../shared/rules';
import {
  checkLeaveDraft,
  leaveCloseDue,
  leaveCloseOverdue,
  leaveRouting,
  leaveTypeInfo,
  LEAVE_TYPES,
} from '../../../../../shared/rules';
import type { ApprovalRequest } from '../../../approvals/types';
import { loadCalendar } from '../../../calendar/calendar';
import { nowIso, today } from '../../../db/clock';
import { defineCommand, NO_PERMISSION, refuse } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive } from '../../../db/live';
import { DomainError, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Leave } from '../../../db/schema/attendance';
import type { Staff } from '../../../db/schema/core';
import { L, LEAVE_STATUS_LABELS } from '../labels';

import type { RequestPreview, Span } from './common';
import { applicantFor, askedAfter, orgSnapshot, previewRequest, refuseDraft, sectionName } from './common';
import { fileRequest, followOutcome, markPrinted } from './filing';
import { personLeavesFrom } from './queries';

export type LeaveDraft = Span & {
  staffId: string;
  leaveType: LeaveType | '';
  reason: string;
  afterTheFact?: boolean;
};

// The draft's checks against the person's live leaves (the form's and the repository's).
async function checkDraft(d: LeaveDraft, cal: CalendarData) {
  return checkLeaveDraft(d, cal, await personLeavesFrom(d.staffId, d.startDate));
}

export type LeavePreview = RequestPreview;

// What the form shows before 提交: length, route with the people, rule IDs.
export async function previewLeave(d: LeaveDraft): Promise<LeavePreview> {
  return previewRequest(await checkDraft(d, await loadCalendar()), d, (applicant, days, org, after) =>
    leaveRouting(applicant.rank, days, org, after),
  );
}

type PreparedLeave = { d: LeaveDraft; cal: CalendarData; applicant: Staff; sectionName: string };

const fileLeave = defineCommand({
  what: '提交请假申请',
  perm: null,
  tables: (x) => [x.leaves, x.approvals, x.staff, x.sections, x.settings],
  run: async (ctx, { d, cal, applicant, sectionName: secName }: PreparedLeave) => {
    // Checked inside the transaction: two requests typed at once must not overlap either.
    const check = await checkDraft(d, cal);
    refuseDraft(check);
    const days = check.days!;
    const afterTheFact = askedAfter(d, today());
    const routing = leaveRouting(applicant.rank, days, await orgSnapshot(applicant), afterTheFact);
    const info = leaveTypeInfo(d.leaveType as LeaveType);
    return fileRequest(
      {
        table: db.leaves,
        kind: 'leave',
        prefix: '请',
        noun: '请假申请',
        d,
        applicant,
        sectionName: secName,
        days,
        afterTheFact,
        routing,
        fields: { leaveType: info.type, reason: d.reason.trim() },
        title: (number) => `${applicant.name} ${info.label}${days}天（${number}）`,
      },
      ctx.actor,
    );
  },
});

// LV-1..5: the request, routed and submitted to the approval engine.
export async function submitLeave(d: LeaveDraft, actor: Actor): Promise<Leave> {
  const applicant = await applicantFor(d.staffId, actor, L.msg.noApplicant);
  const cal = await loadCalendar();
  refuseDraft(await checkDraft(d, cal));
  return fileLeave({ d, cal, applicant, sectionName: await sectionName(applicant) }, actor);
}

// The engine's handler: the leave follows its request.
export async function onLeaveApprovalFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  await followOutcome(db.leaves, req, actor, (status) => `请假${LEAVE_STATUS_LABELS[status]}`);
}

const closeLeaveCommand = defineCommand({
  what: '销假',
  perm: null,
  tables: (x) => [x.leaves],
  run: async (ctx, id: string, note: string, cal: CalendarData) => {
    const office = ctx.can('leave.recordOral') || ctx.can('attendance.register');
    const leave = await getLive(db.leaves, id);
    if (!leave) throw new DomainError('请假记录不存在');
    if (leave.status !== 'approved')
      throw new DomainError('只有已批准、尚未销假的请假可以销假', 'closeNote', 'LV-7');
    if (leave.staffId !== ctx.actor.id && !office)
      throw new DomainError('只能由本人或办公室办理销假', 'closeNote', 'LV-7');
    const on = today();
    const late = leaveCloseOverdue(leave.endDate, on, cal);
    if (late && !note.trim()) throw new DomainError(L.msg.closeNoteRequired, 'closeNote', 'LV-7');
    const { actor } = ctx;
    return update(
      db.leaves,
      id,
      {
        status: 'closed',
        closedOn: on,
        closedById: actor.id,
        closedByName: actor.name,
        closedLate: late,
        closeNote: note.trim(),
      },
      actor,
      late ? `逾期销假：${note.trim()}` : '销假',
    );
  },
});

// LV-7 销假: by the person or the office; late needs an explanation.
export async function closeLeave(id: string, note: string, actor: Actor): Promise<Leave> {
  return closeLeaveCommand(id, note, await loadCalendar(), actor);
}

export function closeDue(leave: Pick<Leave, 'endDate'>, cal: CalendarData): ISODate {
  return leaveCloseDue(leave.endDate, cal);
}

// LV-6: the slip was printed (every print is logged; the first sets 已打印).
export const markSlipPrinted = defineCommand({
  what: '打印请假申报条',
  perm: null,
  tables: (x) => [x.leaves],
  run: async (ctx, id: string): Promise<void> =>
    markPrinted(db.leaves, id, '打印请假申报条', { printedById: ctx.actor.id }, ctx.actor),
});

// LV-6: the signed slip is filed with the office (存档备查).
export const markSlipFiled = defineCommand({
  what: '登记请假申报条存档',
  // the office only; refused at the field with the rule (LV-6)
  perm: null,
  tables: (x) => [x.leaves],
  run: async (ctx, id: string): Promise<Leave> => {
    if (!ctx.can('attendance.register')) refuse(NO_PERMISSION('登记请假申报条存档'), 'file', 'LV-6');
    const leave = await db.leaves.get(id);
    if (!leave) throw new DomainError('请假记录不存在');
    if (leave.status !== 'approved' && leave.status !== 'closed')
      throw new DomainError('请假批准后才能存档', 'file', 'LV-6');
    if (leave.filedAt) return leave;
    return update(
      db.leaves,
      id,
      { filedAt: nowIso(), filedById: ctx.actor.id },
      ctx.actor,
      '请假申报条已存档',
    );
  },
});

export const LEAVE_TYPE_OPTIONS = LEAVE_TYPES.map((t) => ({ value: t.type, label: t.label }));
