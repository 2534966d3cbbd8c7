import { describe, expect, it } from 'vitest';

import {
  halfYearOf,
  monthHasDirectorMeeting,
  monthsWithoutMeeting,
  sectionReportDue,
  staffMeetingDay,
} from './meetings';

describe('sectionReportDue', () => {
  it('the 27th, before the 28th, not moved for weekends', () => {
    expect(sectionReportDue(2026, 3)).toBe('2026-03-27');
    expect(sectionReportDue(2026, 2)).toBe('2026-02-27');
    expect(sectionReportDue(2026, 6)).toBe('2026-06-27'); // a Saturday
  });
  it('refuses a bad month', () => {
    expect(() => sectionReportDue(2026, 0)).toThrow(/^month: /);
  });
});

describe('staffMeetingDay', () => {
  it('the 28th', () => {
    expect(staffMeetingDay(2026, 2)).toBe('2026-02-28');
  });
});

describe('monthHasDirectorMeeting', () => {
  const held = ['2026-01-15', '2026-03-02', '2025-02-10'];
  it('true when a meeting fell in the month', () => {
    expect(monthHasDirectorMeeting(held, 2026, 1)).toBe(true);
    expect(monthHasDirectorMeeting(held, 2026, 3)).toBe(true);
  });
  it('false otherwise, the same month of another year included', () => {
    expect(monthHasDirectorMeeting(held, 2026, 2)).toBe(false);
  });
  it('refuses bad input naming the field', () => {
    expect(() => monthHasDirectorMeeting(held, 2026, 13)).toThrow(/^month: /);
    expect(() => monthHasDirectorMeeting(held, 0, 1)).toThrow(/^year: /);
    expect(() => monthHasDirectorMeeting(['2026-1-15'], 2026, 1)).toThrow(/^meetingDates\[0\]: /);
    expect(() => monthHasDirectorMeeting(null as never, 2026, 1)).toThrow(/^meetingDates: /);
  });
});

describe('monthsWithoutMeeting', () => {
  it('lists the months so far without a meeting', () => {
    expect(monthsWithoutMeeting(['2026-01-15', '2026-03-02'], 2026, 4)).toEqual([2, 4]);
    expect(monthsWithoutMeeting([], 2026, 1)).toEqual([1]);
  });
  it('refuses bad input', () => {
    expect(() => monthsWithoutMeeting([], 2026, 0)).toThrow(/^throughMonth: /);
    expect(() => monthsWithoutMeeting([], 10000, 1)).toThrow(/^year: /);
  });
});

describe('halfYearOf', () => {
  it('January–June is 1, July–December is 2', () => {
    expect(halfYearOf('2026-06-30')).toBe(1);
    expect(halfYearOf('2026-07-01')).toBe(2);
  });
});
