import { describe, expect, it } from 'vitest';

import {
  actDateOk,
  addCalendarDays,
  checkDate,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatISODate,
  fromDayNumber,
  isISODate,
  isLeapYear,
  isWeekend,
  minutesBetween,
  monthDays,
  parseHHmm,
  parseISODate,
  toDayNumber,
  weekdayOf,
} from './dates';

describe('isLeapYear', () => {
  it('follows the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });
  it('refuses a year that is not an integer 1–9999', () => {
    expect(() => isLeapYear(0)).toThrow(/^year: /);
  });
});

describe('daysInMonth', () => {
  it('knows every month length', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
  it('refuses month 0 and 13', () => {
    expect(() => daysInMonth(2026, 0)).toThrow(/^month: /);
    expect(() => daysInMonth(2026, 13)).toThrow(/^month: /);
  });
});

describe('parseISODate', () => {
  it('parses a real zero-padded date', () => {
    expect(parseISODate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseISODate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it.each([
    '2026-02-30',
    '2026-2-1',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2025-02-29',
    '',
    '20260101',
  ])('refuses %s naming the field', (v) => {
    expect(() => parseISODate(v, 'receivedOn')).toThrow(RangeError);
    expect(() => parseISODate(v, 'receivedOn')).toThrow(/^receivedOn: /);
  });
  it('refuses a non-string and names the default field', () => {
    expect(() => parseISODate(20260101)).toThrow(/^date: /);
  });
});

describe('isISODate', () => {
  it('says whether a value is a valid date', () => {
    expect(isISODate('2026-10-08')).toBe(true);
    expect(isISODate('2026-02-30')).toBe(false);
    expect(isISODate(null)).toBe(false);
  });
});

describe('checkDate', () => {
  it('returns the date or throws naming the field', () => {
    expect(checkDate('2026-01-01', 'today')).toBe('2026-01-01');
    expect(() => checkDate('2026-1-1', 'today')).toThrow(/^today: /);
  });
});

describe('formatISODate', () => {
  it('zero-pads', () => {
    expect(formatISODate(2026, 3, 5)).toBe('2026-03-05');
    expect(formatISODate(9, 1, 1)).toBe('0009-01-01');
  });
  it('refuses a day the month does not have', () => {
    expect(() => formatISODate(2026, 2, 29)).toThrow(/^day: /);
  });
});

describe('toDayNumber / fromDayNumber', () => {
  it('counts from 1970-01-01 and back, across centuries', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    for (const d of ['0001-01-01', '1600-02-29', '1900-03-01', '2000-02-29', '2026-12-31', '9999-12-31']) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    }
  });
  it('refuses a day number outside years 1–9999 or not an integer', () => {
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(/^date: /);
    expect(() => fromDayNumber(toDayNumber('0001-01-01') - 1)).toThrow(/^date: /);
    expect(() => fromDayNumber(0.5)).toThrow(/^date: /);
  });
});

describe('compareDates', () => {
  it('orders dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareDates('2026-01-03', '2026-01-02')).toBe(1);
  });
  it('names the bad side', () => {
    expect(() => compareDates('x', '2026-01-01')).toThrow(/^a: /);
    expect(() => compareDates('2026-01-01', 'x')).toThrow(/^b: /);
  });
});

describe('addCalendarDays', () => {
  it('crosses month and year ends, and goes back with negative days', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-03-01', 0)).toBe('2026-03-01');
  });
  it('refuses a fractional count and a result past 9999', () => {
    expect(() => addCalendarDays('2026-03-01', 1.5)).toThrow(/^days: /);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(/^date: /);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });
});

describe('dayOfWeek / weekdayOf / isWeekend', () => {
  it('knows the weekday, Sunday = 0', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('2026-09-20')).toBe(0);
    expect(weekdayOf(-1)).toBe(3);
    expect(weekdayOf(-7)).toBe(4);
  });
  it('says Saturday and Sunday are weekend days, whatever the calendar', () => {
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-09-20')).toBe(true);
    expect(isWeekend('2026-10-08')).toBe(false);
  });
});

describe('monthDays', () => {
  it('lists every day of the month', () => {
    const feb = monthDays(2024, 2);
    expect(feb).toHaveLength(29);
    expect(feb[0]).toBe('2024-02-01');
    expect(feb[28]).toBe('2024-02-29');
  });
});

describe('parseHHmm', () => {
  it('gives minutes since midnight', () => {
    expect(parseHHmm('00:00')).toBe(0);
    expect(parseHHmm('14:30')).toBe(870);
    expect(parseHHmm('23:59')).toBe(1439);
  });
  it.each(['25:00', '24:00', '12:60', 'ab', '8:00', '08:0', '', '08:00:00'])(
    'refuses %s naming the field',
    (v) => {
      expect(() => parseHHmm(v, 'signedAt')).toThrow(RangeError);
      expect(() => parseHHmm(v, 'signedAt')).toThrow(/^signedAt: /);
    },
  );
  it('refuses a non-string with the default field name', () => {
    expect(() => parseHHmm(800)).toThrow(/^time: /);
  });
});

describe('minutesBetween', () => {
  it('counts minutes, negative when earlier', () => {
    expect(minutesBetween('08:00', '08:16')).toBe(16);
    expect(minutesBetween('12:00', '11:41')).toBe(-19);
  });
  it('names the bad side', () => {
    expect(() => minutesBetween('8', '08:00')).toThrow(/^from: /);
    expect(() => minutesBetween('08:00', '8')).toThrow(/^to: /);
  });
});

describe('actDateOk', () => {
  it('accepts a date of an act up to today, today included', () => {
    expect(actDateOk('2026-09-01', '2026-09-02')).toBe(true);
    expect(actDateOk('2026-09-02', '2026-09-02')).toBe(true);
    expect(actDateOk('2025-12-31', '2026-01-01')).toBe(true);
  });
  it('refuses a date after today', () => {
    expect(actDateOk('2026-09-03', '2026-09-02')).toBe(false);
    expect(actDateOk('2027-01-01', '2026-12-31')).toBe(false);
  });
  it('names the bad side', () => {
    expect(() => actDateOk('2026-02-30', '2026-03-01')).toThrow(/^date: /);
    expect(() => actDateOk('2026-03-01', '')).toThrow(/^today: /);
  });
});
