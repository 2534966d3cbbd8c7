import { describe, expect, it } from 'vitest';

import type { DayRecord, MonthInput, SessionRecord } from './attendance';
import {
  ATTENDANCE_FLOW,
  DEFAULT_SESSION_TIMES,
  SHEET_LEGEND,
  attendanceMonthLocked,
  awardEligibility,
  isEarlyLeave,
  isLate,
  monthlyScore,
  nextAttendanceState,
  resolveSession,
  tallyMonth,
  yearTally,
} from './attendance';
import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import { monthDays } from './dates';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2025], BUNDLED_CALENDAR[2026]);

// isLate(session start, signed at) and isEarlyLeave(session end, left at).
describe('isLate and isEarlyLeave', () => {
  const checks = { isLate, isEarlyLeave };
  it.each([
    ['isLate', 'exactly 15 minutes after the start is on time', '08:00', '08:15', false],
    ['isLate', '16 minutes after the start is late', '08:00', '08:16', true],
    ['isLate', '16 minutes after the start is late', '14:30', '14:46', true],
    ['isLate', 'signing in before the start is on time', '08:00', '07:40', false],
    ['isEarlyLeave', '19 minutes before the end is not counted', '12:00', '11:41', false],
    ['isEarlyLeave', '20 minutes before the end is early leave', '12:00', '11:40', true],
    ['isEarlyLeave', '20 minutes before the end is early leave', '17:30', '16:00', true],
    ['isEarlyLeave', 'leaving at the end is not early', '17:30', '17:30', false],
    ['isEarlyLeave', 'leaving after the end is not early', '17:30', '18:00', false],
  ] as const)('%s: %s (%s, %s)', (fn, _, boundary, at, result) => {
    expect(checks[fn](boundary, at)).toBe(result);
  });
  it('refuse malformed times naming the field', () => {
    expect(() => isLate('25:00', '08:00')).toThrow(/^sessionStart: /);
    expect(() => isLate('08:00', '12:60')).toThrow(/^signedAt: /);
    expect(() => isLate('08:00', 'ab')).toThrow(RangeError);
    expect(() => isEarlyLeave('17:3', '17:00')).toThrow(/^sessionEnd: /);
    expect(() => isEarlyLeave('17:30', '5pm')).toThrow(/^leftAt: /);
  });
});

describe('monthlyScore', () => {
  it('a clean month keeps the base of 100', () => {
    expect(monthlyScore({ late: 0, early: 0, absentDays: 0 })).toBe(100);
  });
  it('takes 0.5 per late, 0.5 per early and 15 per day absent', () => {
    expect(monthlyScore({ late: 2, early: 1, absentDays: 1.5 })).toBe(100 - 1 - 0.5 - 22.5);
    expect(monthlyScore({ late: 0, early: 0, absentDays: 0.5 })).toBe(92.5);
  });
  it('uses another base when given', () => {
    expect(monthlyScore({ late: 1, early: 0, absentDays: 0 }, 60)).toBe(59.5);
  });
  it('is not floored at zero', () => {
    expect(monthlyScore({ late: 0, early: 0, absentDays: 10 })).toBe(-50);
  });
  it('refuses negative counts, non-half-day absences and a non-number base', () => {
    expect(() => monthlyScore({ late: -1, early: 0, absentDays: 0 })).toThrow(/^late: /);
    expect(() => monthlyScore({ late: 0, early: 0.5, absentDays: 0 })).toThrow(/^early: /);
    expect(() => monthlyScore({ late: 0, early: 0, absentDays: 0.3 })).toThrow(/^absentDays: /);
    expect(() => monthlyScore({ late: 0, early: 0, absentDays: -0.5 })).toThrow(/^absentDays: /);
    expect(() => monthlyScore({ late: 0, early: 0, absentDays: 0 }, Number.NaN)).toThrow(/^base: /);
    expect(() => monthlyScore(null as never)).toThrow(/^t: /);
  });
});

const clean = { late: 0, early: 0, absentDays: 0, sickLeaveWorkdays: 0, personalLeaveWorkdays: 0 };

