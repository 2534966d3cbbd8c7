import { describe, expect, it } from 'vitest';

import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import type { HalfDay } from './leave';
import {
  afterTheFact,
  LEAVE_TYPES,
  leaveCloseDue,
  leaveCloseOverdue,
  leaveCoversWorkday,
  leaveLengthDays,
  leaveSessions,
  leaveTypeInfo,
  sessionsOverlap,
} from './leave';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2026]);
const am = (date: string): HalfDay => ({ date, half: 'am' });
const pm = (date: string): HalfDay => ({ date, half: 'pm' });

describe('LEAVE_TYPES', () => {
  it('lists the eight LV-8 types with labels and sheet codes; only 事假 and 病假 count for awards', () => {
    expect(LEAVE_TYPES.map((t) => `${t.label}:${t.code}`)).toEqual([
      '事假:事',
      '病假:病',
      '年休假:年',
      '婚假:婚',
      '丧假:丧',
      '产假/陪产假:产',
      '探亲假:探',
      '其他:其',
    ]);
    expect(LEAVE_TYPES.filter((t) => t.countsForAwards).map((t) => t.type)).toEqual(['personal', 'sick']);
  });
});

describe('leaveTypeInfo', () => {
  it('finds a type', () => {
    expect(leaveTypeInfo('maternity')).toMatchObject({ label: '产假/陪产假', code: '产' });
  });
  it('refuses an unknown type', () => {
    expect(() => leaveTypeInfo('holiday' as never)).toThrow(/^leaveType: /);
  });
});

describe('leaveSessions', () => {
  it('one morning is one session', () => {
    expect(leaveSessions(am('2026-03-02'), am('2026-03-02'), CAL)).toEqual([am('2026-03-02')]);
  });
  it('Friday afternoon to Monday morning skips the weekend', () => {
    expect(leaveSessions(pm('2026-03-06'), am('2026-03-09'), CAL)).toEqual([
      pm('2026-03-06'),
      am('2026-03-09'),
    ]);
  });
  it('skips the National Day holiday', () => {
    expect(leaveSessions(am('2026-09-30'), pm('2026-10-08'), CAL)).toEqual([
      am('2026-09-30'),
      pm('2026-09-30'),
      am('2026-10-08'),
      pm('2026-10-08'),
    ]);
  });
  it('refuses an end before the start, even by half a day', () => {
    expect(() => leaveSessions(pm('2026-03-02'), am('2026-03-02'), CAL)).toThrow(/^end: /);
    expect(() => leaveSessions(am('2026-03-03'), pm('2026-03-02'), CAL)).toThrow(RangeError);
  });
  it('refuses malformed sessions naming the field', () => {
    expect(() => leaveSessions({ date: '2026-3-2', half: 'am' }, am('2026-03-02'), CAL)).toThrow(
      /^start\.date: /,
    );
    expect(() => leaveSessions(am('2026-03-02'), { date: '2026-03-02', half: 'noon' as never }, CAL)).toThrow(
      /^end\.half: /,
    );
    expect(() => leaveSessions(null as never, am('2026-03-02'), CAL)).toThrow(/^start: /);
  });
});

describe('leaveLengthDays', () => {
  it('half a day and a full day', () => {
    expect(leaveLengthDays(am('2026-03-02'), am('2026-03-02'), CAL)).toBe(0.5);
    expect(leaveLengthDays(am('2026-03-02'), pm('2026-03-02'), CAL)).toBe(1);
  });
  it('Friday PM to Monday AM is 1 day', () => {
    expect(leaveLengthDays(pm('2026-03-06'), am('2026-03-09'), CAL)).toBe(1);
  });
  it('1.5 days', () => {
    expect(leaveLengthDays(am('2026-03-02'), am('2026-03-03'), CAL)).toBe(1.5);
  });
  it('a make-up Saturday counts', () => {
    expect(leaveLengthDays(am('2026-02-13'), pm('2026-02-14'), CAL)).toBe(2);
  });
  it('a span inside the Spring Festival holiday is 0', () => {
    expect(leaveLengthDays(am('2026-02-16'), pm('2026-02-20'), CAL)).toBe(0);
  });
});

