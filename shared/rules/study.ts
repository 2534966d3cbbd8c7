// §7 Study (学习制度): Friday study, quarterly notes checks, yearly papers. Tuition (STU-5) is in
// finance.ts with the other money rules.

import type { CalendarData } from './calendar';
import { compileCalendar, workdayIn } from './calendar';
import type { ISODate } from './dates';
import { monthDays, parseISODate, toDayNumber, weekdayOf } from './dates';
import { checkArray, checkInteger, checkObject, checkString } from './validate';

// STU-1: the Fridays of a month that are working days (a Friday off for a holiday has no study)
export function fridayStudyDates(year: number, month: number, cal: CalendarData): ISODate[] {
  const cc = compileCalendar(cal);
  return monthDays(year, month).filter((date) => {
    const n = toDayNumber(date);
    return weekdayOf(n) === 5 && workdayIn(cc, n);
  });
}

// STU-3: the quarter (1–4) a date falls in, for the office's notes check
export function studyQuarter(date: ISODate): 1 | 2 | 3 | 4 {
  return Math.ceil(parseISODate(date, 'date').month / 3) as 1 | 2 | 3 | 4;
}

export const PAPERS_PER_YEAR = 1; // STU-4: at least one reflection or paper

// STU-4: at year end, everyone without a paper, in the order of staffIds
export function yearEndPapersMissing(
  staffIds: readonly string[],
  papersByStaff: Readonly<Record<string, number>>,
): string[] {
  const ids = checkArray(staffIds, 'staffIds').map((id, i) => checkString(id, `staffIds[${i}]`));
  const papers = checkObject(papersByStaff, 'papersByStaff');
  const count = (id: string) =>
    papers[id] === undefined
      ? 0
      : checkInteger(papers[id], `papersByStaff.${id}`, 0, Number.MAX_SAFE_INTEGER);
  return ids.filter((id) => count(id) < PAPERS_PER_YEAR);
}
