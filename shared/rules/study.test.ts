import { describe, expect, it } from 'vitest';

import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import { fridayStudyDates, studyQuarter, yearEndPapersMissing } from './study';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2026]);

describe('fridayStudyDates', () => {
  it('every working Friday of the month', () => {
    expect(fridayStudyDates(2026, 3, CAL)).toEqual(['2026-03-06', '2026-03-13', '2026-03-20', '2026-03-27']);
  });
  it('a Friday in a holiday has no study', () => {
    expect(fridayStudyDates(2026, 10, CAL)).toEqual(['2026-10-09', '2026-10-16', '2026-10-23', '2026-10-30']);
    expect(fridayStudyDates(2026, 2, CAL)).not.toContain('2026-02-20');
  });
  it('refuses a bad month', () => {
    expect(() => fridayStudyDates(2026, 13, CAL)).toThrow(/^month: /);
  });
});

describe('studyQuarter', () => {
  it('quarters start in January, April, July and October', () => {
    expect(
      ['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(studyQuarter),
    ).toEqual([1, 1, 2, 3, 4, 4]);
  });
  it('refuses a malformed date', () => {
    expect(() => studyQuarter('2026-4-1')).toThrow(/^date: /);
  });
});

describe('yearEndPapersMissing', () => {
  it('lists everyone with no paper, in staff order', () => {
    expect(yearEndPapersMissing(['a', 'b', 'c', 'd'], { a: 1, b: 0, d: 2 })).toEqual(['b', 'c']);
  });
  it('nobody missing', () => {
    expect(yearEndPapersMissing(['a'], { a: 1 })).toEqual([]);
    expect(yearEndPapersMissing([], {})).toEqual([]);
  });
  it('refuses bad input naming the field', () => {
    expect(() => yearEndPapersMissing('a' as never, {})).toThrow(/^staffIds: /);
    expect(() => yearEndPapersMissing([1 as never], {})).toThrow(/^staffIds\[0\]: /);
    expect(() => yearEndPapersMissing(['a'], null as never)).toThrow(/^papersByStaff: /);
    expect(() => yearEndPapersMissing(['a'], { a: -1 })).toThrow(/^papersByStaff\.a: /);
  });
});
