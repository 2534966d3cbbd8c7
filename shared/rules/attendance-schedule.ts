// §1 and §3 additions for the attendance and leave modules: the work schedule by season (ATT-1),
// the month's tally under that schedule and up to a given day, when a month may be compiled (ATT-7)
// and counts for the year (ATT-8), and a trip's length for its route.

import type { MonthFrame, MonthInput, MonthSheet, SessionOutcome, SessionTimes } from './attendance';
import {
  DEFAULT_SESSION_TIMES,
  blankSession,
  closeTotals,
  countSession,
  monthFrame,
  openTotals,
  tallyInFrame,
} from './attendance';
import type { CalendarData } from './calendar';
import { compileCalendar, workdayIn } from './calendar';
import type { ISODate } from './dates';
import {
  checkDate,
  daysInMonth,
  formatISODate,
  fromDayNumber,
  monthDays,
  parseHHmm,
  toDayNumber,
} from './dates';
import type { Half, HalfDay } from './leave';
import { HALVES } from './leave';
import { checkInteger, checkObject, checkOneOf, fail } from './validate';

/** ATT-1: a summer and a winter schedule; the summer one applies from summerStart to summerEnd ('MM-DD', inclusive). */
export type WorkSchedule = {
  summer: SessionTimes;
  winter: SessionTimes;
  summerStart: string; // 'MM-DD'
  summerEnd: string; // 'MM-DD'; before summerStart means the range wraps over the new year
};

// ATT-1: until the office sets a season, both schedules are the rule book's default times
export const DEFAULT_WORK_SCHEDULE: Readonly<WorkSchedule> = {
  summer: { ...DEFAULT_SESSION_TIMES },
  winter: { ...DEFAULT_SESSION_TIMES },
  summerStart: '05-01',
  summerEnd: '09-30',
};

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkMonthDay(value: unknown, field: string): string {
  if (typeof value !== 'string' || !MONTH_DAY.test(value))
    fail(field, 'must be a day of the year MM-DD', value);
  return value;
}

function checkSessionTimes(value: unknown, field: string): SessionTimes {
  const t = checkObject(value, field);
  for (const k of ['amStart', 'amEnd', 'pmStart', 'pmEnd']) parseHHmm(t[k], `${field}.${k}`);
  return t as SessionTimes;
}

function checkSchedule(value: unknown): WorkSchedule {
  const s = checkObject(value, 'schedule');
  return {
    summer: checkSessionTimes(s.summer, 'schedule.summer'),
    winter: checkSessionTimes(s.winter, 'schedule.winter'),
    summerStart: checkMonthDay(s.summerStart, 'schedule.summerStart'),
    summerEnd: checkMonthDay(s.summerEnd, 'schedule.summerEnd'),
  };
}

function timesOn(date: ISODate, s: WorkSchedule): SessionTimes {
  const md = date.slice(5);
  const summer =
    s.summerStart <= s.summerEnd
      ? md >= s.summerStart && md <= s.summerEnd
      : md >= s.summerStart || md <= s.summerEnd;
  return summer ? s.summer : s.winter;
}

// ATT-1: the session times that apply on a date
export function sessionTimesOn(date: ISODate, schedule: WorkSchedule): SessionTimes {
  return timesOn(checkDate(date, 'date'), checkSchedule(schedule));
}

/**
 * ATT-1..6, LV-5, TRIP-5: tallyMonth where the session times follow the work schedule day by day
 * (a season may change within a month), and where sessions after the last one that has come
 * (`until`, and on that day `untilHalf`, default 'pm') are neither shown nor counted, unless signed
 * in already: one cut-off for the codes and the totals, so that they always agree. Leave or a trip
 * approved for a later day is a plan, not yet attendance (it may still be cancelled or cut short):
 * its session stays blank, as a session without a sign-in stays blank rather than 旷, until it comes.
 */
export function tallyMonthScheduled(
  input: MonthInput,
  opts: { schedule?: WorkSchedule; until?: ISODate | null; untilHalf?: Half } = {},
): MonthSheet {
  const tally = monthTallier(input, opts);
  return tally(checkObject(input, 'input').sessions as MonthInput['sessions']);
}

/**
 * tallyMonthScheduled for everyone of a month: the month (its days, working days, session times by
 * the schedule, the cut-off) is checked and worked out once, and the function returned tallies one
 * person's sessions in it — a 考勤表 of forty people no longer works out the same month forty times.
 */
