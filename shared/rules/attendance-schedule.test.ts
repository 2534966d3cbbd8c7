import { describe, expect, it } from 'vitest';

import type { MonthInput, MonthSheet, SessionTimes } from './attendance';
import { DEFAULT_SESSION_TIMES, monthFrame, tallyInFrame, tallyMonth } from './attendance';
import type { WorkSchedule } from './attendance-schedule';
import {
  attendanceMonthEnded,
  DEFAULT_WORK_SCHEDULE,
  lastWorkdayOfMonth,
  monthCompilable,
  monthTallier,
  sessionTimesOn,
  tallyMonthScheduled,
  tripLengthDays,
} from './attendance-schedule';
import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import { monthDays } from './dates';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2025], BUNDLED_CALENDAR[2026]);
const WINTER: SessionTimes = { amStart: '08:30', amEnd: '12:00', pmStart: '14:00', pmEnd: '17:00' };
const SCHEDULE: WorkSchedule = {
  summer: DEFAULT_SESSION_TIMES,
  winter: WINTER,
  summerStart: '05-01',
  summerEnd: '09-30',
};

describe('sessionTimesOn', () => {
  const wrap = { ...SCHEDULE, summerStart: '11-01', summerEnd: '02-28' };
  it.each([
    [
      'uses the summer times inside the summer range, both ends included',
      SCHEDULE,
      [
        ['2026-05-01', 'DEFAULT'],
        ['2026-09-30', 'DEFAULT'],
      ],
    ],
    [
      'uses the winter times outside it',
      SCHEDULE,
      [
        ['2026-04-30', 'WINTER'],
        ['2026-10-01', 'WINTER'],
      ],
    ],
    [
      'handles a range that wraps over the new year',
      wrap,
      [
        ['2026-12-15', 'DEFAULT'],
        ['2026-01-15', 'DEFAULT'],
        ['2026-06-15', 'WINTER'],
      ],
    ],
    [
      'defaults to the rule book times in both seasons',
      DEFAULT_WORK_SCHEDULE,
      [
        ['2026-01-05', 'DEFAULT'],
        ['2026-07-05', 'DEFAULT'],
      ],
    ],
  ] as const)('%s', (_, schedule, days) => {
    for (const [date, times] of days)
      expect(sessionTimesOn(date, schedule)).toEqual(times === 'DEFAULT' ? DEFAULT_SESSION_TIMES : WINTER);
  });
  it('refuses malformed input naming the field', () => {
    expect(() => sessionTimesOn('2026-13-01', SCHEDULE)).toThrow(/^date: /);
    expect(() => sessionTimesOn('2026-05-01', { ...SCHEDULE, summerStart: '5-1' })).toThrow(
      /^schedule.summerStart: /,
    );
    expect(() => sessionTimesOn('2026-05-01', { ...SCHEDULE, summerEnd: 930 as unknown as string })).toThrow(
      /^schedule.summerEnd: /,
    );
    expect(() =>
      sessionTimesOn('2026-05-01', { ...SCHEDULE, winter: { ...WINTER, pmEnd: '25:00' } }),
    ).toThrow(/^schedule.winter.pmEnd: /);
    expect(() => sessionTimesOn('2026-05-01', null as unknown as WorkSchedule)).toThrow(/^schedule: /);
    expect(() =>
      sessionTimesOn('2026-05-01', { ...SCHEDULE, summer: 'x' as unknown as SessionTimes }),
    ).toThrow(/^schedule.summer: /);
  });
});

// October 2026: 1–7 national holiday, 10 Oct (Sat) a make-up working day, 9 Oct a normal Friday.
function input(sessions: MonthInput['sessions'], month = 10): MonthInput {
  return { year: 2026, month, cal: CAL, sessions };
}

