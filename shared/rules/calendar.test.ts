import { describe, expect, it } from 'vitest';

import type { CalendarData } from './calendar';
import {
  addDaysPeriod,
  addMonthsPeriod,
  addWorkdays,
  compileCalendar,
  deadlineProvisional,
  PROVISIONAL_LABEL,
  provisionalDate,
  provisionalReason,
  isWorkday,
  mergeCalendars,
  nextWorkday,
  validateCalendar,
  workdayOnOrAfter,
  workdaysBetween,
} from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2024], BUNDLED_CALENDAR[2025], BUNDLED_CALENDAR[2026]);
const EMPTY: CalendarData = { holidays: [], workdays: [] };

describe('compileCalendar', () => {
  it('builds lookup sets', () => {
    const cc = compileCalendar({ holidays: ['2026-10-01'], workdays: ['2026-10-10'] });
    expect(cc.holidays.has('2026-10-01')).toBe(true);
    expect(cc.workdays.has('2026-10-10')).toBe(true);
  });
  it('refuses a calendar that is not an object, or lists that are not lists', () => {
    expect(() => compileCalendar(null)).toThrow(/^cal: /);
    expect(() => compileCalendar({ holidays: 'x', workdays: [] })).toThrow(/^cal\.holidays: /);
    expect(() => compileCalendar({ holidays: [] })).toThrow(/^cal\.workdays: /);
  });
  it('names the malformed entry', () => {
    expect(() => compileCalendar({ holidays: ['2026-10-01', '2026-02-30'], workdays: [] })).toThrow(
      /^cal\.holidays\[1\]: /,
    );
  });
  it('refuses a date that is both a holiday and a make-up workday', () => {
    expect(() => compileCalendar({ holidays: ['2026-10-10'], workdays: ['2026-10-10'] })).toThrow(
      /^cal: .*both/,
    );
  });
  it('compiles a calendar once, and again when its lists are replaced or grow', () => {
    const cal: CalendarData = { holidays: ['2026-10-01'], workdays: [] };
    const first = compileCalendar(cal);
    expect(compileCalendar(cal)).toBe(first);
    cal.holidays.push('2026-10-02');
    const grown = compileCalendar(cal);
    expect(grown).not.toBe(first);
    expect(grown.holidays.has('2026-10-02')).toBe(true);
    cal.workdays = ['2026-10-10'];
    expect(compileCalendar(cal).workdays.has('2026-10-10')).toBe(true);
    // A replaced list is checked again: a bad entry is still refused.
    cal.holidays = ['2026-10-10'];
    expect(() => compileCalendar(cal)).toThrow(/both/);
    expect(() => compileCalendar(cal)).toThrow(/both/);
  });
});

describe('validateCalendar', () => {
  it('accepts the bundled years and throws for bad data', () => {
    expect(() => validateCalendar(CAL)).not.toThrow();
    expect(() => validateCalendar({ holidays: ['2026-1-1'], workdays: [] })).toThrow(RangeError);
  });
});

describe('isWorkday', () => {
  it('an ordinary weekday works, an ordinary weekend does not', () => {
    expect(isWorkday('2026-03-02', CAL)).toBe(true);
    expect(isWorkday('2026-03-07', CAL)).toBe(false);
    expect(isWorkday('2026-03-08', CAL)).toBe(false);
  });
  it('a statutory holiday on a weekday is off', () => {
    expect(isWorkday('2026-10-05', CAL)).toBe(false);
    expect(isWorkday('2026-02-16', CAL)).toBe(false);
  });
  it('a make-up Saturday or Sunday works', () => {
    expect(isWorkday('2026-02-14', CAL)).toBe(true);
    expect(isWorkday('2026-02-28', CAL)).toBe(true);
    expect(isWorkday('2026-09-20', CAL)).toBe(true);
    expect(isWorkday('2026-10-10', CAL)).toBe(true);
  });
  it('without calendar data only weekends are off', () => {
    expect(isWorkday('2026-10-05', EMPTY)).toBe(true);
    expect(isWorkday('2026-02-14', EMPTY)).toBe(false);
  });
  it('refuses a malformed date', () => {
    expect(() => isWorkday('2026-02-30', CAL)).toThrow(/^date: /);
  });
});

describe('workdayOnOrAfter', () => {
  it('keeps a working day and moves a day off forward', () => {
    expect(workdayOnOrAfter('2026-10-08', CAL)).toBe('2026-10-08');
    expect(workdayOnOrAfter('2026-10-01', CAL)).toBe('2026-10-08');
    expect(workdayOnOrAfter('2026-03-07', CAL)).toBe('2026-03-09');
  });
});

