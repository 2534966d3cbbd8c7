// §1 Attendance (考勤制度): late and early leave, the month's tally and score, the year's
// eligibility for awards. Session times are input (ATT-1), never read from a clock.

import type { CalendarData } from './calendar';
import { compileCalendar, workdayAt } from './calendar';
import type { HHmm, ISODate } from './dates';
import { monthDays, parseHHmm, parseISODate, toDayNumber } from './dates';
import type { Half, LeaveCode, LeaveType } from './leave';
import { HALVES, LEAVE_TYPES, leaveTypeInfo } from './leave';
import type { RuleId } from './rule-texts';
import {
  checkArray,
  checkBoolean,
  checkHalfDays,
  checkInteger,
  checkNumber,
  checkObject,
  checkOneOf,
  fail,
} from './validate';

/** Start and end of the morning and afternoon sessions (ATT-1; a winter schedule may differ). */
export type SessionTimes = { amStart: HHmm; amEnd: HHmm; pmStart: HHmm; pmEnd: HHmm };

// ATT-1
export const DEFAULT_SESSION_TIMES: Readonly<SessionTimes> = {
  amStart: '08:00',
  amEnd: '12:00',
  pmStart: '14:30',
  pmEnd: '17:30',
};

export const LATE_GRACE_MINUTES = 15; // ATT-2: more than this is late
export const EARLY_LEAVE_MINUTES = 20; // ATT-4: this or more is early leave
export const LATE_DEDUCTION = 0.5; // ATT-3
export const EARLY_DEDUCTION = 0.5; // ATT-4
export const ABSENT_DAY_DEDUCTION = 15; // ATT-5, i.e. 7.5 a half day
export const DEFAULT_BASE_SCORE = 100; // ATT-6

// ATT-2: more than 15 minutes after the session start; exactly 15 is on time
export function isLate(sessionStart: HHmm, signedAt: HHmm): boolean {
  return parseHHmm(signedAt, 'signedAt') - parseHHmm(sessionStart, 'sessionStart') > LATE_GRACE_MINUTES;
}

// ATT-4: 20 minutes or more before the session end; 19 is not counted
export function isEarlyLeave(sessionEnd: HHmm, leftAt: HHmm): boolean {
  return parseHHmm(sessionEnd, 'sessionEnd') - parseHHmm(leftAt, 'leftAt') >= EARLY_LEAVE_MINUTES;
}

export type MonthTally = { late: number; early: number; absentDays: number }; // absentDays in 0.5 steps

function checkTally(t: MonthTally, field: string): MonthTally {
  const o = checkObject(t, field);
  return {
    late: checkInteger(o.late, 'late', 0, Number.MAX_SAFE_INTEGER),
    early: checkInteger(o.early, 'early', 0, Number.MAX_SAFE_INTEGER),
    absentDays: checkHalfDays(o.absentDays, 'absentDays', true),
  };
}

// ATT-3..6: base − 0.5·late − 0.5·early − 15·absentDays, not floored at 0
export function monthlyScore(t: MonthTally, base: number = DEFAULT_BASE_SCORE): number {
  const { late, early, absentDays } = checkTally(t, 't');
  const b = checkNumber(base, 'base', Number.NEGATIVE_INFINITY);
  return b - LATE_DEDUCTION * late - EARLY_DEDUCTION * early - ABSENT_DAY_DEDUCTION * absentDays;
}

export type YearTally = {
  late: number;
  early: number;
  absentDays: number;
  sickLeaveWorkdays: number;
  personalLeaveWorkdays: number;
};

export type AwardBar = 'late_early_12' | 'absent_3_days' | 'sick_over_2_months' | 'personal_over_1_month';

export const AWARD_BAR_LABELS: Readonly<Record<AwardBar, string>> = {
  late_early_12: '全年累计迟到、早退达12次以上',
  absent_3_days: '全年旷工3天以上',
  sick_over_2_months: '病假累计超过2个月(43.5个工作日)',
  personal_over_1_month: '事假累计超过1个月(21.75个工作日)',
};

export const WORKDAYS_PER_MONTH = 21.75; // ATT-8: national monthly average of working days

