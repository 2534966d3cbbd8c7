// The read side of study: the screens' lists and the reminders. Every index string of the module
// is here.
import type { CalendarData, ISODate } from '../../../../../shared/rules';
import {
  compareDates,
  fridayStudyDates,
  monthsWithoutMeeting,
  yearEndPapersMissing,
} from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { live } from '../../../db/live';
import type { Staff } from '../../../db/schema/core';
import type {
  NotesCheck,
  StudyPaper,
  StudySession,
  StudySessionKind,
  TuitionClaim,
} from '../../../db/schema/meetings';

export function sessionsOn(kind: StudySessionKind, date: ISODate): Promise<StudySession[]> {
  return live(db.studySessions.where('[kind+date]').equals([kind, date])).toArray();
}

// The sessions of a year, newest first.
export async function sessionsOfYear(year: number): Promise<StudySession[]> {
  return live(
    db.studySessions.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).reverse(),
  ).toArray();
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
      await live(
        db.studySessions
          .where('[kind+date]')
          .between(['friday', fridays[0]], ['friday', fridays[fridays.length - 1]], true, true),
      ).toArray()
    ).map((s) => s.date),
  );
  return fridays.filter((d) => !held.has(d));
}

// STU-2: months 1..throughMonth without a study-group meeting.
export async function groupMonthsMissing(year: number, throughMonth: number): Promise<number[]> {
  const dates = (await live(db.studySessions.where('[kind+year]').equals(['group', year])).toArray()).map(
    (s) => s.date,
  );
  return monthsWithoutMeeting(dates, year, throughMonth);
}

// ---- STU-3 notes check ----

export async function liveNotesCheck(
  staffId: string,
  year: number,
  quarter: number,
): Promise<NotesCheck | undefined> {
  return live(db.notesChecks.where('[staffId+year]').equals([staffId, year]))
    .filter((n) => n.quarter === quarter)
    .first();
}

export type NotesCheckRow = { staff: Staff; check: NotesCheck | null };

export async function notesCheckTable(
  year: number,
  quarter: number,
  staff: Staff[],
): Promise<NotesCheckRow[]> {
  const checks = await live(db.notesChecks.where('[year+quarter]').equals([year, quarter])).toArray();
  const by = new Map(checks.map((c) => [c.staffId, c]));
  return staff.map((s) => ({ staff: s, check: by.get(s.id) ?? null }));
}

// ---- STU-4 papers ----

export function papersOfYear(year: number): Promise<StudyPaper[]> {
  return live(db.studyPapers.where('year').equals(year)).toArray();
}

// The papers of a year, newest first.
export async function paperList(year: number): Promise<StudyPaper[]> {
  return (await papersOfYear(year)).sort((a, b) => b.writtenOn.localeCompare(a.writtenOn));
}

export async function papersByStaff(year: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of await papersOfYear(year)) out[p.staffId] = (out[p.staffId] ?? 0) + 1;
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

// ---- STU-5 tuition ----

// The claims (everyone's, or one person's), newest first.
export async function tuitionClaims(staffId: string | null): Promise<TuitionClaim[]> {
  const all = await live(
    staffId ? db.tuitionClaims.where('staffId').equals(staffId) : db.tuitionClaims.toCollection(),
  ).toArray();
  return all.sort((a, b) => (b.submittedOn ?? '').localeCompare(a.submittedOn ?? ''));
}
