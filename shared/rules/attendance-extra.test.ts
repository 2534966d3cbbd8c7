import { describe, expect, it } from 'vitest';

import type { MonthInput, SessionTimes } from './attendance';
import { DEFAULT_SESSION_TIMES, tallyMonth } from './attendance';
import type { WorkSchedule } from './attendance-extra';
import { DEFAULT_WORK_SCHEDULE, sessionTimesOn, tallyMonthScheduled, tripLengthDays } from './attendance-extra';
import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2025], BUNDLED_CALENDAR[2026]);
const WINTER: SessionTimes = { amStart: '08:30', amEnd: '12:00', pmStart: '14:00', pmEnd: '17:00' };
const SCHEDULE: WorkSchedule = { summer: DEFAULT_SESSION_TIMES, winter: WINTER, summerStart: '05-01', summerEnd: '09-30' };

describe('sessionTimesOn', () => {
  it('uses the summer times inside the summer range, both ends included', () => {
    expect(sessionTimesOn('2026-05-01', SCHEDULE)).toEqual(DEFAULT_SESSION_TIMES);
    expect(sessionTimesOn('2026-09-30', SCHEDULE)).toEqual(DEFAULT_SESSION_TIMES);
  });
  it('uses the winter times outside it', () => {
    expect(sessionTimesOn('2026-04-30', SCHEDULE)).toEqual(WINTER);
    expect(sessionTimesOn('2026-10-01', SCHEDULE)).toEqual(WINTER);
  });
  it('handles a range that wraps over the new year', () => {
    const wrap = { ...SCHEDULE, summerStart: '11-01', summerEnd: '02-28' };
    expect(sessionTimesOn('2026-12-15', wrap)).toEqual(DEFAULT_SESSION_TIMES);
    expect(sessionTimesOn('2026-01-15', wrap)).toEqual(DEFAULT_SESSION_TIMES);
    expect(sessionTimesOn('2026-06-15', wrap)).toEqual(WINTER);
  });
  it('defaults to the rule book times in both seasons', () => {
    expect(sessionTimesOn('2026-01-05', DEFAULT_WORK_SCHEDULE)).toEqual(DEFAULT_SESSION_TIMES);
    expect(sessionTimesOn('2026-07-05', DEFAULT_WORK_SCHEDULE)).toEqual(DEFAULT_SESSION_TIMES);
  });
  it('refuses malformed input naming the field', () => {
    expect(() => sessionTimesOn('2026-13-01', SCHEDULE)).toThrow(/^date: /);
    expect(() => sessionTimesOn('2026-05-01', { ...SCHEDULE, summerStart: '5-1' })).toThrow(/^schedule.summerStart: /);
    expect(() => sessionTimesOn('2026-05-01', { ...SCHEDULE, summerEnd: 930 as unknown as string })).toThrow(
      /^schedule.summerEnd: /,
    );
    expect(() => sessionTimesOn('2026-05-01', { ...SCHEDULE, winter: { ...WINTER, pmEnd: '25:00' } })).toThrow(
      /^schedule.winter.pmEnd: /,
    );
    expect(() => sessionTimesOn('2026-05-01', null as unknown as WorkSchedule)).toThrow(/^schedule: /);
    expect(() => sessionTimesOn('2026-05-01', { ...SCHEDULE, summer: 'x' as unknown as SessionTimes })).toThrow(
      /^schedule.summer: /,
    );
  });
});

// October 2026: 1–7 national holiday, 10 Oct (Sat) a make-up working day, 9 Oct a normal Friday.
function input(sessions: MonthInput['sessions'], month = 10): MonthInput {
  return { year: 2026, month, cal: CAL, sessions };
}

