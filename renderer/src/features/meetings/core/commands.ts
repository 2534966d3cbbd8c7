// Meetings (会议): 局长办公会 and 局务会 with attendance, agenda, minutes and numbered decisions
// (MTG-1, MTG-2), and the sections' monthly reports (MTG-3). Every write is a command; decisions are
// cited by other modules (TRIP-3, FIN-5) through their id: see queries.ts for the read side.
import type { ISODate, RuleId } from '../../../../../shared/rules';
import { isISODate, parseISODate } from '../../../../../shared/rules';
import { requireActDate } from '../../../db/actDate';
import { defineCommand } from '../../../db/command';
import type { CommandContext } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { MeetingDecision, MeetingKind } from '../../../db/schema/meetings';
import { required, requireText } from '../../../db/validate';
import { nextOrPending, numberOrPending } from '../../../sync/seqNumbering';
import { AGENDA_CATEGORIES, DECISION_PREFIX, MEETING_KIND_LABELS } from '../labels';

import { decisionsOfMeeting, liveSectionReport, nextDecisionSeq, nextMeetingSeq } from './queries';

export type Absence = { staffId: string; reason: string };

export type MeetingInput = {
  kind: MeetingKind;
  date: ISODate;
  chairId: string | null;
  recorderId?: string | null;
  location?: string;
  observerNames?: string;
  attendeeIds: string[];
  absences: Absence[];
  agenda: { category: string; title: string }[];
  minutes?: string;
};

// STU-1 / MTG-2 share this check: every absence has a reason, nobody is both present and absent.
export function checkAttendance(attendeeIds: string[], absences: Absence[], ruleId: RuleId): void {
  const present = new Set(attendeeIds);
  const seen = new Set<string>();
  absences.forEach((a, i) => {
    required(a.staffId, `absences.${i}.staffId`, '请选择缺席人员', ruleId);
    required(a.reason, `absences.${i}.reason`, '请填写缺席原因', ruleId);
    if (present.has(a.staffId))
      throw new DomainError('同一人不能既出席又缺席', `absences.${i}.staffId`, ruleId);
    if (seen.has(a.staffId)) throw new DomainError('缺席人员重复', `absences.${i}.staffId`, ruleId);
    seen.add(a.staffId);
  });
}

function meetingRule(kind: MeetingKind): RuleId {
  return kind === 'director_office' ? 'MTG-1' : 'MTG-2';
}

// The checks that read nothing (before the transaction).
function checkMeeting(input: MeetingInput): void {
  const rule = meetingRule(input.kind);
  if (!isISODate(input.date)) throw new DomainError('请填写会议日期（格式：2026-01-31）', 'date');
  requireActDate(input.date, 'date', '会议日期');
  required(input.chairId, 'chairId', '请选择主持人', rule);
}

// The chair's role (read from the staff record), then attendance and agenda.
async function checkMeetingData(input: MeetingInput): Promise<void> {
  const rule = meetingRule(input.kind);
  const chair = await getLive(db.staff, input.chairId);
  if (!chair || !chair.roles.includes('director'))
    throw new DomainError(`${MEETING_KIND_LABELS[input.kind]}由局长或书记主持`, 'chairId', rule);
  if (input.attendeeIds.length === 0) throw new DomainError('请选择出席人员', 'attendeeIds', rule);
  checkAttendance(input.attendeeIds, input.absences, rule);
  const allowed = AGENDA_CATEGORIES[input.kind];
  input.agenda.forEach((a, i) => {
    if (!allowed.includes(a.category) && a.category !== '其他')
      throw new DomainError('请选择制度所列的议题类别', `agenda.${i}.category`, rule);
    required(a.title, `agenda.${i}.title`, '请填写议题', rule);
  });
  if (input.agenda.length === 0) throw new DomainError('请至少填写一个议题', 'agenda', rule);
}

