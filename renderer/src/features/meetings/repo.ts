// Meetings (会议): 局长办公会 and 局务会 with attendance, agenda, minutes and numbered decisions
// (MTG-1, MTG-2), and the sections' monthly reports (MTG-3). Decisions are cited by other modules
// (TRIP-3, FIN-5) through their id: see decisions.ts for the read side.
import type { ISODate, RuleId } from '../../../../shared/rules';
import {
  compareDates,
  isISODate,
  monthsWithoutMeeting,
  parseISODate,
  sectionReportDue,
} from '../../../../shared/rules';
import { requireActDate } from '../../db/actDate';
import { db } from '../../db/db';
import { DomainError, insert, SYSTEM_ACTOR, update, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { Section } from '../../db/schema/core';
import type { Meeting, MeetingDecision, MeetingKind, SectionReport } from '../../db/schema/meetings';
import { requirePermission } from '../documents/access';

import { AGENDA_CATEGORIES, DECISION_PREFIX, MEETING_KIND_LABELS } from './labels';

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
    if (!a.staffId) throw new DomainError('请选择缺席人员', `absences.${i}.staffId`, ruleId);
    if (!a.reason?.trim()) throw new DomainError('请填写缺席原因', `absences.${i}.reason`, ruleId);
    if (present.has(a.staffId))
      throw new DomainError('同一人不能既出席又缺席', `absences.${i}.staffId`, ruleId);
    if (seen.has(a.staffId)) throw new DomainError('缺席人员重复', `absences.${i}.staffId`, ruleId);
    seen.add(a.staffId);
  });
}