describe('tallyMonthScheduled', () => {
  it('is tallyMonth when neither a schedule nor a cut-off day is given', () => {
    const i = input({ '2026-10-09': { am: { kind: 'signed', signedAt: '08:20' } } });
    expect(tallyMonthScheduled(i)).toEqual(tallyMonth(i));
    expect(tallyMonthScheduled(i, { until: null })).toEqual(tallyMonth(i));
  });

  it('applies each day’s season: 08:20 is late in summer (08:00) and on time in winter (08:30)', () => {
    const wide = { ...SCHEDULE, summerStart: '05-01', summerEnd: '10-15' };
    const all = Object.fromEntries(
      Array.from({ length: 31 }, (_, d) => [
        `2026-10-${String(d + 1).padStart(2, '0')}`,
        { am: { kind: 'signed' as const, signedAt: '08:20' }, pm: { kind: 'signed' as const, signedAt: '14:00' } },
      ]),
    );
    const sheet = tallyMonthScheduled(input(all), { schedule: wide });
    const day = (d: number) => sheet.days[d - 1];
    expect(day(9).am.late).toBe(true); // summer: 08:00 start
    expect(day(16).am.late).toBe(false); // winter: 08:30 start
    expect(day(16).am.code).toBe('√');
    // Working days from 8 to 15 Oct (8, 9, 10 make-up, 12–15) are late: 7 of them.
    expect(sheet.totals.late).toBe(7);
    expect(sheet.totals.early).toBe(0);
    expect(sheet.totals.absentDays).toBe(0);
    expect(sheet.score).toBe(100 - 3.5);
    expect(sheet.deductions).toEqual({ late: 3.5, early: 0, absent: 0, total: 3.5 });
  });

  it('agrees with tallyMonth when the whole month is in one season', () => {
    const i = input({
      '2026-10-09': { am: { kind: 'signed', signedAt: '08:40' }, pm: { kind: 'absent' } },
      '2026-10-12': { am: { kind: 'leave', leaveType: 'sick' }, pm: { kind: 'trip' } },
    });
    const s = tallyMonthScheduled(i, { schedule: SCHEDULE });
    expect(s).toEqual(tallyMonth({ ...i, times: WINTER }));
  });

  it('does not count days after the cut-off, but shows leave and trips planned there', () => {
    const i = input({
      '2026-10-09': { am: { kind: 'signed', signedAt: '08:20' }, pm: { kind: 'signed', signedAt: '14:30', leftAt: '16:00' } },
      '2026-10-13': { am: { kind: 'leave', leaveType: 'personal' }, pm: { kind: 'pending_leave', leaveType: 'personal' } },
      '2026-10-14': { am: { kind: 'trip' } },
    });
    const s = tallyMonthScheduled(i, { until: '2026-10-12' });
    const day = (d: number) => s.days[d - 1];
    expect(day(9).am.code).toBe('迟');
    expect(day(9).pm.code).toBe('早');
    expect(day(12).am.code).toBe('旷'); // today, nothing recorded: absent
    expect(day(13).am.code).toBe('事'); // planned leave shows
    expect(day(13).pm.code).toBe(''); // not approved yet, in the future: nothing
    expect(day(14).am.code).toBe('公');
    expect(day(14).pm.code).toBe('');
    expect(day(17).am.code).toBe('休'); // Saturday
    expect(s.totals.personalLeaveDays).toBe(0);
    expect(s.totals.tripDays).toBe(0);
    expect(s.totals.late).toBe(1);
    expect(s.totals.early).toBe(1);
    // Working days up to the 12th: 8, 9, 10, 12 → 4 days; the 9th is present, the rest absent.
    expect(s.totals.absentDays).toBe(3);
    expect(s.totals.presentDays).toBe(1);
    expect(s.totals.workdays).toBe(tallyMonth(i).totals.workdays);
    expect(s.score).toBe(100 - 0.5 - 0.5 - 45);
  });

  it('counts the cut-off day up to its half: the afternoon not yet come is not absent', () => {
    const i = input({
      '2026-10-12': { am: { kind: 'signed', signedAt: '08:20' } },
      '2026-10-13': { am: { kind: 'signed', signedAt: '07:55' }, pm: { kind: 'signed', signedAt: '14:20' } },
    });
    const s = tallyMonthScheduled(i, { until: '2026-10-12', untilHalf: 'am' });
    const day = (d: number) => s.days[d - 1];
    expect(day(12).am.code).toBe('迟');
    expect(day(12).pm.code).toBe(''); // the afternoon has not come: not 旷
    expect(day(13).am.code).toBe('√'); // a sign-in already made counts at once
    // 8, 9, 10 absent all day: 3 days; the 12th's morning is late, not absent.
    expect(s.totals.absentDays).toBe(3);
    expect(s.totals.late).toBe(1);
    expect(s.totals.presentDays).toBe(1.5);
    const full = tallyMonthScheduled(i, { until: '2026-10-12', untilHalf: 'pm' });
    expect(full.days[11].pm.code).toBe('旷');
    expect(full.totals.absentDays).toBe(3.5);
    expect(() => tallyMonthScheduled(i, { until: '2026-10-12', untilHalf: 'noon' as 'am' })).toThrow(/^untilHalf: /);
  });

  it('counts leave and trips of days up to the cut-off', () => {
    const i = input({
      '2026-10-09': { am: { kind: 'leave', leaveType: 'sick' }, pm: { kind: 'leave', leaveType: 'sick' } },
      '2026-10-12': { am: { kind: 'trip' }, pm: { kind: 'trip' } },
    });
    const s = tallyMonthScheduled(i, { until: '2026-10-31', schedule: SCHEDULE });
    expect(s.totals.sickLeaveDays).toBe(1);
    expect(s.totals.leaveDays.sick).toBe(1);
    expect(s.totals.tripDays).toBe(1);
    expect(s).toEqual(tallyMonth({ ...i, times: WINTER }));
  });

  it('counts nothing when the cut-off is before the month', () => {
    const s = tallyMonthScheduled(input({}), { until: '2026-09-30' });
    expect(s.totals.absentDays).toBe(0);
    expect(s.score).toBe(100);
    expect(s.days.filter((d) => d.workday).every((d) => d.am.code === '' && d.pm.code === '')).toBe(true);
  });

  it('keeps the base score', () => {
    const s = tallyMonthScheduled({ ...input({}), base: 90 }, { until: '2026-10-08' });
    expect(s.base).toBe(90);
    expect(s.score).toBe(90 - 15);
  });

  it('refuses malformed input naming the field', () => {
    expect(() => tallyMonthScheduled(input({}), { until: '2026-10-32' })).toThrow(/^until: /);
    expect(() => tallyMonthScheduled(input({}), null as unknown as object)).toThrow(/^opts: /);
    expect(() => tallyMonthScheduled({ ...input({}), month: 13 }, { until: '2026-10-01' })).toThrow(/^month: /);
    expect(() => tallyMonthScheduled({ ...input({}), year: 0 }, { until: '2026-10-01' })).toThrow(/^year: /);
    expect(() => tallyMonthScheduled(null as unknown as MonthInput, { until: '2026-10-01' })).toThrow(/^input: /);
    expect(() => tallyMonthScheduled(input({}), { schedule: {} as WorkSchedule })).toThrow(/^schedule.summer: /);
  });
});

