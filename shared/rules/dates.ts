// Calendar dates as 'YYYY-MM-DD' strings and clock times as 'HH:mm' strings.
// Arithmetic runs on day numbers (days since 1970-01-01, proleptic Gregorian), never on Date,
// so nothing depends on the machine's time zone or clock. These helpers serve §0 and every rule
// with a date or a time in it.

import { checkInteger, fail } from './validate';

export type ISODate = string; // 'YYYY-MM-DD'
export type HHmm = string; // 'HH:mm', 24-hour
export type DateParts = { year: number; month: number; day: number };
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

export function isLeapYear(year: number): boolean {
  checkInteger(year, 'year', 1, 9999);
  return leap(year);
}

export function daysInMonth(year: number, month: number): number {
  checkInteger(year, 'year', 1, 9999);
  checkInteger(month, 'month', 1, 12);
  return monthLength(year, month);
}

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength(year: number, month: number): number {
  if (month === 2) return leap(year) ? 29 : 28;
  // 31 for Jan, Mar, May, Jul, Aug, Oct, Dec; 30 for the others
  return 30 + ((month + Math.floor(month / 8)) % 2);
}

/** Parses a strict 'YYYY-MM-DD' (zero-padded, a real calendar day, years 0001–9999). */
export function parseISODate(value: unknown, field = 'date'): DateParts {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) fail(field, 'must be a date YYYY-MM-DD', value);
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
    fail(field, 'is not a day of the calendar', value);
  }
  return { year, month, day };
}

export function isISODate(value: unknown): value is ISODate {
  try {
    parseISODate(value);
    return true;
  } catch {
    return false;
  }
}

/** Validates and returns the date, for use as `const d = checkDate(x, 'receivedOn')`. */
export function checkDate(value: unknown, field: string): ISODate {
  parseISODate(value, field);
  return value as ISODate;
}

export function formatISODate(year: number, month: number, day: number): ISODate {
  checkInteger(year, 'year', 1, 9999);
  checkInteger(month, 'month', 1, 12);
  checkInteger(day, 'day', 1, monthLength(year, month));
  return format(year, month, day);
}

function format(year: number, month: number, day: number): ISODate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Howard Hinnant's days_from_civil / civil_from_days.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of a date (days since 1970-01-01). */
export function toDayNumber(date: ISODate, field = 'date'): number {
  const { year, month, day } = parseISODate(date, field);
  return daysFromCivil(year, month, day);
}

/** The date of a day number; RangeError outside 0001-01-01..9999-12-31. */
export function fromDayNumber(n: number): ISODate {
  if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY)
    fail('date', 'is outside 0001-01-01..9999-12-31', n);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, day);
}

/** -1, 0 or 1 as a is before, the same as, or after b. */
export function compareDates(a: ISODate, b: ISODate): -1 | 0 | 1 {
  const d = toDayNumber(a, 'a') - toDayNumber(b, 'b');
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/**
 * §0: the date of an act that has happened (a payment made, a gift received, a document signed for,
 * a seal used, a meeting held, a loan lent or returned) is never after today.
 */
export function actDateOk(date: ISODate, today: ISODate): boolean {
  return toDayNumber(date, 'date') <= toDayNumber(today, 'today');
}

/** The date `days` calendar days later (earlier when negative). */
export function addCalendarDays(date: ISODate, days: number): ISODate {
  const start = toDayNumber(date, 'date');
  return fromDayNumber(start + checkInteger(days, 'days', -MAX_DAY + MIN_DAY, MAX_DAY - MIN_DAY));
}

/** Calendar days from `from` to `to` (negative when to is earlier). */
export function daysBetween(from: ISODate, to: ISODate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

export function dayOfWeek(date: ISODate): Weekday {
  return weekdayOf(toDayNumber(date, 'date'));
}

/** Weekday of a day number; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(n: number): Weekday {
  return (((n % 7) + 11) % 7) as Weekday;
}

export function isWeekend(date: ISODate): boolean {
  const w = dayOfWeek(date);
  return w === 0 || w === 6;
}

/** Every date of a month, in order. */
export function monthDays(year: number, month: number): ISODate[] {
  const length = daysInMonth(year, month);
  const days: ISODate[] = [];
  for (let day = 1; day <= length; day++) days.push(format(year, month, day));
  return days;
}

/** Minutes since midnight of a strict 'HH:mm' (00:00–23:59). */
export function parseHHmm(value: unknown, field = 'time'): number {
  if (typeof value !== 'string' || !HH_MM.test(value))
    fail(field, 'must be a time HH:mm from 00:00 to 23:59', value);
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

/** Minutes from `from` to `to` on the same day (negative when to is earlier). */
export function minutesBetween(from: HHmm, to: HHmm): number {
  return parseHHmm(to, 'to') - parseHHmm(from, 'from');
}