async function checkMeeting(input: MeetingInput): Promise<void> {
  const rule = input.kind === 'director_office' ? 'MTG-1' : 'MTG-2';
  if (!isISODate(input.date)) throw new DomainError('请填写会议日期（格式：2026-01-31）', 'date');
  requireActDate(input.date, 'date', '会议日期');
  if (!input.chairId) throw new DomainError('请选择主持人', 'chairId', rule);
  const chair = await db.staff.get(input.chairId);
  if (!chair || !chair.roles.includes('director'))
    throw new DomainError(`${MEETING_KIND_LABELS[input.kind]}由局长或书记主持`, 'chairId', rule);
  if (input.attendeeIds.length === 0) throw new DomainError('请选择出席人员', 'attendeeIds', rule);
  checkAttendance(input.attendeeIds, input.absences, rule);
  const allowed = AGENDA_CATEGORIES[input.kind];
  input.agenda.forEach((a, i) => {
    if (!allowed.includes(a.category) && a.category !== '其他')
      throw new DomainError('请选择制度所列的议题类别', `agenda.${i}.category`, rule);
    if (!a.title.trim()) throw new DomainError('请填写议题', `agenda.${i}.title`, rule);
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

async function nextMeetingSeq(kind: MeetingKind, year: number): Promise<number> {
  const all = await db.meetings.where('[kind+year]').equals([kind, year]).toArray();
  return all.reduce((m, x) => Math.max(m, x.seq), 0) + 1;
}

// MTG-1, MTG-2: a meeting with its chair, attendance (absences with reason) and agenda.
export async function createMeeting(input: MeetingInput, actor: Actor): Promise<Meeting> {
  await requirePermission(actor, 'meetings.manage', '登记会议');
  await checkMeeting(input);
  const data = clean(input);
  return writeTx([db.meetings], async () => {
    const seq = await nextMeetingSeq(data.kind, data.year);
    return insert(db.meetings, { ...data, seq }, actor, `${MEETING_KIND_LABELS[data.kind]}（${data.date}）`);
  });
}

export async function updateMeeting(id: string, input: MeetingInput, actor: Actor): Promise<Meeting> {
  await requirePermission(actor, 'meetings.manage', '修改会议');
  await checkMeeting(input);
  const data = clean(input);
  return writeTx([db.meetings, db.meetingDecisions], async () => {
    const before = await db.meetings.get(id);
    if (!before || before.deletedAt) throw new DomainError('会议不存在');
    if (before.kind !== data.kind) throw new DomainError('不能更改会议类型', 'kind');
    const decisions = await db.meetingDecisions.where('meetingId').equals(id).toArray();
    if (before.year !== data.year && decisions.length > 0)
      throw new DomainError('已有决定的会议不能改到其他年度（决定编号按年度排列）', 'date', 'MTG-1');
    const seq = before.year === data.year ? before.seq : await nextMeetingSeq(data.kind, data.year);
    const saved = await update(db.meetings, id, { ...data, seq }, actor, '修改会议');
    if (before.date !== data.date)
      for (const d of decisions)
        await update(db.meetingDecisions, d.id, { meetingDate: data.date }, actor, '会议日期变更');
    return saved;
  });
}

export type DecisionInput = {
  text: string;
  category?: string;
  ownerId?: string | null;
  dueDate?: ISODate | null;
};

function checkDecision(input: DecisionInput): void {
  if (!input.text?.trim()) throw new DomainError('请填写决定事项', 'text', 'MTG-1');
  if (input.dueDate && !isISODate(input.dueDate))
    throw new DomainError('落实期限格式应为 2026-01-31', 'dueDate');
}

export function decisionNumber(kind: MeetingKind, year: number, seq: number): string {
  return `${DECISION_PREFIX[kind]}〔${year}〕${seq}号`;
}

// MTG-1: a numbered decision; numbers run per meeting kind per year and are never reused (a
// revoked decision keeps its number).
export async function addDecision(
  meetingId: string,
  input: DecisionInput,
  actor: Actor,
): Promise<MeetingDecision> {
  await requirePermission(actor, 'meetings.manage', '登记会议决定');
  checkDecision(input);
  return writeTx([db.meetings, db.meetingDecisions], async () => {
    const m = await db.meetings.get(meetingId);
    if (!m || m.deletedAt) throw new DomainError('会议不存在');
    const same = await db.meetingDecisions.where('[meetingKind+year]').equals([m.kind, m.year]).toArray();
    const seq = same.reduce((max, d) => Math.max(max, d.seq), 0) + 1;
    const number = decisionNumber(m.kind, m.year, seq);
    return insert(
      db.meetingDecisions,
      {
        meetingId,
        meetingKind: m.kind,
        meetingDate: m.date,
        year: m.year,
        seq,
        number,
        text: input.text.trim(),
        category: input.category ?? '',
        ownerId: input.ownerId ?? null,
        dueDate: input.dueDate || null,
        followUp: 'open',
        followUpNote: '',
        doneOn: null,
      },
      actor,
      number,
    );
  });
}

export async function editDecision(id: string, input: DecisionInput, actor: Actor): Promise<MeetingDecision> {
  await requirePermission(actor, 'meetings.manage', '修改会议决定');
  checkDecision(input);
  return update(
    db.meetingDecisions,
    id,
    {
      text: input.text.trim(),
      category: input.category ?? '',
      ownerId: input.ownerId ?? null,
      dueDate: input.dueDate || null,
    },
    actor,
    '修改决定',
  );
}

export type FollowUpInput = { followUp: MeetingDecision['followUp']; note?: string; doneOn?: ISODate | null };

// The follow-up state of a decision: kept by the office, or by the person who carries it out.
export async function setFollowUp(id: string, input: FollowUpInput, actor: Actor): Promise<MeetingDecision> {
  const d = await db.meetingDecisions.get(id);
  if (!d || d.deletedAt) throw new DomainError('决定不存在');
  if (d.ownerId !== actor.id) await requirePermission(actor, 'meetings.manage', '登记决定落实情况');
  if (input.followUp === 'done' && input.doneOn && !isISODate(input.doneOn))
    throw new DomainError('落实日期格式应为 2026-01-31', 'doneOn');
  if (input.followUp === 'done' && !input.doneOn) throw new DomainError('请填写落实日期', 'doneOn');
  if (input.followUp === 'done') requireActDate(input.doneOn!, 'doneOn', '落实日期');
  return update(
    db.meetingDecisions,
    id,
    {
      followUp: input.followUp,
      followUpNote: input.note?.trim() ?? '',
      doneOn: input.followUp === 'done' ? input.doneOn : null,
    },
    actor,
    `落实情况：${input.followUp}`,
  );
}

// MTG-1: months of the year (through `throughMonth`) without a 局长办公会.
export async function monthsWithoutDirectorMeeting(year: number, throughMonth: number): Promise<number[]> {
  const ms = await db.meetings.where('[kind+year]').equals(['director_office', year]).toArray();
  return monthsWithoutMeeting(
    ms.filter((m) => !m.deletedAt).map((m) => m.date),
    year,
    throughMonth,
  );
}

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

async function mayReportFor(actor: Actor, sectionId: string): Promise<void> {
  if (actor.id === SYSTEM_ACTOR.id) return;
  const sec = await db.sections.get(sectionId);
  if (sec?.headId === actor.id) return;
  await requirePermission(actor, 'meetings.manage', '登记股室月度汇报');
}

// MTG-3: one report per section per month (a second submission replaces the first, audited).
export async function submitSectionReport(input: SectionReportInput, actor: Actor): Promise<SectionReport> {
  if (!input.sectionId) throw new DomainError('请选择股室', 'sectionId', 'MTG-3');
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12)
    throw new DomainError('请选择汇报月份', 'month', 'MTG-3');
  if (!isISODate(input.submittedOn))
    throw new DomainError('请填写报送日期（格式：2026-01-31）', 'submittedOn', 'MTG-3');
  requireActDate(input.submittedOn, 'submittedOn', '报送日期', 'MTG-3');
  if (!input.workSummary?.trim()) throw new DomainError('请填写本月工作情况', 'workSummary', 'MTG-3');
  if (!input.nextPlan?.trim()) throw new DomainError('请填写下月工作计划', 'nextPlan', 'MTG-3');
  await mayReportFor(actor, input.sectionId);
  const data = {
    sectionId: input.sectionId,
    year: input.year,
    month: input.month,
    submittedOn: input.submittedOn,
    reporterId: input.reporterId,
    workSummary: input.workSummary.trim(),
    nextPlan: input.nextPlan.trim(),
  };
  return writeTx([db.sectionReports], async () => {
    const existing = (
      await db.sectionReports
        .where('[sectionId+year+month]')
        .equals([input.sectionId, input.year, input.month])
        .toArray()
    ).find((r) => !r.deletedAt);
    if (existing) return update(db.sectionReports, existing.id, data, actor, '更新股室月度汇报');
    return insert(db.sectionReports, data, actor, `股室月度汇报 ${input.year}年${input.month}月`);
  });
}

export type SectionReportRow = {
  section: Section;
  report: SectionReport | null;
  due: ISODate;
  state: 'on_time' | 'late' | 'missing';
};

// MTG-3: every section for the month, with its report, on time (by the 27th) or late, or missing.
export async function sectionReportTable(year: number, month: number): Promise<SectionReportRow[]> {
  const due = sectionReportDue(year, month);
  const sections = (await db.sections.orderBy('order').toArray()).filter((s) => !s.deletedAt);
  const reports = (await db.sectionReports.where('[year+month]').equals([year, month]).toArray()).filter(
    (r) => !r.deletedAt,
  );
  const bySection = new Map(reports.map((r) => [r.sectionId, r]));
  return sections.map((section) => {
    const report = bySection.get(section.id) ?? null;
    const state = !report ? 'missing' : compareDates(report.submittedOn, due) > 0 ? 'late' : 'on_time';
    return { section, report, due, state };
  });
}

export async function sectionsMissingReport(year: number, month: number): Promise<Section[]> {
  return (await sectionReportTable(year, month)).filter((r) => r.state === 'missing').map((r) => r.section);
}
