// §3 Official trips: report-back (TRIP-4) and the travel allowance days.

import type { ISODate } from './dates';
import { checkDate, toDayNumber } from './dates';
import { checkObject, fail } from './validate';

export type TripDates = {
  startDate: ISODate;
  endDate: ISODate;
  reportedOn?: ISODate | null; // the report to the 分管 or 主要领导 after return (TRIP-4)
};

export type TripState = 'upcoming' | 'away' | 'awaiting_report' | 'closed';

function checkTrip(t: TripDates): { start: number; end: number; reported: number | null } {
  const o = checkObject(t, 'trip');
  const start = toDayNumber(o.startDate as ISODate, 'startDate');
  const end = toDayNumber(o.endDate as ISODate, 'endDate');
  if (end < start) fail('endDate', 'must not be before startDate', o.endDate);
  const reported = o.reportedOn == null ? null : toDayNumber(checkDate(o.reportedOn, 'reportedOn'));
  if (reported !== null && reported < start) fail('reportedOn', 'must not be before startDate', o.reportedOn);
  return { start, end, reported };
}

// TRIP-4: a trip stays open (待汇报) until the report back is recorded
export function tripOpen(t: TripDates): boolean {
  return checkTrip(t).reported === null;
}

// TRIP-4: where the trip stands on `today`
export function tripState(t: TripDates, today: ISODate): TripState {
  const { start, end, reported } = checkTrip(t);
  const now = toDayNumber(today, 'today');
  if (reported !== null) return 'closed';
  if (now < start) return 'upcoming';
  return now <= end ? 'away' : 'awaiting_report';
}

// TRIP-1 (registered with the office for the 出差补助): calendar days of the trip, first and last day included
export function tripAllowanceDays(startDate: ISODate, endDate: ISODate): number {
  const days = toDayNumber(endDate, 'endDate') - toDayNumber(startDate, 'startDate');
  if (days < 0) fail('endDate', 'must not be before startDate', endDate);
  return days + 1;
}
