// §7 Meetings (会议制度) and the monthly rhythm: 局长办公会 monthly, 局务会 on the 28th, section
// reports before the 28th, the study group monthly, the half-year inspection.

import type { ISODate } from './dates';
import { formatISODate, parseISODate } from './dates';
import { checkArray, checkInteger } from './validate';

// MTG-3: the section's report is due before the 28th, i.e. on the 27th (a fixed day, not moved)
export function sectionReportDue(year: number, month: number): ISODate {
  return formatISODate(year, month, 27);
}

// MTG-2: the 局务会 is usually held on the 28th
export function staffMeetingDay(year: number, month: number): ISODate {
  return formatISODate(year, month, 28);
}

function checkedMonths(dates: readonly ISODate[], field: string): Set<string> {
  return new Set(
    checkArray(dates, field).map((d, i) => {
      const { year, month } = parseISODate(d, `${field}[${i}]`);
      return `${year}-${month}`;
    }),
  );
}

// MTG-1 (局长办公会) and STU-2 (学习中心组): was there at least one meeting in the month?
export function monthHasDirectorMeeting(
  meetingDates: readonly ISODate[],
  year: number,
  month: number,
): boolean {
  checkInteger(year, 'year', 1, 9999);
  checkInteger(month, 'month', 1, 12);
  return checkedMonths(meetingDates, 'meetingDates').has(`${year}-${month}`);
}

// MTG-1, STU-2: the months 1..throughMonth of a year without any meeting
export function monthsWithoutMeeting(
  meetingDates: readonly ISODate[],
  year: number,
  throughMonth: number,
): number[] {
  checkInteger(year, 'year', 1, 9999);
  const last = checkInteger(throughMonth, 'throughMonth', 1, 12);
  const held = checkedMonths(meetingDates, 'meetingDates');
  const missing: number[] = [];
  for (let m = 1; m <= last; m++) if (!held.has(`${year}-${m}`)) missing.push(m);
  return missing;
}

// SUP-1: the half year (1 or 2) a date falls in, for the office's half-year inspection
export function halfYearOf(date: ISODate): 1 | 2 {
  return parseISODate(date, 'date').month <= 6 ? 1 : 2;
}