// ATT-8: bars in the order of the AwardBar type. Day counts are taken as any number ≥ 0 (not only
// half-day steps), so a figure carried over from another register, e.g. 21.75, is judged, not refused.
export function awardEligibility(y: YearTally): { eligible: boolean; bars: AwardBar[] } {
  const o = checkObject(y, 'y');
  const late = checkInteger(o.late, 'late', 0, Number.MAX_SAFE_INTEGER);
  const early = checkInteger(o.early, 'early', 0, Number.MAX_SAFE_INTEGER);
  const absentDays = checkNumber(o.absentDays, 'absentDays', 0);
  const sick = checkNumber(o.sickLeaveWorkdays, 'sickLeaveWorkdays', 0);
  const personal = checkNumber(o.personalLeaveWorkdays, 'personalLeaveWorkdays', 0);
  const bars: AwardBar[] = [];
  if (late + early >= 12) bars.push('late_early_12');
  if (absentDays >= 3) bars.push('absent_3_days');
  if (sick > 2 * WORKDAYS_PER_MONTH) bars.push('sick_over_2_months');
  if (personal > WORKDAYS_PER_MONTH) bars.push('personal_over_1_month');
  return { eligible: bars.length === 0, bars };
}

/**
 * What happened in one half-day session, as the attendance clerk and the leave/trip records know it.
 * The caller resolves one record per session (see resolveSession for the order of precedence).
 */
export type SessionRecord =
  | { kind: 'signed'; signedAt: HHmm; leftAt?: HHmm } // signed in; leftAt only when they left before the end
  | { kind: 'leave'; leaveType: LeaveType } // approved leave covers the session
  | { kind: 'pending_leave'; leaveType: LeaveType } // LV-5: after-the-fact leave not yet approved → 旷工
  | { kind: 'trip' } // approved official trip (TRIP-5)
  | { kind: 'absent' }; // nothing: the same as no record

export type DayRecord = { am?: SessionRecord; pm?: SessionRecord };

export type MonthInput = {
  year: number;
  month: number;
  cal: CalendarData;
  /** Keyed by date; only dates of this month. A missing day or session means nothing recorded. */
  sessions: Readonly<Record<ISODate, DayRecord>>;
  times?: SessionTimes; // default DEFAULT_SESSION_TIMES
  base?: number; // default 100
};

/** A mark of the 考勤表. */
export type SheetMark = '√' | '迟' | '早' | '旷' | LeaveCode | '公' | '休';

export const SHEET_LEGEND: readonly { mark: SheetMark; label: string }[] = [
  { mark: '√', label: '出勤' },
  { mark: '迟', label: '迟到' },
  { mark: '早', label: '早退' },
  { mark: '旷', label: '旷工' },
  ...LEAVE_TYPES.map((t) => ({ mark: t.code, label: t.label })),
  { mark: '公', label: '公出' },
  { mark: '休', label: '休息日' },
];

export type SessionOutcome = {
  half: Half;
  marks: SheetMark[]; // one mark; 迟 and 早 together when both
  code: string; // what the cell shows: the marks joined
  present: boolean; // signed in (late or early included)
  late: boolean;
  early: boolean;
  absent: boolean; // 旷工 for half a day
  pendingLeave: boolean; // absent because its after-the-fact leave is not approved yet (LV-5)
  leaveType: LeaveType | null; // approved leave
  trip: boolean;
  ruleIds: RuleId[]; // the rules that decided the mark
};

export type DayOutcome = { date: ISODate; workday: boolean; am: SessionOutcome; pm: SessionOutcome };

export type MonthTotals = MonthTally & {
  workdays: number; // working days in the month
  presentDays: number; // sessions signed in, in days
  tripDays: number; // 公出, in days
  leaveDays: Record<LeaveType, number>; // approved leave by type, in working days
  personalLeaveDays: number; // 事假
  sickLeaveDays: number; // 病假
};

export type MonthSheet = {
  year: number;
  month: number;
  days: DayOutcome[];
  totals: MonthTotals;
  deductions: { late: number; early: number; absent: number; total: number }; // points taken off
  base: number;
  score: number; // 月考核分
};

const KINDS = ['signed', 'leave', 'pending_leave', 'trip', 'absent'] as const;

