// ATT-7: the month's flow. The clerk compiles (a snapshot of every person's tally) and submits it
// through the approval engine: the 分管领导 of the office verifies (核实), the 局长 reviews (审阅);
// the clerk then announces it (通报) and the month is locked. A correction after that is an
// amendment with a reason that keeps the tally before and after.
import type { MonthMarkRow } from '../../../../../shared/ledgers/attendance';
import { monthCompilable, nextAttendanceState } from '../../../../../shared/rules';
import type { AttendanceMonthState } from '../../../../../shared/rules';
import { submitApproval } from '../../../approvals/engine';
import type { StepSpec } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { loadCalendar } from '../../../calendar/calendar';
import { nowIso, today } from '../../../db/clock';
import { actorCan, defineCommand, NO_PERMISSION, refuse } from '../../../db/command';
import { db } from '../../../db/db';
import { liveOnly } from '../../../db/live';
import { DomainError, insert, logEvent, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { AttendanceMonth } from '../../../db/schema/attendance';
import type { Staff } from '../../../db/schema/core';
import { director, officeDeputy } from '../../../org/org';
import { L } from '../labels';
import type { MonthStage } from '../labels';

import type { SignInChange } from './signins';
import { writeChange } from './signins';
import { liveMonth, monthBounds, monthKey } from './tally';

export async function monthRecord(year: number, month: number): Promise<AttendanceMonth | undefined> {
  return db.attendanceMonths.where('key').equals(monthKey(year, month)).first();
}

// Where the month stands, from its record and its approval request.
export function stageOf(rec: AttendanceMonth | undefined, approval: ApprovalRequest | undefined): MonthStage {
  if (!rec) return 'open';
  if (rec.state === 'announced') return 'announced';
  if (rec.state === 'reviewed') return 'reviewed';
  if (rec.state === 'verified') return 'verified';
  if (!approval) return 'open';
  if (approval.status === 'pending') return approval.currentStep >= 1 ? 'verified' : 'submitted';
  if (approval.status === 'rejected' || approval.status === 'withdrawn') return 'returned';
  return 'open';
}

// The state of ATT_FLOW the month has reached (for the stepper).
export function flowStateOf(stage: MonthStage): AttendanceMonthState {
  if (stage === 'announced' || stage === 'reviewed' || stage === 'verified') return stage;
  return 'compiling';
}

export async function monthStatus(year: number, month: number) {
  const rec = await monthRecord(year, month);
  const approval = rec?.approvalId ? await db.approvals.get(rec.approvalId) : undefined;
  return { rec, approval, stage: stageOf(rec, approval) };
}

// The clerk's steps of ATT-7: refused with the one wording, citing the rule.
async function needClerk(actor: Actor) {
  if (!(await actorCan(actor, 'attendance.close')))
    refuse(NO_PERMISSION('汇总、通报或更正月度考勤'), undefined, 'ATT-7');
}

// ATT-7: may the month be compiled today (from its last working day on; before that, a preview only).
export async function compileCheck(year: number, month: number) {
  return monthCompilable(year, month, today(), await loadCalendar());
}

// 考勤员汇总: snapshot and submit for 核实 and 审阅. Not before the month's last working day
// (ATT-7): 核实, 审阅 and 通报 follow the compiled snapshot, so none of them can run on a month
// that has not run its course.
export async function compileMonth(year: number, month: number, actor: Actor): Promise<AttendanceMonth> {
  await needClerk(actor);
  const due = await compileCheck(year, month);
  if (!due.ok) throw new DomainError(due.message, 'month', due.ruleId);
  const { stage } = await monthStatus(year, month);
  if (stage !== 'open' && stage !== 'returned')
    throw new DomainError(`该月考勤${stageText(stage)}，不能重复汇总`, 'month', 'ATT-7');
  const [deputy, head, clerk] = await Promise.all([officeDeputy(), director(), db.staff.get(actor.id)]);
  if (!deputy || !head) throw new DomainError('请先在“系统”中设置局长和分管办公室的领导', 'month', 'ATT-7');
  if (!clerk) throw new DomainError('当前用户不是本局人员，不能汇总考勤', 'month', 'ATT-7');
  const { rows } = await liveMonth(year, month);
  const steps: StepSpec[] = [
    { key: 'verify', label: '分管领导核实', approverId: deputy.id },
    { key: 'review', label: '局长审阅', approverId: head.id },
  ];
  return fileMonth(year, month, rows, steps, clerk, actor);
}

const fileMonth = defineCommand({
  what: '汇总月度考勤',
  perm: 'attendance.close',
  tables: (x) => [x.attendanceMonths, x.approvals, x.staff],
  run: async (ctx, year: number, month: number, rows: MonthMarkRow[], steps: StepSpec[], clerk: Staff) => {
    const { actor } = ctx;
    const key = monthKey(year, month);
    const existing = await db.attendanceMonths.where('key').equals(key).first();
    const data = {
      state: 'compiling' as const,
      snapshot: rows,
      compiledAt: nowIso(),
      compiledById: actor.id,
      compiledByName: actor.name,
    };
    const rec = existing
      ? await update(db.attendanceMonths, existing.id, data, actor, `${year}年${month}月考勤重新汇总`)
      : await insert(
          db.attendanceMonths,
          { key, year, month, approvalId: null, version: 0, ...data },
          actor,
          `${year}年${month}月考勤汇总`,
        );
    const req = await submitApproval(
      {
        kind: 'attendance_month',
        refTable: 'attendanceMonths',
        refId: rec.id,
        title: `${year}年${month}月考勤汇总`,
        applicant: clerk,
        form: 'written',
        ruleIds: ['ATT-7'],
        steps,
      },
      actor,
    );
    return update(db.attendanceMonths, rec.id, { approvalId: req.id }, actor);
  },
});

// The engine's handler: both steps agreed → 核实 and 审阅 done.
export async function onMonthApprovalFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  if (req.status !== 'approved') return;
  const rec = await db.attendanceMonths.get(req.refId);
  if (!rec || rec.state !== 'compiling') return;
  const verified = nextAttendanceState(rec.state)!;
  await update(
    db.attendanceMonths,
    rec.id,
    { state: nextAttendanceState(verified)! },
    actor,
    '分管领导核实、局长审阅完毕',
  );
}

