// The work calendar as data (holidays and make-up workdays per year), editable in 系统.
import { useLiveQuery } from 'dexie-react-hooks';

import type { CalendarData } from '../../../shared/rules';
import { db } from '../db/db';

export async function loadCalendar(): Promise<CalendarData> {
  const years = await db.calendars.toArray();
  const live = years.filter((y) => !y.deletedAt);
  return {
    holidays: live.flatMap((y) => y.holidays).sort(),
    workdays: live.flatMap((y) => y.workdays).sort(),
  };
}

export async function calendarYears(): Promise<number[]> {
  const years = await db.calendars.toArray();
  return years.filter((y) => !y.deletedAt).map((y) => y.year).sort();
}

const EMPTY: CalendarData = { holidays: [], workdays: [] };

export function useCalendar(): CalendarData {
  return useLiveQuery(loadCalendar, [], EMPTY);
}
