// The month's tally per person from sign-ins, leave and trips, entirely by shared/rules:
// resolveSession decides each session (trip > approved leave > sign-in > leave awaiting approval),
// monthTallier (tallyMonthScheduled — tallyMonth under the work schedule, up to today: codes and
// totals alike — with the month worked out once for everyone) the marks and score.
import type { MonthMarkRow, YearPersonRow } from '../../../../../shared/ledgers/attendance';
import { monthMarkRow } from '../../../../../shared/ledgers/attendance';
import type {
  CalendarData,
  DayRecord,
  Half,
  ISODate,
  MonthSheet,
  SessionRecord,
  SessionTimes,
  WorkSchedule,
} from '../../../../../shared/rules';
import {
  addCalendarDays,
  attendanceMonthEnded,
  attendanceMonthLocked,
  awardEligibility,
  formatISODate,
  HALVES,
  isLate,
  leaveSessions,
  monthDays,
  RANKS,
  resolveSession,
  sessionTimesOn,
  monthTallier,
  yearTally,
} from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { localHHmm, now as nowDate, today, toLocalISODate } from '../../../db/clock';
import { db } from '../../../db/db';
import { isDeleted, isLive } from '../../../db/live';
import type { Leave, SignIn, Trip } from '../../../db/schema/attendance';
import type { Section, Staff } from '../../../db/schema/core';
import { getSettings } from '../../../db/settings';
import { readTx } from '../../../db/tx';
import { UNIT_NAME_FALLBACK, UNIT_NAME_KEY } from '../../../org/org';

import { ATTENDANCE_SETTINGS, BASE_SCORE_KEY, SCHEDULE_KEY } from './settings';

export type Person = {
  staffId: string;
  name: string;
  section: string;
  sectionOrder: number;
  rank: Staff['rank'];
};

export const LEADERS_SECTION = '局领导';
export const UNPLACED = '未分股室';

// A system account (the administrator made at first run: no section, no role but admin) keeps no
// attendance; a real person who administers the system has a section or another role too.
export function keepsAttendance(s: Staff): boolean {
  return s.active && isLive(s) && (!!s.sectionId || s.rank !== 'staff' || s.roles.some((r) => r !== 'admin'));
}