function clean(input: MeetingInput) {
  return {
    kind: input.kind,
    date: input.date,
    year: parseISODate(input.date).year,
    chairId: input.chairId,
    recorderId: input.recorderId ?? null,
    location: input.location?.trim() ?? '',
    observerNames: input.observerNames?.trim() ?? '',
    attendeeIds: [...new Set(input.attendeeIds)],
    absences: input.absences.map((a) => ({ staffId: a.staffId, reason: a.reason.trim() })),
    agenda: input.agenda.map((a) => ({ category: a.category, title: a.title.trim() })),
    minutes: input.minutes?.trim() ?? '',
  };
}

// MTG-1, MTG-2: a meeting with its chair, attendance (absences with reason) and agenda.
export const createMeeting = defineCommand({
  what: '登记会议',
  perm: 'meetings.manage',
  tables: (d) => [d.meetings, d.staff],
  validate: (input: MeetingInput) => checkMeeting(input),
  run: async (ctx, input: MeetingInput) => {
    await checkMeetingData(input);
    const data = clean(input);
    // with sync on: 待编号, numbered on the hub later (hubNumbers.ts)
    const seq = await nextOrPending(() => nextMeetingSeq(data.kind, data.year));
    return insert(
      db.meetings,
      { ...data, seq },
      ctx.actor,
      `${MEETING_KIND_LABELS[data.kind]}（${data.date}）`,
    );
  },
});

export const updateMeeting = defineCommand({
  what: '修改会议',
  perm: 'meetings.manage',
  tables: (d) => [d.meetings, d.meetingDecisions, d.staff],
  validate: (_id: string, input: MeetingInput) => checkMeeting(input),
  run: async (ctx, id: string, input: MeetingInput) => {
    await checkMeetingData(input);
    const data = clean(input);
    const before = await getLive(db.meetings, id);
    if (!before) throw new DomainError('会议不存在');
    if (before.kind !== data.kind) throw new DomainError('不能更改会议类型', 'kind');
    const decisions = await decisionsOfMeeting(id, true);
    if (before.year !== data.year && decisions.length > 0)
      throw new DomainError('已有决定的会议不能改到其他年度（决定编号按年度排列）', 'date', 'MTG-1');
    const seq =
      before.year === data.year
        ? before.seq
        : await nextOrPending(() => nextMeetingSeq(data.kind, data.year));
    const saved = await update(db.meetings, id, { ...data, seq }, ctx.actor, '修改会议');
    if (before.date !== data.date)
      for (const d of decisions)
        await update(db.meetingDecisions, d.id, { meetingDate: data.date }, ctx.actor, '会议日期变更');
    return saved;
  },
});

export type DecisionInput = {
  text: string;
  category?: string;
  ownerId?: string | null;
  dueDate?: ISODate | null;
};

function checkDecision(input: DecisionInput): void {
  requireText(input.text, 'text', '决定事项', 2000, 'MTG-1');
  if (input.dueDate && !isISODate(input.dueDate))
    throw new DomainError('落实期限格式应为 2026-01-31', 'dueDate');
}

function decisionFields(input: DecisionInput) {
  return {
    text: input.text.trim(),
    category: input.category ?? '',
    ownerId: input.ownerId ?? null,
    dueDate: input.dueDate || null,
  };
}

export function decisionNumber(kind: MeetingKind, year: number, seq: number): string {
  return `${DECISION_PREFIX[kind]}〔${year}〕${seq}号`;
}

// MTG-1: a numbered decision; numbers run per meeting kind per year and are never reused (a
// revoked decision keeps its number).
export const addDecision = defineCommand({
  what: '登记会议决定',
  perm: 'meetings.manage',
  tables: (d) => [d.meetings, d.meetingDecisions],
  validate: (_meetingId: string, input: DecisionInput) => checkDecision(input),
  run: async (ctx, meetingId: string, input: DecisionInput): Promise<MeetingDecision> => {
    const m = await getLive(db.meetings, meetingId);
    if (!m) throw new DomainError('会议不存在');
    const seq = await nextOrPending(() => nextDecisionSeq(m.kind, m.year));
    const number = numberOrPending(seq, (n) => decisionNumber(m.kind, m.year, n));
    return insert(
      db.meetingDecisions,
      {
        meetingId,
        meetingKind: m.kind,
        meetingDate: m.date,
        year: m.year,
        seq,
        number,
        ...decisionFields(input),
        followUp: 'open',
        followUpNote: '',
        doneOn: null,
      },
      ctx.actor,
      number,
    );
  },
});

