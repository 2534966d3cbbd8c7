import { describe, expect, it } from 'vitest';

import { isWorkday, validateCalendar, workdaysBetween } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import { isWeekend } from './dates';

describe('BUNDLED_CALENDAR', () => {
  it('ships 2024, 2025 and 2026, each sound and within its year', () => {
    expect(Object.keys(BUNDLED_CALENDAR).map(Number)).toEqual([2024, 2025, 2026]);
    for (const [year, cal] of Object.entries(BUNDLED_CALENDAR)) {
      expect(() => validateCalendar(cal)).not.toThrow();
      for (const d of [...cal.holidays, ...cal.workdays]) expect(d.startsWith(`${year}-`)).toBe(true);
    }
  });
  it('make-up workdays are all Saturdays or Sundays', () => {
    for (const cal of Object.values(BUNDLED_CALENDAR))
      for (const d of cal.workdays) expect(isWeekend(d)).toBe(true);
  });
  // Each year's notice: days off, days that work (make-up workdays and the day after a holiday), and
  // one more figure of the year.
  it.each([
    {
      notice: '2026 (国办发明电〔2025〕7号)',
      year: 2026,
      off: [
        '2026-01-01',
        '2026-01-02',
        '2026-02-15',
        '2026-02-23',
        '2026-04-06',
        '2026-05-05',
        '2026-06-19',
        '2026-09-25',
        '2026-10-07',
      ],
      on: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10', '2026-10-08'],
      check: () => expect(BUNDLED_CALENDAR[2026].workdays).toHaveLength(6),
    },
    {
      notice: '2025 (国办发明电〔2024〕12号)',
      year: 2025,
      off: ['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-05-05', '2025-06-02', '2025-10-08'],
      on: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      check: () => expect(workdaysBetween('2025-01-01', '2025-12-31', BUNDLED_CALENDAR[2025])).toBe(248),
    },
    {
      notice: '2024 (国办发明电〔2023〕7号)',
      year: 2024,
      off: ['2024-01-01', '2024-02-12', '2024-04-05', '2024-05-03', '2024-06-10', '2024-09-16', '2024-10-07'],
      on: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
      check: () => expect(workdaysBetween('2024-01-01', '2024-12-31', BUNDLED_CALENDAR[2024])).toBe(251),
    },
  ])('$notice', ({ year, off, on, check }) => {
    const c = BUNDLED_CALENDAR[year];
    for (const d of off) expect(isWorkday(d, c)).toBe(false);
    for (const d of on) expect(isWorkday(d, c)).toBe(true);
    check();
  });
});