describe('tripLengthDays', () => {
  it('counts calendar half-days, both ends included', () => {
    expect(tripLengthDays({ date: '2026-10-09', half: 'am' }, { date: '2026-10-09', half: 'am' })).toBe(0.5);
    expect(tripLengthDays({ date: '2026-10-09', half: 'am' }, { date: '2026-10-09', half: 'pm' })).toBe(1);
    expect(tripLengthDays({ date: '2026-10-09', half: 'pm' }, { date: '2026-10-12', half: 'am' })).toBe(3);
  });
  it('refuses an end before the start and malformed halves', () => {
    expect(() => tripLengthDays({ date: '2026-10-09', half: 'pm' }, { date: '2026-10-09', half: 'am' })).toThrow(/^end: /);
    expect(() => tripLengthDays({ date: '2026-10-09', half: 'x' as 'am' }, { date: '2026-10-09', half: 'am' })).toThrow(
      /^start.half: /,
    );
    expect(() => tripLengthDays(null as unknown as { date: string; half: 'am' }, { date: '2026-10-09', half: 'am' })).toThrow(
      /^start: /,
    );
    expect(() => tripLengthDays({ date: '2026-10-09', half: 'am' }, { date: 'x', half: 'am' })).toThrow(/^end.date: /);
  });
});