describe('awardEligibility', () => {
  it('a clean year is eligible', () => {
    expect(awardEligibility(clean)).toEqual({ eligible: true, bars: [] });
  });
  it('late + early 11 times passes, 12 bars', () => {
    expect(awardEligibility({ ...clean, late: 6, early: 5 }).eligible).toBe(true);
    expect(awardEligibility({ ...clean, late: 6, early: 6 }).bars).toEqual(['late_early_12']);
    expect(awardEligibility({ ...clean, late: 12 }).bars).toEqual(['late_early_12']);
  });
  it('2.5 days absent passes, 3 bars', () => {
    expect(awardEligibility({ ...clean, absentDays: 2.5 }).eligible).toBe(true);
    expect(awardEligibility({ ...clean, absentDays: 3 }).bars).toEqual(['absent_3_days']);
  });
  it('sick leave of 43.5 working days passes, 44 bars', () => {
    expect(awardEligibility({ ...clean, sickLeaveWorkdays: 43.5 }).eligible).toBe(true);
    expect(awardEligibility({ ...clean, sickLeaveWorkdays: 44 }).bars).toEqual(['sick_over_2_months']);
  });
  it('sick leave of exactly 43.5 (2 × 21.75) passes, a hair more bars', () => {
    expect(awardEligibility({ ...clean, sickLeaveWorkdays: 43.5 }).bars).toEqual([]);
    expect(awardEligibility({ ...clean, sickLeaveWorkdays: 43.51 }).bars).toEqual(['sick_over_2_months']);
  });
  it('personal leave of 21.5 or exactly 21.75 working days passes, 22 bars (a month is 21.75)', () => {
    expect(awardEligibility({ ...clean, personalLeaveWorkdays: 21.5 }).eligible).toBe(true);
    expect(awardEligibility({ ...clean, personalLeaveWorkdays: 21.75 }).eligible).toBe(true);
    expect(awardEligibility({ ...clean, personalLeaveWorkdays: 22 }).bars).toEqual(['personal_over_1_month']);
  });
  it('lists every bar that applies, in the order of the AwardBar type', () => {
    expect(
      awardEligibility({
        late: 10,
        early: 2,
        absentDays: 3,
        sickLeaveWorkdays: 44,
        personalLeaveWorkdays: 22,
      }),
    ).toEqual({
      eligible: false,
      bars: ['late_early_12', 'absent_3_days', 'sick_over_2_months', 'personal_over_1_month'],
    });
  });
  it('refuses negative or non-numeric counts naming the field', () => {
    expect(() => awardEligibility({ ...clean, sickLeaveWorkdays: Number.NaN })).toThrow(
      /^sickLeaveWorkdays: /,
    );
    expect(() => awardEligibility({ ...clean, absentDays: -0.5 })).toThrow(/^absentDays: /);
    expect(() => awardEligibility({ ...clean, early: 1.5 })).toThrow(/^early: /);
    expect(() => awardEligibility({ ...clean, personalLeaveWorkdays: -1 })).toThrow(
      /^personalLeaveWorkdays: /,
    );
    expect(() => awardEligibility({ ...clean, late: -1 })).toThrow(/^late: /);
    expect(() => awardEligibility(undefined as never)).toThrow(/^y: /);
  });
});

/** A month where every working session has the given record, with overrides by date. */
function month(
  year: number,
  m: number,
  fill: SessionRecord | null,
  overrides: Record<string, DayRecord> = {},
) {
  const sessions: Record<string, DayRecord> = {};
  if (fill !== null) for (const d of monthDays(year, m)) sessions[d] = { am: fill, pm: fill };
  return { ...sessions, ...overrides };
}

const present: SessionRecord = { kind: 'signed', signedAt: '07:55' };
const presentPm: SessionRecord = { kind: 'signed', signedAt: '14:25' };

/** March 2026, signed in on time but for the overrides. */
const march = (overrides: Record<string, DayRecord> = {}) =>
  tallyMonth({ year: 2026, month: 3, cal: CAL, sessions: month(2026, 3, present, overrides) });

