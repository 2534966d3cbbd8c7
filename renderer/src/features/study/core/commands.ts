// Study (学习制度): Friday collective study with absences (STU-1), the study group's monthly
// meetings (STU-2), the quarterly notes check (STU-3), papers per person per year with the
// year-end list of those without one (STU-4), tuition and exam-cost claims (STU-5). Every write is a
// command; the reads are in queries.ts.
import type { CalendarData, ISODate } from '../../../../../shared/rules';
import {
  fridayStudyDates,
  isISODate,
  parseISODate,
  studyQuarter,
  tuitionReimbursement,
} from '../../../../../shared/rules';
import { requireActDate } from '../../../db/actDate';
import { defineCommand } from '../../../db/command';
import type { CommandContext } from '../../../db/command';
import { db } from '../../../db/db';
import { DomainError, insert, update } from '../../../db/repo';
import type {
  NotesCheckResult,
  StudyPaperKind,
  StudySessionKind,
  TuitionClaimKind,
} from '../../../db/schema/meetings';
import { required, requireText } from '../../../db/validate';
import { checkAttendance } from '../../meetings';
import type { Absence } from '../../meetings';
import { DEGREES } from '../labels';

import { liveNotesCheck, sessionsOn } from './queries';

export type SessionInput = {
  kind: StudySessionKind;
  date: ISODate;
  topic: string;
  speaker?: string;
  attendeeIds: string[];
  absences: Absence[];
};

function checkSession(input: SessionInput, cal: CalendarData): void {
  if (!isISODate(input.date)) throw new DomainError('请填写学习日期（格式：2026-01-31）', 'date', 'STU-1');
  requireActDate(input.date, 'date', '学习日期', 'STU-1');
  const { year, month } = parseISODate(input.date);
  if (input.kind === 'friday' && !fridayStudyDates(year, month, cal).includes(input.date))
    throw new DomainError('周五集中学习的日期应是工作日的星期五', 'date', 'STU-1');
  required(input.topic, 'topic', '请填写学习内容', input.kind === 'friday' ? 'STU-1' : 'STU-2');
  if (input.attendeeIds.length === 0) throw new DomainError('请选择参加人员', 'attendeeIds', 'STU-1');
  checkAttendance(input.attendeeIds, input.absences, 'STU-1');
}