// What the codes of a sheet say, counted mark by mark, and the same figures from its totals.
function marksOf(s: MonthSheet) {
  const codes = s.days.flatMap((d) => (d.workday ? [d.am.code, d.pm.code] : [])).join('');
  const n = (mark: string) => codes.split(mark).length - 1;
  return {
    late: n('迟'),
    early: n('早'),
    absent: n('旷') / 2,
    personal: n('事') / 2,
    sick: n('病') / 2,
    trip: n('公') / 2,
    present: n('√') / 2,
  };
}
function totalsOf(s: MonthSheet) {
  const t = s.totals;
  const lateOrEarlyOnly = s.days
    .flatMap((d) => (d.workday ? [d.am, d.pm] : []))
    .filter((x) => x.present && (x.late || x.early)).length;
  return {
    late: t.late,
    early: t.early,
    absent: t.absentDays,
    personal: t.personalLeaveDays,
    sick: t.sickLeaveDays,
    trip: t.tripDays,
    present: t.presentDays - lateOrEarlyOnly / 2,
  };
}

describe('monthTallier (the month worked out once, then each person)', () => {
  // Four people over October 2026 under a season that changes on the 16th, cut off on the 20th.
  const people: MonthInput['sessions'][] = [
    {},
    { '2026-10-09': { am: { kind: 'signed', signedAt: '08:20' }, pm: { kind: 'absent' } } },
    {
      '2026-10-15': { am: { kind: 'signed', signedAt: '08:20' }, pm: { kind: 'trip' } },
      '2026-10-16': { am: { kind: 'signed', signedAt: '08:20' }, pm: { kind: 'leave', leaveType: 'sick' } },
      '2026-10-22': { am: { kind: 'signed', signedAt: '08:00' } },
    },
    { '2026-10-20': { am: { kind: 'pending_leave', leaveType: 'personal' } } },
  ];
  const split = { ...SCHEDULE, summerStart: '05-01', summerEnd: '10-15' };

  it('gives each person what tallyMonthScheduled gives, with or without a schedule and a cut-off', () => {
    for (const opts of [
      {},
      { schedule: split },
      { until: '2026-10-20' },
      { schedule: split, until: '2026-10-20', untilHalf: 'am' as const },
    ]) {
      const tally = monthTallier({ year: 2026, month: 10, cal: CAL, base: 90 }, opts);
      for (const sessions of people)
        expect(tally(sessions)).toEqual(tallyMonthScheduled({ ...input(sessions), base: 90 }, opts));
    }
  });

  it('still checks each person’s sessions, and the month once', () => {
    const tally = monthTallier({ year: 2026, month: 10, cal: CAL }, { schedule: split });
    expect(() => tally({ '2026-11-02': { am: { kind: 'absent' } } })).toThrow(/^sessions\.2026-11-02: /);
    expect(() => tally({ '2026-10-09': { am: { kind: 'signed', signedAt: '8点' } } })).toThrow(
      /^sessions\.2026-10-09\.am\.signedAt: /,
    );
    expect(() => monthTallier({ year: 2026, month: 13, cal: CAL })).toThrow(/^month: /);
    const forged = { ...monthFrame({ year: 2026, month: 10, cal: CAL }), base: 1e9 };
    expect(() => tallyInFrame(forged, {})).toThrow(/^frame: must come from monthFrame/);
    expect(() => monthTallier({ year: 2026, month: 10, cal: CAL }, { untilHalf: 'noon' as never })).toThrow(
      /^untilHalf: /,
    );
  });
});

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
        {
          am: { kind: 'signed' as const, signedAt: '08:20' },
          pm: { kind: 'signed' as const, signedAt: '14:00' },
        },
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

  it('neither shows nor counts sessions after the cut-off: leave and trips planned there stay blank', () => {
    const i = input({
      '2026-10-09': {
        am: { kind: 'signed', signedAt: '08:20' },
        pm: { kind: 'signed', signedAt: '14:30', leftAt: '16:00' },
      },
      '2026-10-13': {
        am: { kind: 'leave', leaveType: 'personal' },
        pm: { kind: 'pending_leave', leaveType: 'personal' },
      },
      '2026-10-14': { am: { kind: 'trip' } },
    });
    const s = tallyMonthScheduled(i, { until: '2026-10-12' });
    const day = (d: number) => s.days[d - 1];
    expect(day(9).am.code).toBe('迟');
    expect(day(9).pm.code).toBe('早');
    expect(day(12).am.code).toBe('旷'); // today, nothing recorded: absent
    expect(day(13).am.code).toBe(''); // leave approved for a later day: not yet attendance
    expect(day(13).am.leaveType).toBeNull();
    expect(day(13).pm.code).toBe(''); // not approved yet, in the future: nothing
    expect(day(14).am.code).toBe('');
    expect(day(14).am.trip).toBe(false);
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
    expect(marksOf(s)).toEqual(totalsOf(s));
  });

  it('keeps the codes and the totals in agreement whatever the cut-off (issue 13.5: 事 beside 事假 0)', () => {
    // Personal leave the whole of 20–21 Oct, a trip on the 22nd, sign-ins (one late, one early) on the 9th and 15th.
    const i = input({
      '2026-10-09': { am: { kind: 'signed', signedAt: '08:20' }, pm: { kind: 'signed', signedAt: '14:30' } },
      '2026-10-15': {
        am: { kind: 'signed', signedAt: '08:00' },
        pm: { kind: 'signed', signedAt: '14:30', leftAt: '16:00' },
      },
      '2026-10-20': {
        am: { kind: 'leave', leaveType: 'personal' },
        pm: { kind: 'leave', leaveType: 'personal' },
      },
      '2026-10-21': {
        am: { kind: 'leave', leaveType: 'personal' },
        pm: { kind: 'leave', leaveType: 'sick' },
      },
      '2026-10-22': { am: { kind: 'trip' }, pm: { kind: 'trip' } },
    });
    for (const until of [
      '2026-09-30',
      '2026-10-12',
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-31',
    ] as const) {
      for (const untilHalf of ['am', 'pm'] as const) {
        const s = tallyMonthScheduled(i, { until, untilHalf, schedule: SCHEDULE });
        expect(marksOf(s), `${until} ${untilHalf}`).toEqual(totalsOf(s));
      }
    }
    const mid = tallyMonthScheduled(i, { until: '2026-10-20', untilHalf: 'am' });
    expect(mid.days[19].am.code).toBe('事');
    expect(mid.days[19].pm.code).toBe('');
    expect(mid.totals.personalLeaveDays).toBe(0.5);
    const all = tallyMonthScheduled(i, { until: '2026-10-31' });
    expect(all.totals.personalLeaveDays).toBe(1.5);
    expect(all.totals.sickLeaveDays).toBe(0.5);
    expect(all.totals.tripDays).toBe(1);
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
    expect(() => tallyMonthScheduled(i, { until: '2026-10-12', untilHalf: 'noon' as 'am' })).toThrow(
      /^untilHalf: /,
    );
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
    expect(() => tallyMonthScheduled({ ...input({}), month: 13 }, { until: '2026-10-01' })).toThrow(
      /^month: /,
    );
    expect(() => tallyMonthScheduled({ ...input({}), year: 0 }, { until: '2026-10-01' })).toThrow(/^year: /);
    expect(() => tallyMonthScheduled(null as unknown as MonthInput, { until: '2026-10-01' })).toThrow(
      /^input: /,
    );
    expect(() => tallyMonthScheduled(input({}), { schedule: {} as WorkSchedule })).toThrow(
      /^schedule.summer: /,
    );
  });
});