export const editDecision = defineCommand({
  what: '修改会议决定',
  perm: 'meetings.manage',
  tables: (d) => [d.meetingDecisions],
  validate: (_id: string, input: DecisionInput) => checkDecision(input),
  run: async (ctx, id: string, input: DecisionInput) =>
    update(db.meetingDecisions, id, decisionFields(input), ctx.actor, '修改决定'),
});

export type FollowUpInput = { followUp: MeetingDecision['followUp']; note?: string; doneOn?: ISODate | null };

// The follow-up state of a decision: kept by the office, or by the person who carries it out.
export const setFollowUp = defineCommand({
  what: '登记决定落实情况',
  perm: null,
  tables: (d) => [d.meetingDecisions],
  run: async (ctx, id: string, input: FollowUpInput) => {
    const d = await getLive(db.meetingDecisions, id);
    if (!d) throw new DomainError('决定不存在');
    if (d.ownerId !== ctx.actor.id) ctx.require('meetings.manage', '登记决定落实情况');
    if (input.followUp === 'done' && input.doneOn && !isISODate(input.doneOn))
      throw new DomainError('落实日期格式应为 2026-01-31', 'doneOn');
    if (input.followUp === 'done') {
      required(input.doneOn, 'doneOn', '请填写落实日期');
      requireActDate(input.doneOn!, 'doneOn', '落实日期');
    }
    return update(
      db.meetingDecisions,
      id,
      {
        followUp: input.followUp,
        followUpNote: input.note?.trim() ?? '',
        doneOn: input.followUp === 'done' ? input.doneOn : null,
      },
      ctx.actor,
      `落实情况：${input.followUp}`,
    );
  },
});

// ---- MTG-3: sections' monthly reports ----

export type SectionReportInput = {
  sectionId: string;
  year: number;
  month: number;
  submittedOn: ISODate;
  reporterId: string | null;
  workSummary: string;
  nextPlan: string;
};

function checkSectionReport(input: SectionReportInput): void {
  required(input.sectionId, 'sectionId', '请选择股室', 'MTG-3');
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12)
    throw new DomainError('请选择汇报月份', 'month', 'MTG-3');
  if (!isISODate(input.submittedOn))
    throw new DomainError('请填写报送日期（格式：2026-01-31）', 'submittedOn', 'MTG-3');
  requireActDate(input.submittedOn, 'submittedOn', '报送日期', 'MTG-3');
  requireText(input.workSummary, 'workSummary', '本月工作情况', 2000, 'MTG-3');
  requireText(input.nextPlan, 'nextPlan', '下月工作计划', 2000, 'MTG-3');
}

// The section's head reports for it; anyone else needs meetings.manage.
async function mayReportFor(ctx: CommandContext, sectionId: string): Promise<void> {
  if (ctx.isSystem) return;
  const sec = await db.sections.get(sectionId);
  if (sec?.headId === ctx.actor.id) return;
  ctx.require('meetings.manage', '登记股室月度汇报');
}

// MTG-3: one report per section per month (a second submission replaces the first, audited).
export const submitSectionReport = defineCommand({
  what: '登记股室月度汇报',
  perm: null,
  tables: (d) => [d.sectionReports, d.sections],
  validate: (input: SectionReportInput) => checkSectionReport(input),
  run: async (ctx, input: SectionReportInput) => {
    await mayReportFor(ctx, input.sectionId);
    const data = {
      sectionId: input.sectionId,
      year: input.year,
      month: input.month,
      submittedOn: input.submittedOn,
      reporterId: input.reporterId,
      workSummary: input.workSummary.trim(),
      nextPlan: input.nextPlan.trim(),
    };
    const existing = await liveSectionReport(input.sectionId, input.year, input.month);
    if (existing) return update(db.sectionReports, existing.id, data, ctx.actor, '更新股室月度汇报');
    return insert(db.sectionReports, data, ctx.actor, `股室月度汇报 ${input.year}年${input.month}月`);
  },
});