// A month's totals before any session is counted.
export function openTotals(): MonthTotals {
  const leaveDays = {} as Record<LeaveType, number>;
  for (const t of LEAVE_TYPES) leaveDays[t.type] = 0;
  return {
    late: 0,
    early: 0,
    absentDays: 0,
    workdays: 0,
    presentDays: 0,
    tripDays: 0,
    leaveDays,
    personalLeaveDays: 0,
    sickLeaveDays: 0,
  };
}

// A session of a working day counted into the month's totals (each session is half a day).
export function countSession(totals: MonthTotals, s: SessionOutcome): void {
  totals.late += Number(s.late);
  totals.early += Number(s.early);
  totals.absentDays += s.absent ? 0.5 : 0;
  totals.tripDays += s.trip ? 0.5 : 0;
  totals.presentDays += s.present ? 0.5 : 0;
  if (s.leaveType !== null) totals.leaveDays[s.leaveType] += 0.5;
}

// The month's totals closed: 事假 and 病假 days, the deductions (ATT-3..5) and the score (ATT-2).
export function closeTotals(totals: MonthTotals, base: number): Pick<MonthSheet, 'deductions' | 'score'> {
  totals.personalLeaveDays = totals.leaveDays.personal;
  totals.sickLeaveDays = totals.leaveDays.sick;
  const deductions = {
    late: LATE_DEDUCTION * totals.late,
    early: EARLY_DEDUCTION * totals.early,
    absent: ABSENT_DAY_DEDUCTION * totals.absentDays,
    total: 0,
  };
  deductions.total = deductions.late + deductions.early + deductions.absent;
  return { deductions, score: monthlyScore(totals, base) };
}

// The outcomes that carry nothing of their own — a session with no mark yet, a day off, a session
// with nothing recorded — are the same every time: one frozen object per half each, not a new one
// per session (a 考勤表 of forty people asks for thousands of them, most of the month not yet come).
function perHalf(make: (half: Half) => SessionOutcome): Record<Half, SessionOutcome> {
  const frozen = (half: Half) => {
    const o = make(half);
    Object.freeze(o.marks);
    Object.freeze(o.ruleIds);
    return Object.freeze(o);
  };
  return { am: frozen('am'), pm: frozen('pm') };
}

// A session with no mark yet: nothing counted against anyone.
const BLANK = perHalf((half) => outcome(half, [], {}, []));
export function blankSession(half: Half): SessionOutcome {
  return BLANK[half];
}

function outcome(
  half: Half,
  marks: SheetMark[],
  extra: Partial<SessionOutcome>,
  ruleIds: RuleId[],
): SessionOutcome {
  return {
    half,
    marks,
    code: marks.join(''),
    present: false,
    late: false,
    early: false,
    absent: false,
    pendingLeave: false,
    leaveType: null,
    trip: false,
    ...extra,
    ruleIds,
  };
}

function checkTimes(value: unknown): { start: Record<Half, number>; end: Record<Half, number> } {
  const t = checkObject(value, 'times');
  const amStart = parseHHmm(t.amStart, 'times.amStart');
  const amEnd = parseHHmm(t.amEnd, 'times.amEnd');
  const pmStart = parseHHmm(t.pmStart, 'times.pmStart');
  const pmEnd = parseHHmm(t.pmEnd, 'times.pmEnd');
  if (amEnd <= amStart) fail('times.amEnd', 'must be after times.amStart', t.amEnd);
  if (pmStart < amEnd) fail('times.pmStart', 'must not be before times.amEnd', t.pmStart);
  if (pmEnd <= pmStart) fail('times.pmEnd', 'must be after times.pmStart', t.pmEnd);
  return { start: { am: amStart, pm: pmStart }, end: { am: amEnd, pm: pmEnd } };
}

const ABSENT = perHalf((half) => outcome(half, ['旷'], { absent: true }, ['ATT-5']));
const DAY_OFF = perHalf((half) => outcome(half, ['休'], {}, []));

