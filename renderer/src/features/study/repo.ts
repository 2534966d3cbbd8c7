// Study (学习制度): Friday collective study with absences (STU-1), the study group's monthly
// meetings (STU-2), the quarterly notes check (STU-3), papers per person per year with the
// year-end list of those without one (STU-4), tuition and exam-cost claims (STU-5).
import type { CalendarData, ISODate } from '../../../../shared/rules';
import {
  compareDates,
  fridayStudyDates,
  isISODate,
  monthsWithoutMeeting,
  parseISODate,
  studyQuarter,
  tuitionReimbursement,
  yearEndPapersMissing,
} from '../../../../shared/rules';
import { requireActDate } from '../../db/actDate';
import { db } from '../../db/db';
import { DomainError, insert, update, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { Staff } from '../../db/schema/core';
import type {
  NotesCheck,
  NotesCheckResult,
  StudyPaper,
  StudyPaperKind,
  StudySession,
  StudySessionKind,
  TuitionClaim,
  TuitionClaimKind,
} from '../../db/schema/meetings';
import { requirePermission } from '../documents/access';
import { checkAttendance } from '../meetings/repo';
import type { Absence } from '../meetings/repo';

import { DEGREES } from './labels';

export type SessionInput = {
  kind: StudySessionKind;
  date: ISODate;
  topic: string;
  speaker?: string;
  attendeeIds: string[];
  absences: Absence[];
};

async function checkSession(input: SessionInput, cal: CalendarData, exceptId?: string): Promise<void> {
  if (!isISODate(input.date)) throw new DomainError('请填写学习日期（格式：2026-01-31）', 'date', 'STU-1');
  requireActDate(input.date, 'date', '学习日期', 'STU-1');
  const { year, month } = parseISODate(input.date);
  if (input.kind === 'friday' && !fridayStudyDates(year, month, cal).includes(input.date))
    throw new DomainError('周五集中学习的日期应是工作日的星期五', 'date', 'STU-1');
  if (!input.topic?.trim())
    throw new DomainError('请填写学习内容', 'topic', input.kind === 'friday' ? 'STU-1' : 'STU-2');
  if (input.attendeeIds.length === 0) throw new DomainError('请选择参加人员', 'attendeeIds', 'STU-1');
  checkAttendance(input.attendeeIds, input.absences, 'STU-1');
  const same = await db.studySessions.where('[kind+date]').equals([input.kind, input.date]).toArray();
  if (same.some((s) => !s.deletedAt && s.id !== exceptId))
    throw new DomainError('该日期已登记过同类学习', 'date', 'STU-1');
}

function sessionData(input: SessionInput) {
  return {
    kind: input.kind,
    date: input.date,
    year: parseISODate(input.date).year,
    topic: input.topic.trim(),
    speaker: input.speaker?.trim() ?? '',
    attendeeIds: [...new Set(input.attendeeIds)],
    absences: input.absences.map((a) => ({ staffId: a.staffId, reason: a.reason.trim() })),
  };
}

// STU-1 / STU-2: a session with its attendance (absences with reason).
export async function recordSession(
  input: SessionInput,
  cal: CalendarData,
  actor: Actor,
): Promise<StudySession> {
  await requirePermission(actor, 'study.manage', '登记集中学习');
  await checkSession(input, cal);
  return insert(db.studySessions, sessionData(input), actor, `集中学习 ${input.date}`);
}

export async function updateSession(
  id: string,
  input: SessionInput,
  cal: CalendarData,
  actor: Actor,
): Promise<StudySession> {
  await requirePermission(actor, 'study.manage', '修改集中学习');
  await checkSession(input, cal, id);
  return update(db.studySessions, id, sessionData(input), actor, '修改集中学习');
}

// STU-1: working Fridays of the month up to `on` that have no session recorded.
export async function fridaysWithoutSession(
  year: number,
  month: number,
  cal: CalendarData,
  on: ISODate,
): Promise<ISODate[]> {
  const fridays = fridayStudyDates(year, month, cal).filter((d) => compareDates(d, on) <= 0);
  if (!fridays.length) return [];
  const held = new Set(
    (
      await db.studySessions
        .where('[kind+date]')
        .between(['friday', fridays[0]], ['friday', fridays[fridays.length - 1]], true, true)
        .toArray()
    )
      .filter((s) => !s.deletedAt)
      .map((s) => s.date),
  );
  return fridays.filter((d) => !held.has(d));
}

// STU-2: months 1..throughMonth without a study-group meeting.
export async function groupMonthsMissing(year: number, throughMonth: number): Promise<number[]> {
  const dates = (await db.studySessions.where('[kind+year]').equals(['group', year]).toArray())
    .filter((s) => !s.deletedAt)
    .map((s) => s.date);
  return monthsWithoutMeeting(dates, year, throughMonth);
}

// ---- STU-3 notes check ----

export type NotesCheckInput = {
  staffId: string;
  year: number;
  quarter: number;
  checkedOn: ISODate;
  collective: NotesCheckResult;
  selfStudy: NotesCheckResult;
  remark?: string;
};

// STU-3: one check per person per quarter (a second entry replaces the first, audited).
export async function recordNotesCheck(input: NotesCheckInput, actor: Actor): Promise<NotesCheck> {
  await requirePermission(actor, 'study.manage', '登记笔记检查');
  if (!input.staffId) throw new DomainError('请选择人员', 'staffId', 'STU-3');
  if (![1, 2, 3, 4].includes(input.quarter)) throw new DomainError('请选择季度', 'quarter', 'STU-3');
  if (!isISODate(input.checkedOn))
    throw new DomainError('请填写检查日期（格式：2026-01-31）', 'checkedOn', 'STU-3');
  requireActDate(input.checkedOn, 'checkedOn', '检查日期', 'STU-3');
  const c = parseISODate(input.checkedOn);
  // A quarter is checked during or after it, never before it starts.
  if (c.year < input.year || (c.year === input.year && studyQuarter(input.checkedOn) < input.quarter))
    throw new DomainError('检查日期不能早于所检查的季度', 'checkedOn', 'STU-3');
  const data = {
    staffId: input.staffId,
    year: input.year,
    quarter: input.quarter,
    checkedOn: input.checkedOn,
    checkerId: actor.id,
    collective: input.collective,
    selfStudy: input.selfStudy,
    remark: input.remark?.trim() ?? '',
  };
  return writeTx([db.notesChecks], async () => {
    const existing = (
      await db.notesChecks.where('[staffId+year]').equals([input.staffId, input.year]).toArray()
    ).find((n) => !n.deletedAt && n.quarter === input.quarter);
    if (existing) return update(db.notesChecks, existing.id, data, actor, '更新笔记检查');
    return insert(db.notesChecks, data, actor, `笔记检查 ${input.year}年第${input.quarter}季度`);
  });
}

export type NotesCheckRow = { staff: Staff; check: NotesCheck | null };

export async function notesCheckTable(
  year: number,
  quarter: number,
  staff: Staff[],
): Promise<NotesCheckRow[]> {
  const checks = (await db.notesChecks.where('[year+quarter]').equals([year, quarter]).toArray()).filter(
    (n) => !n.deletedAt,
  );
  const by = new Map(checks.map((c) => [c.staffId, c]));
  return staff.map((s) => ({ staff: s, check: by.get(s.id) ?? null }));
}

// ---- STU-4 papers ----

export type PaperInput = {
  staffId: string;
  writtenOn: ISODate;
  kind: StudyPaperKind;
  title: string;
  publishedIn?: string;
};

export async function recordPaper(input: PaperInput, actor: Actor): Promise<StudyPaper> {
  if (input.staffId !== actor.id) await requirePermission(actor, 'study.manage', '登记他人的心得论文');
  if (!input.staffId) throw new DomainError('请选择人员', 'staffId', 'STU-4');
  if (!isISODate(input.writtenOn))
    throw new DomainError('请填写完成日期（格式：2026-01-31）', 'writtenOn', 'STU-4');
  requireActDate(input.writtenOn, 'writtenOn', '完成日期', 'STU-4');
  if (!input.title?.trim()) throw new DomainError('请填写题目', 'title', 'STU-4');
  return insert(
    db.studyPapers,
    {
      staffId: input.staffId,
      year: parseISODate(input.writtenOn).year,
      writtenOn: input.writtenOn,
      kind: input.kind,
      title: input.title.trim(),
      publishedIn: input.publishedIn?.trim() ?? '',
    },
    actor,
    `学习心得/论文：${input.title.trim()}`,
  );
}

export async function papersByStaff(year: number): Promise<Record<string, number>> {
  const papers = (await db.studyPapers.where('year').equals(year).toArray()).filter((p) => !p.deletedAt);
  const out: Record<string, number> = {};
  for (const p of papers) out[p.staffId] = (out[p.staffId] ?? 0) + 1;
  return out;
}

// STU-4: at year end, everyone (of `staff`, in that order) without a paper in the year.
export async function papersMissing(year: number, staff: Staff[]): Promise<Staff[]> {
  const missing = new Set(
    yearEndPapersMissing(
      staff.map((s) => s.id),
      await papersByStaff(year),
    ),
  );
  return staff.filter((s) => missing.has(s.id));
}

// ---- STU-5 tuition and exam costs ----

export type TuitionInput = {
  staffId: string;
  kind: TuitionClaimKind;
  description: string;
  paidFen: number;
  degree?: string;
  submittedOn: ISODate;
};

// STU-5: tuition for a bachelor's degree or higher: 2/3 reimbursed; public-selection exams:
// registration, medical and travel costs in full. Finance turns 'submitted' claims into expenses.
export async function submitTuitionClaim(input: TuitionInput, actor: Actor): Promise<TuitionClaim> {
  if (input.staffId !== actor.id) await requirePermission(actor, 'study.manage', '代为登记学费报销');
  if (!input.staffId) throw new DomainError('请选择人员', 'staffId', 'STU-5');
  if (input.kind !== 'tuition' && input.kind !== 'exam')
    throw new DomainError('请选择报销类别', 'kind', 'STU-5');
  if (input.kind === 'tuition' && !DEGREES.includes(input.degree as (typeof DEGREES)[number]))
    throw new DomainError('学费报销限于通过函授、自考取得本科以上学历', 'degree', 'STU-5');
  if (!input.description?.trim()) throw new DomainError('请填写说明', 'description', 'STU-5');
  if (!Number.isInteger(input.paidFen) || input.paidFen <= 0)
    throw new DomainError('请填写实缴金额', 'paidFen', 'STU-5');
  if (!isISODate(input.submittedOn))
    throw new DomainError('请填写日期（格式：2026-01-31）', 'submittedOn', 'STU-5');
  requireActDate(input.submittedOn, 'submittedOn', '登记日期', 'STU-5');
  const reimbursableFen = input.kind === 'tuition' ? tuitionReimbursement(input.paidFen) : input.paidFen;
  return insert(
    db.tuitionClaims,
    {
      staffId: input.staffId,
      kind: input.kind,
      description: input.description.trim(),
      paidFen: input.paidFen,
      reimbursableFen,
      status: 'submitted',
      submittedOn: input.submittedOn,
      degree: input.kind === 'tuition' ? input.degree : '',
    },
    actor,
    `学费报销登记：${input.description.trim()}`,
  );
}