// 全局通报: the month is locked from now on.
export const announceMonth = defineCommand({
  what: '通报月度考勤',
  perm: 'attendance.close',
  tables: (x) => [x.attendanceMonths],
  run: async (ctx, year: number, month: number): Promise<AttendanceMonth> => {
    const { actor } = ctx;
    const rec = await monthRecord(year, month);
    if (!rec || rec.state !== 'reviewed')
      throw new DomainError('须经分管领导核实、局长审阅后才能通报', 'month', 'ATT-7');
    return update(
      db.attendanceMonths,
      rec.id,
      {
        state: nextAttendanceState(rec.state)!,
        announcedAt: nowIso(),
        announcedById: actor.id,
        announcedByName: actor.name,
        version: 1,
      },
      actor,
      `${year}年${month}月考勤全局通报（锁定）`,
    );
  },
});

function stageText(stage: MonthStage): string {
  return (
    {
      open: '未汇总',
      submitted: '已提交核实',
      verified: '已核实',
      returned: '已退回',
      reviewed: '已审阅',
      announced: '已通报',
    } as const
  )[stage];
}

export type Amendment = { reason: string; change?: SignInChange | null };

function diffRows(before: MonthMarkRow[], after: MonthMarkRow[]): string[] {
  const b = new Map(before.map((r) => [r.staffId, r]));
  const out: string[] = [];
  for (const a of after) {
    const p = b.get(a.staffId);
    if (!p) continue;
    if (p.score !== a.score || p.codes.join() !== a.codes.join())
      out.push(`${a.name}：月考核分 ${p.score} → ${a.score}`);
  }
  return out;
}

// ATT-7 更正: after announcement, with a reason; the sign-in change (if any) and the new tally are
// written together, the amendment keeps the tally before and after.
export async function amendMonth(year: number, month: number, a: Amendment, actor: Actor) {
  await needClerk(actor);
  const reason = a.reason.trim();
  if (!reason) throw new DomainError(L.msg.reasonRequired, 'reason', 'ATT-7');
  const { first, last } = monthBounds(year, month);
  if (a.change && (a.change.date < first || a.change.date > last))
    throw new DomainError('更正的日期不在该月内', 'date', 'ATT-7');
  return amendCommand(year, month, reason, a, actor);
}

const amendCommand = defineCommand({
  what: '更正月度考勤',
  perm: 'attendance.close',
  tables: (x) => [
    x.attendanceMonths,
    x.attendanceAmendments,
    x.signIns,
    x.leaves,
    x.trips,
    x.staff,
    x.sections,
    x.calendars,
    x.settings,
  ],
  run: async (ctx, year: number, month: number, reason: string, a: Amendment) => {
    const { actor } = ctx;
    const rec = await monthRecord(year, month);
    if (!rec || rec.state !== 'announced')
      throw new DomainError('只有已通报的月份需要更正；通报前可直接修改签到', 'month', 'ATT-7');
    const changes: string[] = [];
    if (a.change) {
      await writeChange(a.change, actor, 'clerk', true);
      const who = (await db.staff.get(a.change.staffId))?.name ?? '';
      changes.push(
        `${who} ${a.change.date} ${a.change.half === 'am' ? '上午' : '下午'}${a.change.field === 'at' ? '签到' : '离岗'}改为 ${a.change.value === 'absent' ? '旷工' : (a.change.value ?? '空')}`,
      );
    }
    const before = rec.snapshot ?? [];
    const { rows: after } = await liveMonth(year, month);
    changes.push(...diffRows(before, after));
    const version = rec.version + 1;
    const amendment = await insert(
      db.attendanceAmendments,
      { monthKey: rec.key, reason, changes, before, after, byName: actor.name, version },
      actor,
      `${year}年${month}月考勤更正：${reason}`,
    );
    await update(
      db.attendanceMonths,
      rec.id,
      { snapshot: after, version },
      actor,
      `考勤更正（第${version}版）：${reason}`,
    );
    return amendment;
  },
});

// The amendments of a month, oldest first.
export async function amendmentsOf(key: string) {
  return liveOnly(await db.attendanceAmendments.where('monthKey').equals(key).toArray()).sort(
    (a, b) => a.version - b.version,
  );
}

// Every print of the 考勤情况通报 is logged.
export const logBulletinPrinted = defineCommand({
  what: '打印考勤情况通报',
  perm: null,
  tables: (x) => [x.attendanceMonths],
  run: async (ctx, id: string) => {
    await logEvent('attendanceMonths', id, '打印考勤情况通报', ctx.actor);
  },
});