// One session of a kind per date.
async function checkSessionDate(input: SessionInput, exceptId?: string): Promise<void> {
  const same = await sessionsOn(input.kind, input.date);
  if (same.some((s) => s.id !== exceptId)) throw new DomainError('该日期已登记过同类学习', 'date', 'STU-1');
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
export const recordSession = defineCommand({
  what: '登记集中学习',
  perm: 'study.manage',
  tables: (d) => [d.studySessions],
  validate: (input: SessionInput, cal: CalendarData) => checkSession(input, cal),
  run: async (ctx, input: SessionInput, _cal: CalendarData) => {
    await checkSessionDate(input);
    return insert(db.studySessions, sessionData(input), ctx.actor, `集中学习 ${input.date}`);
  },
});

export const updateSession = defineCommand({
  what: '修改集中学习',
  perm: 'study.manage',
  tables: (d) => [d.studySessions],
  validate: (_id: string, input: SessionInput, cal: CalendarData) => checkSession(input, cal),
  run: async (ctx, id: string, input: SessionInput, _cal: CalendarData) => {
    await checkSessionDate(input, id);
    return update(db.studySessions, id, sessionData(input), ctx.actor, '修改集中学习');
  },
});

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

function checkNotesCheck(input: NotesCheckInput): void {
  required(input.staffId, 'staffId', '请选择人员', 'STU-3');
  if (![1, 2, 3, 4].includes(input.quarter)) throw new DomainError('请选择季度', 'quarter', 'STU-3');
  if (!isISODate(input.checkedOn))
    throw new DomainError('请填写检查日期（格式：2026-01-31）', 'checkedOn', 'STU-3');
  requireActDate(input.checkedOn, 'checkedOn', '检查日期', 'STU-3');
  const c = parseISODate(input.checkedOn);
  // A quarter is checked during or after it, never before it starts.
  if (c.year < input.year || (c.year === input.year && studyQuarter(input.checkedOn) < input.quarter))
    throw new DomainError('检查日期不能早于所检查的季度', 'checkedOn', 'STU-3');
}

// STU-3: one check per person per quarter (a second entry replaces the first, audited).
export const recordNotesCheck = defineCommand({
  what: '登记笔记检查',
  perm: 'study.manage',
  tables: (d) => [d.notesChecks],
  validate: checkNotesCheck,
  run: async (ctx, input: NotesCheckInput) => {
    const data = {
      staffId: input.staffId,
      year: input.year,
      quarter: input.quarter,
      checkedOn: input.checkedOn,
      checkerId: ctx.actor.id,
      collective: input.collective,
      selfStudy: input.selfStudy,
      remark: input.remark?.trim() ?? '',
    };
    const existing = await liveNotesCheck(input.staffId, input.year, input.quarter);
    if (existing) return update(db.notesChecks, existing.id, data, ctx.actor, '更新笔记检查');
    return insert(db.notesChecks, data, ctx.actor, `笔记检查 ${input.year}年第${input.quarter}季度`);
  },
});

// Recording for oneself needs no permission; for another person it does.
function requireForOther(ctx: CommandContext, staffId: string, what: string): void {
  if (staffId !== ctx.actor.id) ctx.require('study.manage', what);
}

// ---- STU-4 papers ----

export type PaperInput = {
  staffId: string;
  writtenOn: ISODate;
  kind: StudyPaperKind;
  title: string;
  publishedIn?: string;
};

export const recordPaper = defineCommand({
  what: '登记心得论文',
  perm: null,
  tables: (d) => [d.studyPapers],
  run: async (ctx, input: PaperInput) => {
    requireForOther(ctx, input.staffId, '登记他人的心得论文');
    required(input.staffId, 'staffId', '请选择人员', 'STU-4');
    if (!isISODate(input.writtenOn))
      throw new DomainError('请填写完成日期（格式：2026-01-31）', 'writtenOn', 'STU-4');
    requireActDate(input.writtenOn, 'writtenOn', '完成日期', 'STU-4');
    const title = requireText(input.title, 'title', '题目', 2000, 'STU-4');
    return insert(
      db.studyPapers,
      {
        staffId: input.staffId,
        year: parseISODate(input.writtenOn).year,
        writtenOn: input.writtenOn,
        kind: input.kind,
        title,
        publishedIn: input.publishedIn?.trim() ?? '',
      },
      ctx.actor,
      `学习心得/论文：${title}`,
    );
  },
});

// ---- STU-5 tuition and exam costs ----

export type TuitionInput = {
  staffId: string;
  kind: TuitionClaimKind;
  description: string;
  paidFen: number;
  degree?: string;
  submittedOn: ISODate;
};

function checkTuition(input: TuitionInput): void {
  required(input.staffId, 'staffId', '请选择人员', 'STU-5');
  if (input.kind !== 'tuition' && input.kind !== 'exam')
    throw new DomainError('请选择报销类别', 'kind', 'STU-5');
  if (input.kind === 'tuition' && !DEGREES.includes(input.degree as (typeof DEGREES)[number]))
    throw new DomainError('学费报销限于通过函授、自考取得本科以上学历', 'degree', 'STU-5');
  requireText(input.description, 'description', '说明', 2000, 'STU-5');
  if (!Number.isInteger(input.paidFen) || input.paidFen <= 0)
    throw new DomainError('请填写实缴金额', 'paidFen', 'STU-5');
  if (!isISODate(input.submittedOn))
    throw new DomainError('请填写日期（格式：2026-01-31）', 'submittedOn', 'STU-5');
  requireActDate(input.submittedOn, 'submittedOn', '登记日期', 'STU-5');
}

// STU-5: tuition for a bachelor's degree or higher: 2/3 reimbursed; public-selection exams:
// registration, medical and travel costs in full. Finance turns 'submitted' claims into expenses.
export const submitTuitionClaim = defineCommand({
  what: '登记学费报销',
  perm: null,
  tables: (d) => [d.tuitionClaims],
  run: async (ctx, input: TuitionInput) => {
    requireForOther(ctx, input.staffId, '代为登记学费报销');
    checkTuition(input);
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
      ctx.actor,
      `学费报销登记：${input.description.trim()}`,
    );
  },
});
