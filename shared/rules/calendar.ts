// §0 of the rule book: the work calendar and periods (《民法典》第200–204条).
// A period in days starts the day after the start date; a period in months ends on the same
// day-number (or the month's last day); a last day that is not a working day moves to the next
// working day. Make-up working days (调休上班日) are working days.

import type { ISODate } from './dates';
import {
  checkDate,
  daysInMonth,
  formatISODate,
  fromDayNumber,
  parseISODate,
  toDayNumber,
  weekdayOf,
} from './dates';
import { checkArray, checkInteger, checkObject, fail } from './validate';

/** Whether a deadline is provisional (暂定) and the years whose holidays it was counted without. */
export type Provisional = { provisional: boolean; years: number[] };

export type CalendarData = {
  holidays: ISODate[]; // statutory days off that fall on weekdays or weekends
  workdays: ISODate[]; // make-up working days (调休上班), usually weekends
  // The years whose arrangement is loaded (deadlineProvisional). Absent: the calendar makes no
  // claim about which years it covers, and no deadline counted with it is provisional.
  years?: number[];
};

/** A validated calendar with set lookups; rule functions compile once per call. */
export type CompiledCalendar = { holidays: ReadonlySet<ISODate>; workdays: ReadonlySet<ISODate> };

/** Checks every entry; a date listed both as holiday and as make-up workday is a data error. */
export function compileCalendar(cal: unknown, field = 'cal'): CompiledCalendar {
  // A calendar is a value: a ledger of 10,000 rows asks about the same one tens of thousands of
  // times, so each calendar object is checked and compiled once. Replacing or resizing its lists
  // compiles it anew.
  const cached = typeof cal === 'object' && cal !== null ? compiled.get(cal) : undefined;
  const c0 = cal as Partial<CalendarData>;
  if (cached && cached.holidaysRef === c0.holidays && cached.workdaysRef === c0.workdays &&
    cached.holidaysLen === c0.holidays?.length && cached.workdaysLen === c0.workdays?.length) {
    return cached.cc;
  }
  const c = checkObject(cal, field);
  const holidays = new Set(checkDates(c.holidays, `${field}.holidays`));
  const workdays = new Set(checkDates(c.workdays, `${field}.workdays`));
  for (const date of workdays) {
    if (holidays.has(date)) fail(field, 'lists a date both as holiday and as make-up workday', date);
  }
  const cc = { holidays, workdays };
  compiled.set(c, {
    cc,
    holidaysRef: c.holidays,
    workdaysRef: c.workdays,
    holidaysLen: (c.holidays as unknown[]).length,
    workdaysLen: (c.workdays as unknown[]).length,
  });
  return cc;
}

type CacheEntry = { cc: CompiledCalendar; holidaysRef: unknown; workdaysRef: unknown; holidaysLen: number; workdaysLen: number };
const compiled = new WeakMap<object, CacheEntry>();

function checkDates(value: unknown, field: string): ISODate[] {
  return checkArray(value, field).map((d, i) => checkDate(d, `${field}[${i}]`));
}

// §0: throws a RangeError naming the bad entry; returns nothing when the calendar is sound
export function validateCalendar(cal: CalendarData): void {
  compileCalendar(cal);
}

// §0
export function isWorkday(date: ISODate, cal: CalendarData): boolean {
  return workdayIn(compileCalendar(cal), toDayNumber(date, 'date'));
}

/** Working-day test on a day number with a compiled calendar (internal building block). */
export function workdayIn(cc: CompiledCalendar, n: number): boolean {
  return workdayAt(cc, fromDayNumber(n), n);
}

/** workdayIn for a day whose date is at hand already (`date` is day number `n`). */
export function workdayAt(cc: CompiledCalendar, date: ISODate, n: number): boolean {
  if (cc.workdays.has(date)) return true;
  if (cc.holidays.has(date)) return false;
  const w = weekdayOf(n);
  return w !== 0 && w !== 6;
}

/** The day itself when it is a working day, else the next working day (day number). */
export function rollForward(cc: CompiledCalendar, n: number): number {
  let d = n;
  while (!workdayIn(cc, d)) d++;
  return d;
}

// §0: the date itself when a working day, else the next working day
export function workdayOnOrAfter(date: ISODate, cal: CalendarData): ISODate {
  return fromDayNumber(rollForward(compileCalendar(cal), toDayNumber(date, 'date')));
}

// §0: the first working day strictly after the date
export function nextWorkday(date: ISODate, cal: CalendarData): ISODate {
  return addWorkdays(date, 1, cal);
}