describe('lastWorkdayOfMonth (ATT-7)', () => {
  it('is the last day that is a working day: weekends and holidays skipped, make-up Saturdays counted', () => {
    expect(lastWorkdayOfMonth(2026, 6, CAL)).toBe('2026-06-30'); // a Tuesday
    expect(lastWorkdayOfMonth(2026, 10, CAL)).toBe('2026-10-30'); // the 31st is a Saturday
    expect(lastWorkdayOfMonth(2026, 2, CAL)).toBe('2026-02-28'); // a Saturday worked after 春节
    expect(lastWorkdayOfMonth(2026, 12, CAL)).toBe('2026-12-31');
  });
  it('is the month’s last day when the calendar gives the month no working day', () => {
    expect(lastWorkdayOfMonth(2026, 2, { holidays: monthDays(2026, 2), workdays: [] })).toBe('2026-02-28');
  });
  it('refuses malformed input naming the field', () => {
    expect(() => lastWorkdayOfMonth(2026, 13, CAL)).toThrow(/^month: /);
    expect(() => lastWorkdayOfMonth(2026, 6, null as unknown as typeof CAL)).toThrow(/^cal: /);
  });
});

describe('monthCompilable (ATT-7)', () => {
  it('lets the month be compiled from its last working day on', () => {
    expect(monthCompilable(2026, 12, '2026-12-31', CAL)).toEqual({ ok: true, lastWorkday: '2026-12-31' });
    expect(monthCompilable(2026, 10, '2026-10-30', CAL)).toEqual({ ok: true, lastWorkday: '2026-10-30' });
    expect(monthCompilable(2026, 10, '2026-11-02', CAL).ok).toBe(true);
    expect(monthCompilable(2025, 12, '2026-12-06', CAL).ok).toBe(true);
  });
  it('refuses it before then with a Chinese message citing 二、(一)2 and the day it may be compiled', () => {
    const early = monthCompilable(2026, 12, '2026-12-06', CAL);
    expect(early).toEqual({
      ok: false,
      lastWorkday: '2026-12-31',
      ruleId: 'ATT-7',
      message:
        '考勤每月底汇总（制度 二、(一)2）：2026年12月尚未结束，最后一个工作日是12月31日，此前不能汇总，只能查看预览（非正式）',
    });
    expect(monthCompilable(2026, 10, '2026-10-29', CAL).ok).toBe(false);
    const future = monthCompilable(2026, 7, '2026-06-10', CAL);
    expect(future.ok).toBe(false);
    expect(!future.ok && future.message).toContain('2026年7月尚未开始，最后一个工作日是7月31日');
  });
  it('refuses malformed input naming the field', () => {
    expect(() => monthCompilable(2026, 12, '2026-12-32', CAL)).toThrow(/^on: /);
    expect(() => monthCompilable(0, 12, '2026-12-01', CAL)).toThrow(/^year: /);
  });
});