function evaluate(value: unknown, half: Half, start: number, end: number, date: ISODate): SessionOutcome {
  if (value === undefined) return ABSENT[half];
  const field = `sessions.${date}.${half}`;
  const rec = checkObject(value, field);
  const kind = checkOneOf(rec.kind, `${field}.kind`, KINDS);
  if (kind === 'signed') {
    const signed = parseHHmm(rec.signedAt, `${field}.signedAt`);
    const left = rec.leftAt === undefined ? end : parseHHmm(rec.leftAt, `${field}.leftAt`);
    if (left < signed) fail(`${field}.leftAt`, 'must not be before signedAt', rec.leftAt);
    const late = signed - start > LATE_GRACE_MINUTES;
    const early = end - left >= EARLY_LEAVE_MINUTES;
    const marks: SheetMark[] = [];
    const ruleIds: RuleId[] = [];
    if (late) {
      marks.push('迟');
      ruleIds.push('ATT-2');
    }
    if (early) {
      marks.push('早');
      ruleIds.push('ATT-4');
    }
    return outcome(half, marks.length > 0 ? marks : ['√'], { present: true, late, early }, ruleIds);
  }
  if (kind === 'leave') {
    const info = leaveTypeInfo(rec.leaveType as LeaveType, `${field}.leaveType`);
    return outcome(half, [info.code], { leaveType: info.type }, ['LV-8']);
  }
  if (kind === 'pending_leave') {
    leaveTypeInfo(rec.leaveType as LeaveType, `${field}.leaveType`);
    return outcome(half, ['旷'], { absent: true, pendingLeave: true }, ['ATT-5', 'LV-5']);
  }
  if (kind === 'trip') return outcome(half, ['公'], { trip: true }, ['TRIP-5']);
  return ABSENT[half];
}

const NO_RECORD: Readonly<Record<string, unknown>> = Object.freeze({});

// What a month's 考勤表 is the same for everyone in: its days, which of them are working days, the
// session times and the base score — checked and worked out once, then used for every person.
export type MonthFrame = {
  readonly year: number;
  readonly month: number;
  readonly dates: readonly ISODate[];
  readonly workdays: readonly boolean[];
  readonly times: { start: Record<Half, number>; end: Record<Half, number> };
  readonly base: number;
};

export function monthFrame(input: Omit<MonthInput, 'sessions'>): MonthFrame {
  const o = checkObject(input, 'input');
  const year = checkInteger(o.year, 'year', 1, 9999);
  const month = checkInteger(o.month, 'month', 1, 12);
  const cc = compileCalendar(o.cal);
  const times = checkTimes(o.times === undefined ? DEFAULT_SESSION_TIMES : o.times);
  const base = checkNumber(
    o.base === undefined ? DEFAULT_BASE_SCORE : o.base,
    'base',
    Number.NEGATIVE_INFINITY,
  );
  const dates = monthDays(year, month);
  const firstDay = toDayNumber(dates[0]);
  const workdays = dates.map((date, n) => workdayAt(cc, date, firstDay + n));
  const frame: MonthFrame = Object.freeze({ year, month, dates, workdays, times, base });
  FRAMES.add(frame);
  return frame;
}

// The frames monthFrame made (checked): tallyInFrame takes no other.
const FRAMES = new WeakSet<MonthFrame>();

// ATT-1..6, LV-5, TRIP-5: one person's 考勤表 in a month's frame, its totals and 月考核分
export function tallyInFrame(frame: MonthFrame, sessionsValue: MonthInput['sessions']): MonthSheet {
  if (!FRAMES.has(frame)) fail('frame', 'must come from monthFrame', frame);
  const { year, month, dates, workdays, times, base } = frame;
  const sessions = checkObject(sessionsValue, 'sessions');
  for (const key of Object.keys(sessions)) {
    const d = parseISODate(key, `sessions.${key}`);
    if (d.year !== year || d.month !== month)
      fail(`sessions.${key}`, `is not a day of ${year}-${month}`, key);
  }

  const totals = openTotals();
  const days: DayOutcome[] = dates.map((date, n) => {
    const workday = workdays[n];
    const record = sessions[date] === undefined ? NO_RECORD : checkObject(sessions[date], `sessions.${date}`);
    const [am, pm] = HALVES.map((half) => {
      const result = evaluate(record[half], half, times.start[half], times.end[half], date);
      return workday ? result : DAY_OFF[half];
    });
    if (workday) {
      totals.workdays += 1;
      countSession(totals, am);
      countSession(totals, pm);
    }
    return { date, workday, am, pm };
  });
  const { deductions, score } = closeTotals(totals, base);
  return { year, month, days, totals, deductions, base, score };
}