describe('tallyMonth', () => {
  it('a full month signed in on time: all √, weekends 休, score 100', () => {
    const sheet = march();
    expect(sheet.days).toHaveLength(31);
    expect(sheet.totals.workdays).toBe(22);
    expect(sheet.totals.presentDays).toBe(22);
    expect(sheet.days[1]).toMatchObject({ date: '2026-03-02', workday: true });
    expect(sheet.days[1].am.code).toBe('√');
    expect(sheet.days[0].am.code).toBe('休'); // Sunday 1 March
    expect(sheet.score).toBe(100);
    expect(sheet.base).toBe(100);
    expect(sheet.deductions).toEqual({ late: 0, early: 0, absent: 0, total: 0 });
  });

  it('nothing recorded on a working day is 旷 for both halves, −15', () => {
    const sheet = march({ '2026-03-02': {} });
    expect(sheet.days[1].am).toMatchObject({ code: '旷', absent: true, ruleIds: ['ATT-5'] });
    expect(sheet.days[1].pm.code).toBe('旷');
    expect(sheet.totals.absentDays).toBe(1);
    expect(sheet.score).toBe(85);
  });

  it('late at 16 minutes but not at 15; early at 20 minutes but not at 19', () => {
    const sheet = march({
      '2026-03-02': {
        am: { kind: 'signed', signedAt: '08:15' },
        pm: { kind: 'signed', signedAt: '14:46' },
      },
      '2026-03-03': {
        am: { kind: 'signed', signedAt: '08:00', leftAt: '11:41' },
        pm: { kind: 'signed', signedAt: '14:30', leftAt: '17:10' },
      },
    });
    expect(sheet.days[1].am.code).toBe('√');
    expect(sheet.days[1].pm).toMatchObject({ code: '迟', late: true, ruleIds: ['ATT-2'] });
    expect(sheet.days[2].am.code).toBe('√');
    expect(sheet.days[2].pm).toMatchObject({ code: '早', early: true, ruleIds: ['ATT-4'] });
    expect(sheet.totals).toMatchObject({ late: 1, early: 1, absentDays: 0, presentDays: 22 });
    expect(sheet.deductions).toEqual({ late: 0.5, early: 0.5, absent: 0, total: 1 });
    expect(sheet.score).toBe(99);
  });

  it('late and early in one session shows 迟早 and counts both', () => {
    const sheet = march({
      '2026-03-02': { am: { kind: 'signed', signedAt: '09:00', leftAt: '11:00' }, pm: presentPm },
    });
    expect(sheet.days[1].am).toMatchObject({
      marks: ['迟', '早'],
      code: '迟早',
      ruleIds: ['ATT-2', 'ATT-4'],
    });
    expect(sheet.totals).toMatchObject({ late: 1, early: 1 });
  });

  it('approved leave shows its type and counts by type; trips show 公 and are never 旷', () => {
    const sheet = march({
      '2026-03-02': {
        am: { kind: 'leave', leaveType: 'personal' },
        pm: { kind: 'leave', leaveType: 'sick' },
      },
      '2026-03-03': { am: { kind: 'leave', leaveType: 'annual' }, pm: { kind: 'trip' } },
      '2026-03-04': { am: { kind: 'trip' }, pm: { kind: 'leave', leaveType: 'family_visit' } },
    });
    expect(sheet.days[1].am).toMatchObject({ code: '事', leaveType: 'personal', absent: false });
    expect(sheet.days[1].pm.code).toBe('病');
    expect(sheet.days[2].am.code).toBe('年');
    expect(sheet.days[2].pm).toMatchObject({ code: '公', trip: true, ruleIds: ['TRIP-5'] });
    expect(sheet.days[3].pm.code).toBe('探');
    expect(sheet.totals).toMatchObject({
      personalLeaveDays: 0.5,
      sickLeaveDays: 0.5,
      tripDays: 1,
      absentDays: 0,
    });
    expect(sheet.totals.leaveDays).toMatchObject({ annual: 0.5, family_visit: 0.5, marriage: 0 });
    expect(sheet.score).toBe(100);
  });

  it('after-the-fact leave not yet approved counts as 旷 (LV-5)', () => {
    const sheet = march({
      '2026-03-02': { am: { kind: 'pending_leave', leaveType: 'sick' }, pm: { kind: 'absent' } },
    });
    expect(sheet.days[1].am).toMatchObject({
      code: '旷',
      absent: true,
      pendingLeave: true,
      leaveType: null,
      ruleIds: ['ATT-5', 'LV-5'],
    });
    expect(sheet.totals.sickLeaveDays).toBe(0);
    expect(sheet.score).toBe(85);
  });

  it('February 2026: Spring Festival days are 休, the make-up Saturdays count as working days', () => {
    const sheet = tallyMonth({ year: 2026, month: 2, cal: CAL, sessions: month(2026, 2, null) });
    expect(sheet.totals.workdays).toBe(16);
    expect(sheet.totals.absentDays).toBe(16);
    const byDate = Object.fromEntries(sheet.days.map((d) => [d.date, d]));
    expect(byDate['2026-02-16'].am.code).toBe('休');
    expect(byDate['2026-02-14']).toMatchObject({ workday: true });
    expect(byDate['2026-02-14'].am.code).toBe('旷');
    expect(byDate['2026-02-28'].pm.code).toBe('旷');
  });

  it('records on a day off are ignored', () => {
    const sheet = march({ '2026-03-07': { am: { kind: 'trip' } } });
    expect(sheet.days[6].am).toMatchObject({ code: '休', trip: false });
    expect(sheet.totals.tripDays).toBe(0);
  });

  it('uses the session times and base given (a winter schedule)', () => {
    const input: MonthInput = {
      year: 2026,
      month: 3,
      cal: CAL,
      times: { amStart: '08:30', amEnd: '12:00', pmStart: '14:00', pmEnd: '17:00' },
      base: 50,
      sessions: month(
        2026,
        3,
        { kind: 'signed', signedAt: '08:40' },
        {
          '2026-03-02': {
            am: { kind: 'signed', signedAt: '08:46' },
            pm: { kind: 'signed', signedAt: '14:00', leftAt: '16:40' },
          },
        },
      ),
    };
    const sheet = tallyMonth(input);
    expect(sheet.days[1].am.code).toBe('迟');
    expect(sheet.days[1].pm.code).toBe('早');
    expect(sheet.totals).toMatchObject({ late: 1, early: 1 });
    expect(sheet.score).toBe(49);
  });

  it('defaults to the ATT-1 session times', () => {
    expect(DEFAULT_SESSION_TIMES).toEqual({
      amStart: '08:00',
      amEnd: '12:00',
      pmStart: '14:30',
      pmEnd: '17:30',
    });
  });

  it('gives every day off and every session with nothing recorded one shared, frozen outcome per half', () => {
    // March 2026: the 1st and the 7th are a Sunday and a Saturday; nothing is recorded on the 2nd and 3rd.
    const a = tallyMonth({ year: 2026, month: 3, cal: CAL, sessions: {} });
    const b = tallyMonth({ year: 2026, month: 3, cal: CAL, sessions: { '2026-03-02': {} } });
    const [sun, mon, tue] = a.days;
    expect(a.days[6].am).toBe(sun.am);
    expect(b.days[0].pm).toBe(sun.pm);
    expect(sun.am).toMatchObject({ half: 'am', code: '休', absent: false });
    expect(tue.am).toBe(mon.am);
    expect(b.days[1].pm).toBe(mon.pm);
    expect(mon.pm).toMatchObject({ half: 'pm', code: '旷', absent: true, ruleIds: ['ATT-5'] });
    expect(mon.am).not.toBe(mon.pm);
    for (const o of [sun.am, mon.pm]) {
      expect(Object.isFrozen(o) && Object.isFrozen(o.marks) && Object.isFrozen(o.ruleIds)).toBe(true);
    }
  });

  it('refuses bad input naming the field', () => {
    const ok = { year: 2026, month: 3, cal: CAL, sessions: {} };
    expect(() => tallyMonth(null as never)).toThrow(/^input: /);
    expect(() => tallyMonth({ ...ok, year: 0 })).toThrow(/^year: /);
    expect(() => tallyMonth({ ...ok, month: 13 })).toThrow(/^month: /);
    expect(() => tallyMonth({ ...ok, cal: null as never })).toThrow(/^cal: /);
    expect(() => tallyMonth({ ...ok, base: Number.NaN })).toThrow(/^base: /);
    expect(() => tallyMonth({ ...ok, sessions: null as never })).toThrow(/^sessions: /);
    expect(() => tallyMonth({ ...ok, sessions: { '2026-04-01': {} } })).toThrow(/^sessions\.2026-04-01: /);
    expect(() => tallyMonth({ ...ok, sessions: { '2025-03-01': {} } })).toThrow(/^sessions\.2025-03-01: /);
    expect(() => tallyMonth({ ...ok, sessions: { '2026-03-32': {} } })).toThrow(/^sessions\.2026-03-32: /);
    expect(() => tallyMonth({ ...ok, sessions: { '2026-03-02': 'x' as never } })).toThrow(
      /^sessions\.2026-03-02: /,
    );
    expect(() => tallyMonth({ ...ok, sessions: { '2026-03-02': { am: 'x' as never } } })).toThrow(
      /^sessions\.2026-03-02\.am: /,
    );
    expect(() =>
      tallyMonth({ ...ok, sessions: { '2026-03-02': { pm: { kind: 'late' } as never } } }),
    ).toThrow(/^sessions\.2026-03-02\.pm\.kind: /);
    expect(() =>
      tallyMonth({ ...ok, sessions: { '2026-03-02': { am: { kind: 'signed', signedAt: '25:00' } } } }),
    ).toThrow(/^sessions\.2026-03-02\.am\.signedAt: /);
    expect(() =>
      tallyMonth({
        ...ok,
        sessions: { '2026-03-02': { am: { kind: 'signed', signedAt: '08:00', leftAt: '7:00' } } },
      }),
    ).toThrow(/^sessions\.2026-03-02\.am\.leftAt: /);
    expect(() =>
      tallyMonth({
        ...ok,
        sessions: { '2026-03-02': { am: { kind: 'signed', signedAt: '09:00', leftAt: '08:00' } } },
      }),
    ).toThrow(/^sessions\.2026-03-02\.am\.leftAt: must not be before signedAt/);
    expect(() =>
      tallyMonth({
        ...ok,
        sessions: { '2026-03-02': { am: { kind: 'leave', leaveType: 'holiday' as never } } },
      }),
    ).toThrow(/^sessions\.2026-03-02\.am\.leaveType: /);
    expect(() =>
      tallyMonth({
        ...ok,
        sessions: { '2026-03-07': { am: { kind: 'pending_leave', leaveType: 'x' as never } } },
      }),
    ).toThrow(/^sessions\.2026-03-07\.am\.leaveType: /);
  });

  it('refuses session times out of order', () => {
    const ok = { year: 2026, month: 3, cal: CAL, sessions: {} };
    const t = DEFAULT_SESSION_TIMES;
    expect(() => tallyMonth({ ...ok, times: null as never })).toThrow(/^times: /);
    expect(() => tallyMonth({ ...ok, times: { ...t, amStart: '8:00' } })).toThrow(/^times\.amStart: /);
    expect(() => tallyMonth({ ...ok, times: { ...t, amEnd: '12:0' } })).toThrow(/^times\.amEnd: /);
    expect(() => tallyMonth({ ...ok, times: { ...t, pmStart: 'x' } })).toThrow(/^times\.pmStart: /);
    expect(() => tallyMonth({ ...ok, times: { ...t, pmEnd: '' } })).toThrow(/^times\.pmEnd: /);
    expect(() => tallyMonth({ ...ok, times: { ...t, amEnd: '08:00' } })).toThrow(
      /^times\.amEnd: must be after/,
    );
    expect(() => tallyMonth({ ...ok, times: { ...t, pmStart: '11:00' } })).toThrow(
      /^times\.pmStart: must not/,
    );
    expect(() => tallyMonth({ ...ok, times: { ...t, pmEnd: '14:30' } })).toThrow(
      /^times\.pmEnd: must be after/,
    );
  });
});