describe('attendanceMonthEnded (ATT-8)', () => {
  it('counts a month for the year only once its last day is over', () => {
    expect(attendanceMonthEnded(2026, 12, '2026-12-31')).toBe(false);
    expect(attendanceMonthEnded(2026, 12, '2027-01-01')).toBe(true);
    expect(attendanceMonthEnded(2026, 11, '2026-12-06')).toBe(true);
    expect(attendanceMonthEnded(2027, 1, '2026-12-06')).toBe(false);
  });
  it('refuses malformed input naming the field', () => {
    expect(() => attendanceMonthEnded(2026, 12, '12/06/2026')).toThrow(/^on: /);
    expect(() => attendanceMonthEnded(2026, 0, '2026-12-06')).toThrow(/^month: /);
  });
});

describe('tripLengthDays', () => {
  it('counts calendar half-days, both ends included', () => {
    expect(tripLengthDays({ date: '2026-10-09', half: 'am' }, { date: '2026-10-09', half: 'am' })).toBe(0.5);
    expect(tripLengthDays({ date: '2026-10-09', half: 'am' }, { date: '2026-10-09', half: 'pm' })).toBe(1);
    expect(tripLengthDays({ date: '2026-10-09', half: 'pm' }, { date: '2026-10-12', half: 'am' })).toBe(3);
  });
  it('refuses an end before the start and malformed halves', () => {
    expect(() =>
      tripLengthDays({ date: '2026-10-09', half: 'pm' }, { date: '2026-10-09', half: 'am' }),
    ).toThrow(/^end: /);
    expect(() =>
      tripLengthDays({ date: '2026-10-09', half: 'x' as 'am' }, { date: '2026-10-09', half: 'am' }),
    ).toThrow(/^start.half: /);
    expect(() =>
      tripLengthDays(null as unknown as { date: string; half: 'am' }, { date: '2026-10-09', half: 'am' }),
    ).toThrow(/^start: /);
    expect(() => tripLengthDays({ date: '2026-10-09', half: 'am' }, { date: 'x', half: 'am' })).toThrow(
      /^end.date: /,
    );
  });
});
