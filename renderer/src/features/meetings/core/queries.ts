// The read side of meetings: the screens' lists, and the decisions other modules cite (TRIP-3 study
// trips, FIN-5 purchases): they store a decision's id and look it up here. Every index string of
// the module is here.
import type { ISODate } from '../../../../../shared/rules';
import { compareDates, monthsWithoutMeeting, sectionReportDue } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { getLive, live, liveOnly } from '../../../db/live';
import type { Section } from '../../../db/schema/core';
import type { Meeting, MeetingDecision, MeetingKind, SectionReport } from '../../../db/schema/meetings';
import { PENDING_NUMBER } from '../../../sync/numbers';
import { topByKindYear } from '../../../sync/seqNumbering';

// A live (not revoked) decision by id, or undefined.
export async function findDecision(id: string | null | undefined): Promise<MeetingDecision | undefined> {
  return getLive(db.meetingDecisions, id);
}

// A live 局长办公会 decision by id (what TRIP-3 and FIN-5 require), or undefined.
export async function findDirectorDecision(
  id: string | null | undefined,
): Promise<MeetingDecision | undefined> {
  const d = await findDecision(id);
  return d?.meetingKind === 'director_office' ? d : undefined;
}

// How a decision is shown where it is cited: 局长办公会决定〔2026〕5号 同意……
// 2026年第3次, or 2026年 待编号 while the meeting waits for its number from the hub (hubNumbers.ts).
export function meetingOrdinal(m: Pick<Meeting, 'year' | 'seq'>): string {
  return m.seq > 0 ? `${m.year}年第${m.seq}次` : `${m.year}年 ${PENDING_NUMBER}`;
}

export function decisionLabel(d: Pick<MeetingDecision, 'number' | 'text'>): string {
  return `${d.number} ${d.text}`;
}

const newestFirst = (a: MeetingDecision, b: MeetingDecision) =>
  b.meetingDate.localeCompare(a.meetingDate) || b.seq - a.seq;

// 局长办公会 decisions, newest first, from `since` on (by meeting date).
export async function directorDecisions(
  since: ISODate = '0000-01-01',
  limit = 500,
): Promise<MeetingDecision[]> {
  const list = await db.meetingDecisions
    .where('[meetingKind+meetingDate]')
    .between(['director_office', since], ['director_office', '9999-12-31'], true, true)
    .reverse()
    .limit(limit)
    .toArray();
  return liveOnly(list).sort(newestFirst);
}

// ---- meetings ----

export function getMeeting(id: string): Promise<Meeting | undefined> {
  return getLive(db.meetings, id);
}

// The meetings of a kind in a year, newest first.
export async function meetingsOfYear(kind: MeetingKind, year: number): Promise<Meeting[]> {
  const ms = await live(db.meetings.where('[kind+year]').equals([kind, year])).toArray();
  return ms.sort((a, b) => b.date.localeCompare(a.date));
}

export async function nextMeetingSeq(kind: MeetingKind, year: number): Promise<number> {
  return (await topByKindYear(db.meetings, kind, year)) + 1;
}

// MTG-1: months of the year (through `throughMonth`) without a 局长办公会.
export async function monthsWithoutDirectorMeeting(year: number, throughMonth: number): Promise<number[]> {
  const ms = await meetingsOfYear('director_office', year);
  return monthsWithoutMeeting(
    ms.map((m) => m.date),
    year,
    throughMonth,
  );
}

// ---- decisions ----

// A meeting's decisions in number order (the revoked too when `withDeleted`: numbers never reused).
export async function decisionsOfMeeting(meetingId: string, withDeleted = false): Promise<MeetingDecision[]> {
  const ds = await db.meetingDecisions.where('meetingId').equals(meetingId).toArray();
  return (withDeleted ? ds : liveOnly(ds)).sort((a, b) => a.seq - b.seq);
}

export async function nextDecisionSeq(kind: MeetingKind, year: number): Promise<number> {
  const same = await db.meetingDecisions.where('[meetingKind+year]').equals([kind, year]).toArray();
  return same.reduce((max, d) => Math.max(max, d.seq), 0) + 1;
}

// How many decisions each meeting of a kind and year has.
export async function decisionCounts(kind: MeetingKind, year: number): Promise<Map<string, number>> {
  const ds = await live(db.meetingDecisions.where('[meetingKind+year]').equals([kind, year])).toArray();
  const out = new Map<string, number>();
  for (const d of ds) out.set(d.meetingId, (out.get(d.meetingId) ?? 0) + 1);
  return out;
}

// The decisions of meetings held in a year (both kinds), in meeting date order.
export async function decisionsOfYear(year: number): Promise<MeetingDecision[]> {
  return live(
    db.meetingDecisions.where('meetingDate').between(`${year}-01-01`, `${year}-12-31`, true, true),
  ).toArray();
}

// The register of a year, newest first, of one follow-up state ('' = all).
export async function decisionRegister(year: number, state: string): Promise<MeetingDecision[]> {
  return (await decisionsOfYear(year)).filter((d) => !state || d.followUp === state).sort(newestFirst);
}

// The live decisions a person carries out.
export function decisionsOwnedBy(staffId: string): Promise<MeetingDecision[]> {
  return live(db.meetingDecisions.where('ownerId').equals(staffId)).toArray();
}

// ---- MTG-3: sections' monthly reports ----

export async function liveSectionReport(
  sectionId: string,
  year: number,
  month: number,
): Promise<SectionReport | undefined> {
  return live(db.sectionReports.where('[sectionId+year+month]').equals([sectionId, year, month])).first();
}

export function liveSections(): Promise<Section[]> {
  return live(db.sections.orderBy('order')).toArray();
}

export function sectionReportsOf(year: number, month: number): Promise<SectionReport[]> {
  return live(db.sectionReports.where('[year+month]').equals([year, month])).toArray();
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
  const sections = await liveSections();
  const bySection = new Map((await sectionReportsOf(year, month)).map((r) => [r.sectionId, r]));
  return sections.map((section) => {
    const report = bySection.get(section.id) ?? null;
    const state = !report ? 'missing' : compareDates(report.submittedOn, due) > 0 ? 'late' : 'on_time';
    return { section, report, due, state };
  });
}

export async function sectionsMissingReport(year: number, month: number): Promise<Section[]> {
  return (await sectionReportTable(year, month)).filter((r) => r.state === 'missing').map((r) => r.section);
}