describe('resolveSession', () => {
  const leave = (approved: boolean) => ({ leaveType: 'personal' as const, approved });
  it('an approved trip wins over everything', () => {
    expect(resolveSession({ trip: true, leave: leave(true), signedAt: '08:00' })).toEqual({ kind: 'trip' });
  });
  it('approved leave wins over a sign-in', () => {
    expect(resolveSession({ trip: false, leave: leave(true), signedAt: '08:00' })).toEqual({
      kind: 'leave',
      leaveType: 'personal',
    });
  });
  it('a sign-in wins over leave awaiting approval, and keeps the time left', () => {
    expect(resolveSession({ leave: leave(false), signedAt: '08:00' })).toEqual({
      kind: 'signed',
      signedAt: '08:00',
    });
    expect(resolveSession({ signedAt: '08:00', leftAt: '11:00' })).toEqual({
      kind: 'signed',
      signedAt: '08:00',
      leftAt: '11:00',
    });
  });
  it('leave awaiting approval alone is pending (旷 until approved)', () => {
    expect(resolveSession({ leave: leave(false) })).toEqual({ kind: 'pending_leave', leaveType: 'personal' });
  });
  it('nothing is absent', () => {
    expect(resolveSession({})).toEqual({ kind: 'absent' });
  });
  it('refuses bad input naming the field', () => {
    expect(() => resolveSession(null as never)).toThrow(/^known: /);
    expect(() => resolveSession({ trip: 'yes' as never })).toThrow(/^trip: /);
    expect(() => resolveSession({ leave: 'x' as never })).toThrow(/^leave: /);
    expect(() => resolveSession({ leave: { leaveType: 'x' as never, approved: true } })).toThrow(
      /^leaveType: /,
    );
    expect(() => resolveSession({ leave: { leaveType: 'sick', approved: 1 as never } })).toThrow(
      /^leave\.approved: /,
    );
    expect(() => resolveSession({ signedAt: '8' })).toThrow(/^signedAt: /);
    expect(() => resolveSession({ signedAt: '08:00', leftAt: '24:00' })).toThrow(/^leftAt: /);
  });
});