describe('leaveCoversWorkday', () => {
  it('false when the span holds no working half-day (请假时段内没有工作日)', () => {
    expect(leaveCoversWorkday(am('2026-03-07'), pm('2026-03-08'), CAL)).toBe(false);
  });
  it('true as soon as one working half-day is in', () => {
    expect(leaveCoversWorkday(pm('2026-03-08'), am('2026-03-09'), CAL)).toBe(true);
  });
});

describe('sessionsOverlap', () => {
  const span = (s: HalfDay, e: HalfDay) => ({ start: s, end: e });
  it('a morning and the same afternoon do not overlap', () => {
    expect(
      sessionsOverlap(span(am('2026-03-02'), am('2026-03-02')), span(pm('2026-03-02'), pm('2026-03-02'))),
    ).toBe(false);
  });
  it('sharing one half-day overlaps, either way round', () => {
    const a = span(am('2026-03-02'), pm('2026-03-03'));
    const b = span(pm('2026-03-03'), am('2026-03-05'));
    expect(sessionsOverlap(a, b)).toBe(true);
    expect(sessionsOverlap(b, a)).toBe(true);
  });
  it('one inside the other overlaps', () => {
    expect(
      sessionsOverlap(span(am('2026-03-01'), pm('2026-03-31')), span(am('2026-03-10'), am('2026-03-10'))),
    ).toBe(true);
  });
  it('disjoint spans do not overlap', () => {
    expect(
      sessionsOverlap(span(am('2026-03-02'), pm('2026-03-02')), span(am('2026-03-04'), pm('2026-03-04'))),
    ).toBe(false);
  });
  it('refuses a reversed or malformed span naming it', () => {
    expect(() =>
      sessionsOverlap(span(pm('2026-03-02'), am('2026-03-02')), span(am('2026-03-04'), am('2026-03-04'))),
    ).toThrow(/^a\.end: /);
    expect(() =>
      sessionsOverlap(span(am('2026-03-02'), am('2026-03-02')), span(am('x'), am('2026-03-04'))),
    ).toThrow(/^b\.start\.date: /);
    expect(() => sessionsOverlap(null as never, span(am('2026-03-02'), am('2026-03-02')))).toThrow(/^a: /);
    expect(() => sessionsOverlap(span(am('2026-03-02'), am('2026-03-02')), 1 as never)).toThrow(/^b: /);
  });
});

describe('leaveCloseDue', () => {
  it('is the working day after the leave ends', () => {
    expect(leaveCloseDue('2026-03-03', CAL)).toBe('2026-03-04');
    expect(leaveCloseDue('2026-03-06', CAL)).toBe('2026-03-09');
    expect(leaveCloseDue('2026-09-30', CAL)).toBe('2026-10-08');
  });
});

describe('leaveCloseOverdue', () => {
  it('a leave ending Friday may be closed on Monday, is overdue on Tuesday', () => {
    expect(leaveCloseOverdue('2026-03-06', '2026-03-06', CAL)).toBe(false);
    expect(leaveCloseOverdue('2026-03-06', '2026-03-09', CAL)).toBe(false);
    expect(leaveCloseOverdue('2026-03-06', '2026-03-10', CAL)).toBe(true);
  });
  it('a leave ending before the Spring Festival is not overdue during it', () => {
    expect(leaveCloseOverdue('2026-02-13', '2026-02-14', CAL)).toBe(false);
    expect(leaveCloseOverdue('2026-02-13', '2026-02-16', CAL)).toBe(true);
  });
  it('refuses malformed dates naming the field', () => {
    expect(() => leaveCloseOverdue('2026-03-06', '2026-03-32', CAL)).toThrow(/^today: /);
    expect(() => leaveCloseOverdue('2026-3-6', '2026-03-09', CAL)).toThrow(/^start: /);
  });
});

describe('afterTheFact', () => {
  it('a request for a time already begun when it was made is 事后补办 (LV-5)', () => {
    expect(afterTheFact('2026-09-01', '2026-09-02')).toBe(true);
    expect(afterTheFact('2025-12-31', '2026-01-04')).toBe(true);
  });
  it('made on the day itself or before is not', () => {
    expect(afterTheFact('2026-09-02', '2026-09-02')).toBe(false);
    expect(afterTheFact('2026-09-03', '2026-09-02')).toBe(false);
  });
  it('names the bad field', () => {
    expect(() => afterTheFact('2026-9-1', '2026-09-02')).toThrow(/^startDate: /);
    expect(() => afterTheFact('2026-09-01', 'x')).toThrow(/^submittedOn: /);
  });
});