describe('nextWorkday', () => {
  it('is the first working day strictly after the date', () => {
    expect(nextWorkday('2026-03-06', CAL)).toBe('2026-03-09');
    expect(nextWorkday('2026-09-30', CAL)).toBe('2026-10-08');
    expect(nextWorkday('2026-02-13', CAL)).toBe('2026-02-14');
  });
});

describe('addDaysPeriod', () => {
  it('counts from the day after the start; a working last day stays', () => {
    expect(addDaysPeriod('2026-01-01', 15, CAL)).toBe('2026-01-16');
  });
  it('a last day on a weekend moves to Monday', () => {
    expect(addDaysPeriod('2026-03-06', 15, CAL)).toBe('2026-03-23');
  });
  it('a last day in the National Day holiday moves to the first day after it', () => {
    expect(addDaysPeriod('2026-09-20', 15, CAL)).toBe('2026-10-08');
  });
  it('a last day on a make-up Saturday stays', () => {
    expect(addDaysPeriod('2026-01-30', 15, CAL)).toBe('2026-02-14');
    expect(addDaysPeriod('2026-02-13', 15, CAL)).toBe('2026-02-28');
  });
  it('zero days is the start itself, moved when not a working day', () => {
    expect(addDaysPeriod('2026-03-02', 0, CAL)).toBe('2026-03-02');
    expect(addDaysPeriod('2026-03-07', 0, CAL)).toBe('2026-03-09');
  });
  it('refuses negative or fractional days and a bad start', () => {
    expect(() => addDaysPeriod('2026-03-02', -1, CAL)).toThrow(/^days: /);
    expect(() => addDaysPeriod('2026-03-02', 1.5, CAL)).toThrow(/^days: /);
    expect(() => addDaysPeriod('2026-3-2', 1, CAL)).toThrow(/^start: /);
    expect(() => addDaysPeriod('2026-03-02', 1, { holidays: [] } as unknown as CalendarData)).toThrow(
      /^cal\./,
    );
  });
});

describe('addMonthsPeriod', () => {
  it('Jan 31 + 1 month is the last day of February: 2026-02-28 is a make-up Saturday and stays', () => {
    expect(addMonthsPeriod('2026-01-31', 1, CAL)).toBe('2026-02-28');
  });
  it('Jan 31 + 1 month in a leap year is Feb 29 (a Thursday)', () => {
    expect(addMonthsPeriod('2024-01-31', 1, CAL)).toBe('2024-02-29');
  });
  it('Jan 31 + 1 month without a make-up day moves an ordinary Saturday forward', () => {
    expect(addMonthsPeriod('2026-01-31', 1, EMPTY)).toBe('2026-03-02');
  });
  it('the same day-number when the month has it', () => {
    expect(addMonthsPeriod('2026-03-15', 1, CAL)).toBe('2026-04-15');
    expect(addMonthsPeriod('2026-08-31', 1, CAL)).toBe('2026-09-30');
  });
  it('a last day in a holiday moves past it', () => {
    expect(addMonthsPeriod('2026-09-01', 1, CAL)).toBe('2026-10-08');
    expect(addMonthsPeriod('2026-04-04', 1, CAL)).toBe('2026-05-06');
  });
  it('crosses the year end', () => {
    // Feb 2026 has no 31st: its last day, the make-up Saturday 2026-02-28, which stays
    expect(addMonthsPeriod('2025-12-31', 2, CAL)).toBe('2026-02-28');
    expect(addMonthsPeriod('2025-11-30', 13, CAL)).toBe('2026-12-30');
  });
  it('refuses negative or fractional months and a result past 9999', () => {
    expect(() => addMonthsPeriod('2026-01-31', -1, CAL)).toThrow(/^months: /);
    expect(() => addMonthsPeriod('2026-01-31', 0.5, CAL)).toThrow(/^months: /);
    expect(() => addMonthsPeriod('9999-12-01', 1, CAL)).toThrow(/^months: /);
    expect(() => addMonthsPeriod('2026/01/31', 1, CAL)).toThrow(/^start: /);
  });
});

describe('workdaysBetween', () => {
  it('counts both ends', () => {
    expect(workdaysBetween('2026-03-02', '2026-03-06', CAL)).toBe(5);
    expect(workdaysBetween('2026-03-02', '2026-03-02', CAL)).toBe(1);
    expect(workdaysBetween('2026-03-07', '2026-03-07', CAL)).toBe(0);
  });
  it('February 2026: holidays out, both make-up Saturdays in', () => {
    expect(workdaysBetween('2026-02-01', '2026-02-28', CAL)).toBe(16);
  });
  it('the whole of 2026', () => {
    // 261 weekdays − 19 weekdays off + 6 make-up days
    expect(workdaysBetween('2026-01-01', '2026-12-31', CAL)).toBe(248);
  });
  it('refuses a last day before the first', () => {
    expect(() => workdaysBetween('2026-03-06', '2026-03-05', CAL)).toThrow(/^last: /);
    expect(() => workdaysBetween('x', '2026-03-05', CAL)).toThrow(/^first: /);
  });
});