describe('yearTally', () => {
  it('adds the months up for ATT-8', () => {
    const m = { late: 3, early: 3, absentDays: 0.5, sickLeaveDays: 22, personalLeaveDays: 11 };
    const y = yearTally([m, m]);
    expect(y).toEqual({ late: 6, early: 6, absentDays: 1, sickLeaveWorkdays: 44, personalLeaveWorkdays: 22 });
    expect(awardEligibility(y).bars).toEqual([
      'late_early_12',
      'sick_over_2_months',
      'personal_over_1_month',
    ]);
  });
  it('an empty year is all zeros', () => {
    expect(yearTally([])).toEqual({
      late: 0,
      early: 0,
      absentDays: 0,
      sickLeaveWorkdays: 0,
      personalLeaveWorkdays: 0,
    });
  });
  it('takes the totals of tallyMonth directly', () => {
    const sheet = march({ '2026-03-02': {} });
    expect(yearTally([sheet.totals]).absentDays).toBe(1);
  });
  it('refuses bad months naming the index', () => {
    const m = { late: 0, early: 0, absentDays: 0, sickLeaveDays: 0, personalLeaveDays: 0 };
    expect(() => yearTally('x' as never)).toThrow(/^months: /);
    expect(() => yearTally([m, null as never])).toThrow(/^months\[1\]: /);
    expect(() => yearTally([{ ...m, sickLeaveDays: 0.3 }])).toThrow(/^months\[0\]\.sickLeaveDays: /);
    expect(() => yearTally([{ ...m, personalLeaveDays: -1 }])).toThrow(/^months\[0\]\.personalLeaveDays: /);
  });
});

