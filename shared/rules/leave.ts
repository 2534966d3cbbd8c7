// §2 Leave (请销假制度): leave types, length in working half-days, overlap, 销假.

import type { CalendarData } from './calendar';
import { addWorkdays, compileCalendar, workdayIn } from './calendar';
import type { ISODate } from './dates';
import { fromDayNumber, toDayNumber } from './dates';
import { checkObject, checkOneOf, fail } from './validate';

export type LeaveType =
  'personal' | 'sick' | 'annual' | 'marriage' | 'bereavement' | 'maternity' | 'family_visit' | 'other';

/** The 考勤表 code of a leave type. */
export type LeaveCode = '事' | '病' | '年' | '婚' | '丧' | '产' | '探' | '其';

export type LeaveTypeInfo = {
  type: LeaveType;
  label: string;
  code: LeaveCode;
  countsForAwards: boolean; // ATT-8 looks at 事假 and 病假 only
};

// LV-8
export const LEAVE_TYPES: readonly LeaveTypeInfo[] = [
  { type: 'personal', label: '事假', code: '事', countsForAwards: true },
  { type: 'sick', label: '病假', code: '病', countsForAwards: true },
  { type: 'annual', label: '年休假', code: '年', countsForAwards: false },
  { type: 'marriage', label: '婚假', code: '婚', countsForAwards: false },
  { type: 'bereavement', label: '丧假', code: '丧', countsForAwards: false },
  { type: 'maternity', label: '产假/陪产假', code: '产', countsForAwards: false },
  { type: 'family_visit', label: '探亲假', code: '探', countsForAwards: false },
  { type: 'other', label: '其他', code: '其', countsForAwards: false },
];

const LEAVE_TYPE_KEYS = LEAVE_TYPES.map((t) => t.type);

// LV-8
export function leaveTypeInfo(type: LeaveType, field = 'leaveType'): LeaveTypeInfo {
  const key = checkOneOf(type, field, LEAVE_TYPE_KEYS);
  return LEAVE_TYPES[LEAVE_TYPE_KEYS.indexOf(key)];
}

export type Half = 'am' | 'pm';
export const HALVES: readonly Half[] = ['am', 'pm'];

/** One half-day session: the morning or the afternoon of a date. */
export type HalfDay = { date: ISODate; half: Half };

/** Half-day index: two per day, so sessions compare and count as integers. */
function sessionIndex(value: unknown, field: string): number {
  const s = checkObject(value, field);
  const day = toDayNumber(s.date as ISODate, `${field}.date`);
  return day * 2 + (checkOneOf(s.half, `${field}.half`, HALVES) === 'pm' ? 1 : 0);
}

function checkedRange(start: HalfDay, end: HalfDay, prefix = ''): [number, number] {
  const a = sessionIndex(start, `${prefix}start`);
  const b = sessionIndex(end, `${prefix}end`);
  if (b < a) fail(`${prefix}end`, 'must not be before start', `${end.date} ${end.half}`);
  return [a, b];
}

// LV-1..3: the working half-day sessions from start to end, both included
export function leaveSessions(start: HalfDay, end: HalfDay, cal: CalendarData): HalfDay[] {
  const cc = compileCalendar(cal);
  const [a, b] = checkedRange(start, end);
  const sessions: HalfDay[] = [];
  for (let i = a; i <= b; i++) {
    const day = Math.floor(i / 2);
    if (workdayIn(cc, day)) sessions.push({ date: fromDayNumber(day), half: i % 2 === 0 ? 'am' : 'pm' });
  }
  return sessions;
}

// LV-1..3: length in days, 0.5 per working half-day (Friday PM to Monday AM is 1 day)
export function leaveLengthDays(start: HalfDay, end: HalfDay, cal: CalendarData): number {
  return leaveSessions(start, end, cal).length / 2;
}

// LV-1: false means 请假时段内没有工作日 (the span holds no working half-day)
export function leaveCoversWorkday(start: HalfDay, end: HalfDay, cal: CalendarData): boolean {
  return leaveSessions(start, end, cal).length > 0;
}

export type SessionSpan = { start: HalfDay; end: HalfDay };

// LV-3: two spans overlap when they share at least one half-day (working or not)
export function sessionsOverlap(a: SessionSpan, b: SessionSpan): boolean {
  checkObject(a, 'a');
  checkObject(b, 'b');
  const [a1, a2] = checkedRange(a.start, a.end, 'a.');
  const [b1, b2] = checkedRange(b.start, b.end, 'b.');
  return a1 <= b2 && b1 <= a2;
}

// LV-7: 销假 is due by the working day after the leave's last day
export function leaveCloseDue(endDate: ISODate, cal: CalendarData): ISODate {
  return addWorkdays(endDate, 1, cal);
}

// LV-7: an approved leave not closed by the working day after its end is overdue (待销假)
export function leaveCloseOverdue(endDate: ISODate, today: ISODate, cal: CalendarData): boolean {
  const due = leaveCloseDue(endDate, cal);
  return toDayNumber(today, 'today') > toDayNumber(due);
}

// LV-5: a request for a time that had already begun when it was made is 事后补办 (after the fact);
// it is approved like any other and, until approved, its sessions count as 旷工. The same holds for
// an official trip, which TRIP-1 wants approved before leaving.
export function afterTheFact(startDate: ISODate, submittedOn: ISODate): boolean {
  return toDayNumber(startDate, 'startDate') < toDayNumber(submittedOn, 'submittedOn');
}
