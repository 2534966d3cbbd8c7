// The work calendar as data (holidays and make-up workdays per year), editable in 系统.
import { useLiveQuery } from 'dexie-react-hooks';

import type { CalendarData } from '../../../shared/rules';
import { db } from '../db/db';
import { isLive } from '../db/live';

// `years` lists the years whose arrangement is loaded: a deadline counted over another year is
// provisional (暂定, deadlineProvisional) until that year is imported.
export async function loadCalendar(): Promise<CalendarData> {
  const years = await db.calendars.toArray();
  const live = years.filter(isLive);
  return {
    holidays: live.flatMap((y) => y.holidays).sort(),
    workdays: live.flatMap((y) => y.workdays).sort(),
    years: live.map((y) => y.year).sort(),
  };
}

export async function calendarYears(): Promise<number[]> {
  const years = await db.calendars.toArray();
  return years
    .filter(isLive)
    .map((y) => y.year)
    .sort();
}

// While loading: no claim about the years (nothing shows as provisional).
const EMPTY: CalendarData = { holidays: [], workdays: [] };

export function useCalendar(): CalendarData {
  return useLiveQuery(loadCalendar, [], EMPTY);
}