describe('SHEET_LEGEND', () => {
  it('explains every mark of the 考勤表 once', () => {
    const marks = SHEET_LEGEND.map((l) => l.mark);
    expect(marks).toEqual([
      '√',
      '迟',
      '早',
      '旷',
      '事',
      '病',
      '年',
      '婚',
      '丧',
      '产',
      '探',
      '其',
      '公',
      '休',
    ]);
  });
});

describe('nextAttendanceState', () => {
  it('walks compile → verify → review → announce, then stops', () => {
    expect(ATTENDANCE_FLOW.map((s) => s.label)).toEqual([
      '考勤员汇总',
      '分管领导核实',
      '局长审阅',
      '全局通报',
    ]);
    expect(nextAttendanceState('compiling')).toBe('verified');
    expect(nextAttendanceState('reviewed')).toBe('announced');
    expect(nextAttendanceState('announced')).toBeNull();
  });
  it('refuses an unknown state', () => {
    expect(() => nextAttendanceState('done' as never)).toThrow(/^state: /);
  });
});

describe('attendanceMonthLocked', () => {
  it('only an announced month is locked', () => {
    expect(attendanceMonthLocked('reviewed')).toBe(false);
    expect(attendanceMonthLocked('announced')).toBe(true);
    expect(() => attendanceMonthLocked('x' as never)).toThrow(/^state: /);
  });
});