describe('addWorkdays', () => {
  it('is the nth working day after the start, start not counted', () => {
    expect(addWorkdays('2026-03-06', 5, CAL)).toBe('2026-03-13');
    expect(addWorkdays('2026-09-28', 5, CAL)).toBe('2026-10-10');
  });
  it('n = 0 is the start itself', () => {
    expect(addWorkdays('2026-03-07', 0, CAL)).toBe('2026-03-07');
  });
  it('refuses a negative n', () => {
    expect(() => addWorkdays('2026-03-07', -1, CAL)).toThrow(/^n: /);
  });
});

describe('mergeCalendars', () => {
  it('joins years, sorted and without duplicates', () => {
    const m = mergeCalendars(BUNDLED_CALENDAR[2026], BUNDLED_CALENDAR[2026]);
    expect(m.holidays).toEqual([...BUNDLED_CALENDAR[2026].holidays].sort());
    expect(m.workdays).toEqual([...BUNDLED_CALENDAR[2026].workdays].sort());
  });
  it('a later calendar overrides an earlier one for the same date', () => {
    const office = { holidays: ['2026-02-14'], workdays: ['2026-10-05'] };
    const m = mergeCalendars(BUNDLED_CALENDAR[2026], office);
    expect(isWorkday('2026-02-14', m)).toBe(false);
    expect(isWorkday('2026-10-05', m)).toBe(true);
    expect(m.workdays).not.toContain('2026-02-14');
    expect(m.holidays).not.toContain('2026-10-05');
  });
  it('no calendars is an empty calendar', () => {
    expect(mergeCalendars()).toEqual(EMPTY);
  });
  it('names the bad calendar', () => {
    expect(() => mergeCalendars(EMPTY, { holidays: ['x'], workdays: [] })).toThrow(
      /^cals\[1\]\.holidays\[0\]: /,
    );
  });
});

describe('deadlineProvisional', () => {
  const LOADED: CalendarData = { ...CAL, years: [2024, 2025, 2026] };

  it('is final when the due date falls in a loaded year', () => {
    expect(deadlineProvisional('2026-12-31', LOADED)).toEqual({ provisional: false, years: [] });
  });

  it('is provisional when the due date falls in a year with no holidays loaded (2027)', () => {
    // 15 days from 2026-12-20 end in 2027: counted as if 2027 had no holidays.
    const due = addDaysPeriod('2026-12-20', 15, LOADED);
    expect(due).toBe('2027-01-04');
    expect(deadlineProvisional(due, LOADED)).toEqual({ provisional: true, years: [2027] });
  });

  it('names every unloaded year a working-day count runs across', () => {
    expect(deadlineProvisional('2026-03-02', LOADED, '2023-12-30')).toEqual({
      provisional: true,
      years: [2023],
    });
    expect(deadlineProvisional('2029-01-05', LOADED, '2026-12-01')).toEqual({
      provisional: true,
      years: [2027, 2028, 2029],
    });
    expect(
      deadlineProvisional('2027-01-05', { ...LOADED, years: [2026, 2027] }, '2026-12-28').provisional,
    ).toBe(false);
  });

  it('makes no claim for a calendar that does not say which years it covers', () => {
    expect(deadlineProvisional('2030-01-01', CAL)).toEqual({ provisional: false, years: [] });
  });

  it('refuses bad input', () => {
    expect(() => deadlineProvisional('2027-02-30', LOADED)).toThrow(RangeError);
    expect(() => deadlineProvisional('2027-01-05', LOADED, '2028-01-01')).toThrow(/from/);
    expect(() => deadlineProvisional('2027-01-05', LOADED, 'x')).toThrow(/from/);
    expect(() => deadlineProvisional('2027-01-05', { ...LOADED, years: [2026.5] })).toThrow(/years\[0\]/);
    expect(() =>
      deadlineProvisional('2027-01-05', { ...LOADED, years: 'all' as unknown as number[] }),
    ).toThrow(/years/);
    expect(() => deadlineProvisional('2027-01-05', null as unknown as CalendarData)).toThrow(/cal/);
  });
});

describe('provisionalReason and provisionalDate', () => {
  it('write a provisional deadline with its reason, and a final one as the date alone', () => {
    expect(provisionalReason([2027])).toBe('2027年节假日安排尚未导入，期限按无节假日计算，导入后自动重算');
    expect(provisionalReason([2027, 2028])).toContain('2027、2028年');
    expect(provisionalDate('2027-01-12', [2027])).toBe(`2027-01-12（${PROVISIONAL_LABEL}）`);
    expect(provisionalDate('2026-12-21', [])).toBe('2026-12-21');
  });
});