// Everyone on the sheet: active staff, leaders first, then by section and rank.
export async function sheetPeople(): Promise<Person[]> {
  const [staff, sections] = await Promise.all([db.staff.toArray(), db.sections.toArray()]);
  const secs = new Map<string, Section>(sections.filter(isLive).map((s) => [s.id, s]));
  return staff
    .filter(keepsAttendance)
    .map((s) => {
      const sec = s.sectionId ? secs.get(s.sectionId) : undefined;
      const leader = s.rank === 'director' || s.rank === 'deputy';
      // Leaders without a section first, staff not yet placed in a section last.
      const section = sec?.name ?? (leader ? LEADERS_SECTION : UNPLACED);
      return {
        staffId: s.id,
        name: s.name,
        section,
        sectionOrder: sec ? sec.order : leader ? -1 : Number.MAX_SAFE_INTEGER,
        rank: s.rank,
      };
    })
    .sort(
      (a, b) =>
        a.sectionOrder - b.sectionOrder ||
        RANKS.indexOf(b.rank) - RANKS.indexOf(a.rank) ||
        a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
}

export function monthBounds(
  year: number,
  month: number,
): { first: ISODate; last: ISODate; dates: ISODate[] } {
  const dates = monthDays(year, month);
  return { first: dates[0], last: dates[dates.length - 1], dates };
}

const LEAVE_COUNTED = new Set(['pending', 'approved', 'closed']);
const TRIP_COUNTED = new Set(['approved', 'reported']);

export async function leavesOverlapping(first: ISODate, last: ISODate): Promise<Leave[]> {
  const ls = await db.leaves.where('endDate').aboveOrEqual(first).toArray();
  return ls.filter((l) => isLive(l) && l.startDate <= last);
}

export async function tripsOverlapping(first: ISODate, last: ISODate): Promise<Trip[]> {
  const ts = await db.trips.where('endDate').aboveOrEqual(first).toArray();
  return ts.filter((t) => isLive(t) && t.startDate <= last);
}

type Known = {
  signedAt?: string;
  leftAt?: string;
  leave?: { leaveType: Leave['leaveType']; approved: boolean };
  trip?: boolean;
};

// What is known about each session of each person in the range (for resolveSession).
export function knownSessions(
  signIns: SignIn[],
  leaves: Leave[],
  trips: Trip[],
  cal: CalendarData,
  first: ISODate,
  last: ISODate,
): Map<string, Map<ISODate, Record<Half, Known>>> {
  const out = new Map<string, Map<ISODate, Record<Half, Known>>>();
  const slot = (staffId: string, date: ISODate, half: Half): Known => {
    let byDate = out.get(staffId);
    if (!byDate) out.set(staffId, (byDate = new Map()));
    let day = byDate.get(date);
    if (!day) byDate.set(date, (day = { am: {}, pm: {} }));
    return day[half];
  };
  for (const s of signIns) {
    if (isDeleted(s)) continue;
    for (const h of HALVES) {
      const e = s[h];
      if (e?.at && !e.absent) {
        const k = slot(s.staffId, s.date, h);
        k.signedAt = e.at;
        if (e.leftAt) k.leftAt = e.leftAt;
      }
    }
  }
  for (const l of leaves) {
    if (!LEAVE_COUNTED.has(l.status)) continue;
    const approved = l.status !== 'pending';
    for (const s of leaveSessions(
      { date: l.startDate, half: l.startHalf },
      { date: l.endDate, half: l.endHalf },
      cal,
    )) {
      if (s.date < first || s.date > last) continue;
      const k = slot(l.staffId, s.date, s.half);
      // An approved leave wins over one still waiting.
      if (!k.leave || (approved && !k.leave.approved)) k.leave = { leaveType: l.leaveType, approved };
    }
  }
  for (const t of trips) {
    if (!TRIP_COUNTED.has(t.status)) continue;
    for (
      let d = t.startDate < first ? first : t.startDate;
      d <= t.endDate && d <= last;
      d = addCalendarDays(d, 1)
    ) {
      for (const h of HALVES) {
        if (d === t.startDate && t.startHalf === 'pm' && h === 'am') continue;
        if (d === t.endDate && t.endHalf === 'am' && h === 'pm') continue;
        slot(t.staffId, d, h).trip = true;
      }
    }
  }
  return out;
}

// The last session that has come: its on-time window (ATT-2) is over. Before that a session
// without a sign-in is not yet absent.
export function sessionsCome(
  times: SessionTimes,
  now: Date = nowDate(),
): { until: ISODate; untilHalf: Half } {
  const t = toLocalISODate(now);
  const hm = localHHmm(now);
  if (isLate(times.pmStart, hm)) return { until: t, untilHalf: 'pm' };
  if (isLate(times.amStart, hm)) return { until: t, untilHalf: 'am' };
  return { until: addCalendarDays(t, -1), untilHalf: 'pm' };
}

export type MonthData = {
  year: number;
  month: number;
  people: Person[];
  sheets: Map<string, MonthSheet>;
  rows: MonthMarkRow[];
};

type MonthInputs = {
  people: Person[];
  cal: CalendarData;
  schedule: WorkSchedule;
  base: number;
  unit: string; // the unit's name, for the sheet's title
  signIns: SignIn[];
  leaves: Leave[];
  trips: Trip[];
};

// Every table the month's tally reads, read in one transaction: one round trip to IndexedDB, not one
// per table (the 考勤表 export waited on those round trips more than it computed); its answer is
// taken as soon as the reads are back (readTx).
const MONTH_TABLES = () => [
  db.staff,
  db.sections,
  db.calendars,
  db.settings,
  db.signIns,
  db.leaves,
  db.trips,
  db.attendanceMonths,
];

// The settings the month needs, in one read.
const MONTH_SETTINGS = {
  ...ATTENDANCE_SETTINGS,
  [UNIT_NAME_KEY]: UNIT_NAME_FALLBACK,
};

function readMonthInputs(first: ISODate, last: ISODate): Promise<MonthInputs> {
  return Promise.all([
    sheetPeople(),
    loadCalendar(),
    getSettings(MONTH_SETTINGS),
    db.signIns.where('date').between(first, last, true, true).toArray(),
    leavesOverlapping(first, last),
    tripsOverlapping(first, last),
  ]).then(([people, cal, settings, signIns, leaves, trips]) => ({
    people,
    cal,
    schedule: settings[SCHEDULE_KEY],
    base: settings[BASE_SCORE_KEY],
    unit: settings[UNIT_NAME_KEY],
    signIns,
    leaves,
    trips,
  }));
}

function tallyFrom(year: number, month: number, inputs: MonthInputs, only?: string[]): MonthData {
  const { first, last } = monthBounds(year, month);
  const { cal, schedule, base } = inputs;
  const people = only ? inputs.people.filter((p) => only.includes(p.staffId)) : inputs.people;
  const known = knownSessions(inputs.signIns, inputs.leaves, inputs.trips, cal, first, last);
  const { until, untilHalf } = sessionsCome(sessionTimesOn(today(), schedule));
  const tally = monthTallier({ year, month, cal, base }, { schedule, until, untilHalf });
  const sheets = new Map<string, MonthSheet>();
  const rows: MonthMarkRow[] = [];
  for (const p of people) {
    const sessions: Record<ISODate, DayRecord> = {};
    for (const [date, day] of known.get(p.staffId) ?? []) {
      const rec: DayRecord = {};
      for (const h of HALVES) {
        const k = day[h];
        if (k.signedAt || k.leave || k.trip) rec[h] = resolveSession(k) as SessionRecord;
      }
      sessions[date] = rec;
    }
    const sheet = tally(sessions);
    sheets.set(p.staffId, sheet);
    rows.push(monthMarkRow({ staffId: p.staffId, name: p.name, section: p.section }, sheet));
  }
  return { year, month, people, sheets, rows };
}

// The live tally of a month for everyone (or the given people), counted up to today.
export async function liveMonth(year: number, month: number, only?: string[]): Promise<MonthData> {
  const { first, last } = monthBounds(year, month);
  const inputs = await readTx(MONTH_TABLES(), () => readMonthInputs(first, last));
  return tallyFrom(year, month, inputs, only);
}

export function monthKey(year: number, month: number): string {
  return formatISODate(year, month, 1).slice(0, 7);
}

// The official rows of a month: the announced snapshot once locked (ATT-7), else the live tally;
// with the unit's name for the sheet's title. The month's record and the tally's inputs are read
// together, in one transaction.
export async function officialMonthRows(
  year: number,
  month: number,
): Promise<{ rows: MonthMarkRow[]; locked: boolean; version: number; unit: string }> {
  const { first, last } = monthBounds(year, month);
  const [rec, inputs] = await readTx(MONTH_TABLES(), () =>
    Promise.all([
      db.attendanceMonths.where('key').equals(monthKey(year, month)).first(),
      readMonthInputs(first, last),
    ]),
  );
  const { unit } = inputs;
  if (rec && attendanceMonthLocked(rec.state) && rec.snapshot)
    return { rows: rec.snapshot, locked: true, version: rec.version, unit };
  return { rows: tallyFrom(year, month, inputs).rows, locked: false, version: 0, unit };
}

// ATT-8: the months of the year that count: those that have ended. The month in progress is left
// out (its figures are not complete yet), and so are the months after it.
export function countedMonths(year: number, on: ISODate = today()): number[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => attendanceMonthEnded(year, m, on));
}

// ATT-8: each person's year from the official rows of its complete months, with every reason they
// are barred.
export async function yearRows(year: number): Promise<YearPersonRow[]> {
  const people = await sheetPeople();
  const byPerson = new Map<string, MonthMarkRow[]>();
  const scores = new Map<string, (number | null)[]>();
  for (const p of people) {
    byPerson.set(p.staffId, []);
    scores.set(p.staffId, Array(12).fill(null));
  }
  const months = countedMonths(year);
  const official = await Promise.all(months.map((m) => officialMonthRows(year, m)));
  for (const [i, { rows }] of official.entries()) {
    const m = months[i];
    for (const r of rows) {
      byPerson.get(r.staffId)?.push(r);
      const s = scores.get(r.staffId);
      if (s) s[m - 1] = r.score;
    }
  }
  return people.map((p) => {
    const tally = yearTally(byPerson.get(p.staffId)!);
    const e = awardEligibility(tally);
    return {
      staffId: p.staffId,
      name: p.name,
      section: p.section,
      monthScores: scores.get(p.staffId)!,
      tally,
      ...e,
    };
  });
}