// ATT-1..6, LV-5, TRIP-5: the month's 考勤表 for one person, its totals and 月考核分
export function tallyMonth(input: MonthInput): MonthSheet {
  return tallyInFrame(monthFrame(input), checkObject(input, 'input').sessions as MonthInput['sessions']);
}

/**
 * LV-5, TRIP-5: the one record of a session from everything known about it. Precedence: an approved
 * trip, then approved leave, then a sign-in, then leave still awaiting approval (旷工 until approved),
 * else nothing.
 */
export function resolveSession(known: {
  signedAt?: HHmm;
  leftAt?: HHmm;
  leave?: { leaveType: LeaveType; approved: boolean };
  trip?: boolean;
}): SessionRecord {
  const k = checkObject(known, 'known');
  const trip = k.trip === undefined ? false : checkBoolean(k.trip, 'trip');
  const leave = k.leave === undefined ? undefined : checkObject(k.leave, 'leave');
  const leaveType = leave === undefined ? undefined : leaveTypeInfo(leave.leaveType as LeaveType).type;
  const approved = leave === undefined ? false : checkBoolean(leave.approved, 'leave.approved');
  if (k.signedAt !== undefined) parseHHmm(k.signedAt, 'signedAt');
  if (k.leftAt !== undefined) parseHHmm(k.leftAt, 'leftAt');

  if (trip) return { kind: 'trip' };
  if (leaveType !== undefined && approved) return { kind: 'leave', leaveType };
  if (k.signedAt !== undefined) {
    return k.leftAt === undefined
      ? { kind: 'signed', signedAt: k.signedAt as HHmm }
      : { kind: 'signed', signedAt: k.signedAt as HHmm, leftAt: k.leftAt as HHmm };
  }
  if (leaveType !== undefined) return { kind: 'pending_leave', leaveType };
  return { kind: 'absent' };
}

// ATT-8: the year's figures from its months' totals
export function yearTally(
  months: readonly Pick<
    MonthTotals,
    'late' | 'early' | 'absentDays' | 'sickLeaveDays' | 'personalLeaveDays'
  >[],
): YearTally {
  const y: YearTally = { late: 0, early: 0, absentDays: 0, sickLeaveWorkdays: 0, personalLeaveWorkdays: 0 };
  checkArray(months, 'months').forEach((m, i) => {
    const o = checkObject(m, `months[${i}]`);
    const t = checkTally(m as MonthTally, `months[${i}]`);
    y.late += t.late;
    y.early += t.early;
    y.absentDays += t.absentDays;
    y.sickLeaveWorkdays += checkHalfDays(o.sickLeaveDays, `months[${i}].sickLeaveDays`, true);
    y.personalLeaveWorkdays += checkHalfDays(o.personalLeaveDays, `months[${i}].personalLeaveDays`, true);
  });
  return y;
}

export type AttendanceMonthState = 'compiling' | 'verified' | 'reviewed' | 'announced';

// ATT-7: the month's flow, in order; announced months are locked
export const ATTENDANCE_FLOW: readonly { state: AttendanceMonthState; label: string }[] = [
  { state: 'compiling', label: '考勤员汇总' },
  { state: 'verified', label: '分管领导核实' },
  { state: 'reviewed', label: '局长审阅' },
  { state: 'announced', label: '全局通报' },
];

const FLOW_STATES = ATTENDANCE_FLOW.map((s) => s.state);

// ATT-7: the state after this one, or null once announced
export function nextAttendanceState(state: AttendanceMonthState): AttendanceMonthState | null {
  const i = FLOW_STATES.indexOf(checkOneOf(state, 'state', FLOW_STATES));
  return i + 1 < FLOW_STATES.length ? FLOW_STATES[i + 1] : null;
}

// ATT-7: after announcement a month is changed only by an amendment with a reason
export function attendanceMonthLocked(state: AttendanceMonthState): boolean {
  return checkOneOf(state, 'state', FLOW_STATES) === 'announced';
}