// §0: a period of `days` days, counted from the day after start, ending on a working day
export function addDaysPeriod(start: ISODate, days: number, cal: CalendarData): ISODate {
  const cc = compileCalendar(cal);
  const s = toDayNumber(start, 'start');
  return fromDayNumber(rollForward(cc, s + checkInteger(days, 'days', 0, 3_000_000)));
}

// §0: same day-number `months` later (the month's last day where there is none), ending on a working day
export function addMonthsPeriod(start: ISODate, months: number, cal: CalendarData): ISODate {
  const cc = compileCalendar(cal);
  const { year, month, day } = parseISODate(start, 'start');
  const index = month - 1 + checkInteger(months, 'months', 0, 120_000);
  const targetYear = year + Math.floor(index / 12);
  if (targetYear > 9999) fail('months', 'leads past the year 9999', months);
  const targetMonth = (index % 12) + 1;
  const target = formatISODate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
  return fromDayNumber(rollForward(cc, toDayNumber(target)));
}

// §0: working days from first to last, both included
export function workdaysBetween(first: ISODate, last: ISODate, cal: CalendarData): number {
  const cc = compileCalendar(cal);
  const a = toDayNumber(first, 'first');
  const b = toDayNumber(last, 'last');
  if (b < a) fail('last', `must not be before first (${first})`, last);
  let count = 0;
  for (let d = a; d <= b; d++) if (workdayIn(cc, d)) count++;
  return count;
}

// §0 / PET-3: the nth working day after start (start itself not counted); n = 0 gives start
export function addWorkdays(start: ISODate, n: number, cal: CalendarData): ISODate {
  const cc = compileCalendar(cal);
  let d = toDayNumber(start, 'start');
  let left = checkInteger(n, 'n', 0, 2_000_000);
  while (left > 0) {
    d++;
    if (workdayIn(cc, d)) left--;
  }
  return fromDayNumber(d);
}

// §0: the office edits and imports later years
/**
 * Combines calendars (e.g. the bundled years and the office's edits). A later calendar overrides
 * an earlier one for the same date: a day it lists as a make-up workday is no longer a holiday,
 * and the reverse. Result lists are sorted and without duplicates.
 */
export function mergeCalendars(...cals: CalendarData[]): CalendarData {
  const status = new Map<ISODate, 'holiday' | 'workday'>();
  cals.forEach((cal, i) => {
    const cc = compileCalendar(cal, `cals[${i}]`);
    for (const d of cc.holidays) status.set(d, 'holiday');
    for (const d of cc.workdays) status.set(d, 'workday');
  });
  const holidays: ISODate[] = [];
  const workdays: ISODate[] = [];
  for (const [date, kind] of status) (kind === 'holiday' ? holidays : workdays).push(date);
  return { holidays: holidays.sort(), workdays: workdays.sort() };
}

// §0: a deadline counted over a year whose holidays and make-up workdays are not loaded is
// provisional: that year's days were taken as plain weekdays and weekends, so it may move when the
// year's arrangement is imported. `from` is the first day the count consulted (the day after the
// start for a period in working days); without it only the due date's year counts (a period in
// days or months looks at the calendar only where it ends).
export function deadlineProvisional(due: ISODate, cal: CalendarData, from?: ISODate): Provisional {
  const o = checkObject(cal, 'cal');
  const last = parseISODate(due, 'due').year;
  const first = from === undefined ? last : parseISODate(from, 'from').year;
  if (first > last) fail('from', `must not be after due (${due})`, from);
  if (o.years === undefined) return { provisional: false, years: [] };
  const loaded = new Set(checkArray(o.years, 'cal.years').map((y, i) => checkInteger(y, `cal.years[${i}]`, 1, 9999)));
  const years: number[] = [];
  for (let y = first; y <= last; y++) if (!loaded.has(y)) years.push(y);
  return { provisional: years.length > 0, years };
}

// How a provisional deadline is written, on screen (the badge and its explanation), in prints and
// in ledgers alike.
export const PROVISIONAL_LABEL = '暂定';

/** “2027年节假日安排尚未导入，期限按无节假日计算，导入后自动重算” */
export function provisionalReason(years: readonly number[]): string {
  return `${years.join('、')}年节假日安排尚未导入，期限按无节假日计算，导入后自动重算`;
}

/** “2027-01-12（暂定）” when counted without some year's holidays, else the date alone. */
export function provisionalDate(due: ISODate, years: readonly number[]): string {
  return years.length ? `${due}（${PROVISIONAL_LABEL}）` : due;
}
