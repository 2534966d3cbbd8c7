// The bundled work calendar (shared/rules/calendar-data.ts) checked day by day against the
// chinese-days package's data (MIT), an independent transcription of the State Council notices.
import { readFileSync } from 'node:fs';

import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';

import {
  addCalendarDays,
  BUNDLED_CALENDAR,
  calendarByYear,
  isWorkday,
  mergeCalendars,
  parseChineseDaysJson,
} from '../../shared/rules';

describe('bundled calendar', () => {
  for (const year of [2024, 2025, 2026]) {
    it(`agrees with chinese-days on every day of ${year}`, () => {
      const cal = mergeCalendars(BUNDLED_CALENDAR[year]);
      const differences: string[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
        if (isWorkday(d, cal) !== chineseDays.isWorkday(d)) differences.push(d);
      }
      expect(differences).toEqual([]);
    });
  }
});

describe('the chinese-days JSON layout', () => {
  it('imports dist/years/2026.json as the bundled 2026 calendar', () => {
    const json: unknown = JSON.parse(
      readFileSync(require.resolve('chinese-days/dist/years/2026.json'), 'utf8'),
    );
    const parsed = parseChineseDaysJson(json)!;
    expect(parsed.problems).toEqual([]);
    expect(calendarByYear(parsed.days).get(2026)).toEqual(BUNDLED_CALENDAR[2026]);
  });
});