export function monthTallier(
  input: Omit<MonthInput, 'sessions'>,
  opts: { schedule?: WorkSchedule; until?: ISODate | null; untilHalf?: Half } = {},
): (sessions: MonthInput['sessions']) => MonthSheet {
  const o = checkObject(opts, 'opts');
  const schedule = o.schedule === undefined ? undefined : checkSchedule(o.schedule);
  const until = o.until === undefined || o.until === null ? null : toDayNumber(checkDate(o.until, 'until'));
  const untilHalf = o.untilHalf === undefined ? 'pm' : checkOneOf(o.untilHalf, 'untilHalf', HALVES);
  if (schedule === undefined && until === null) {
    const frame = monthFrame(input);
    return (sessions) => tallyInFrame(frame, sessions);
  }

  const i = checkObject(input, 'input');
  const year = checkInteger(i.year, 'year', 1, 9999);
  const month = checkInteger(i.month, 'month', 1, 12);
  const dates = monthDays(year, month);
  // One frame per distinct set of session times in the month (usually one), then each day from its
  // own. A season's times are one object of the schedule: each is written out once, not once a day.
  const keyOfTimes = new Map<SessionTimes, string>();
  const keys = dates.map((d) => {
    if (!schedule) return '';
    const t = timesOn(d, schedule);
    let k = keyOfTimes.get(t);
    if (k === undefined) keyOfTimes.set(t, (k = JSON.stringify(t)));
    return k;
  });
  const frames = new Map<string, MonthFrame>();
  dates.forEach((d, n) => {
    if (!frames.has(keys[n]))
      frames.set(keys[n], monthFrame((schedule ? { ...i, times: timesOn(d, schedule) } : i) as MonthInput));
  });
  const base = (frames.values().next().value as MonthFrame).base;
  // A session has come when its day is before `until`, or is `until` and the half is not after untilHalf.
  const come = (dayNumber: number, h: Half) =>
    until === null || dayNumber < until || (dayNumber === until && (h === 'am' || untilHalf === 'pm'));
  const firstDay = toDayNumber(dates[0]);

  return (sessions) => {
    const sheets = new Map<string, MonthSheet>();
    for (const [k, f] of frames) sheets.set(k, tallyInFrame(f, sessions));
    const totals = openTotals();
    const session = (s: SessionOutcome, dn: number, h: Half): SessionOutcome => {
      // A sign-in already made counts at once (only the missing ones wait for their session).
      if (come(dn, h) || s.present) {
        countSession(totals, s);
        return s;
      }
      return blankSession(h);
    };
    const days = dates.map((_, n) => {
      const day = sheets.get(keys[n])!.days[n];
      if (!day.workday) return day;
      totals.workdays += 1;
      const am = session(day.am, firstDay + n, 'am');
      const pm = session(day.pm, firstDay + n, 'pm');
      return am === day.am && pm === day.pm ? day : { ...day, am, pm };
    });
    const { deductions, score } = closeTotals(totals, base);
    return { year, month, days, totals, deductions, base, score };
  };
}

// ATT-7: the month's last working day (its last day if the calendar gives it no working day at all)
export function lastWorkdayOfMonth(year: number, month: number, cal: CalendarData): ISODate {
  const cc = compileCalendar(cal);
  const length = daysInMonth(year, month);
  const first = toDayNumber(formatISODate(year, month, 1));
  for (let n = first + length - 1; n >= first; n--) if (workdayIn(cc, n)) return fromDayNumber(n);
  return formatISODate(year, month, length);
}

export const MONTH_CLOSE_CLAUSE = '制度 二、(一)2';

export type MonthCompileCheck =
  { ok: true; lastWorkday: ISODate } | { ok: false; lastWorkday: ISODate; ruleId: 'ATT-7'; message: string };

/**
 * ATT-7 (制度 二、(一)2: 每月底将考勤情况交分管领导核实并报局长审阅): the clerk compiles a month — the
 * snapshot that is verified, reviewed, announced and locked — from its last working day on. Before
 * that the month's attendance is not complete; it can only be previewed (预览, not official).
 */
export function monthCompilable(
  year: number,
  month: number,
  on: ISODate,
  cal: CalendarData,
): MonthCompileCheck {
  const lastWorkday = lastWorkdayOfMonth(year, month, cal);
  const day = checkDate(on, 'on');
  if (day >= lastWorkday) return { ok: true, lastWorkday };
  const started = day >= formatISODate(year, month, 1);
  const due = `${Number(lastWorkday.slice(5, 7))}月${Number(lastWorkday.slice(8, 10))}日`;
  const message =
    `考勤每月底汇总（${MONTH_CLOSE_CLAUSE}）：${year}年${month}月` +
    (started ? '尚未结束' : '尚未开始') +
    `，最后一个工作日是${due}，此前不能汇总，只能查看预览（非正式）`;
  return { ok: false, lastWorkday, ruleId: 'ATT-7', message };
}

// ATT-8: a month counts for the year's figures once it has ended (the day is after its last day)
export function attendanceMonthEnded(year: number, month: number, on: ISODate): boolean {
  return checkDate(on, 'on') > formatISODate(year, month, daysInMonth(year, month));
}

function halfIndex(value: unknown, field: string): number {
  const s = checkObject(value, field);
  return (
    toDayNumber(s.date as ISODate, `${field}.date`) * 2 +
    (checkOneOf(s.half, `${field}.half`, HALVES) === 'pm' ? 1 : 0)
  );
}

// TRIP-1..3: a trip's length for its route, in calendar half-days (time away counts, weekend or not)
export function tripLengthDays(start: HalfDay, end: HalfDay): number {
  const a = halfIndex(start, 'start');
  const b = halfIndex(end, 'end');
  if (b < a) fail('end', 'must not be before start', `${end.date} ${end.half}`);
  return (b - a + 1) / 2;
}
