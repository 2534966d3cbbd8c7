// SUP-4: every running time limit of the bureau in one list, with what is due, overdue and by whom.

import type { CalendarData } from './calendar';
import { addWorkdays } from './calendar';
import type { ISODate } from './dates';
import { toDayNumber } from './dates';
import { checkInteger } from './validate';

export type DeadlineKind =
  | 'petition' // PET-2..5
  | 'circulation' // DOC-2
  | 'leave_close' // LV-7
  | 'loan' // DOC-5
  | 'claim' // FIN-2
  | 'archive' // DOC-6
  | 'trip_report'; // TRIP-4

export type Deadline = { kind: DeadlineKind; refId: string; title: string; due: ISODate; owner?: string };

export type DeadlineState = 'overdue' | 'due_soon' | 'running';

// SUP-4: overdue after the due day; due soon from `soonDays` working days before it, the due day included
export function deadlineState(due: ISODate, today: ISODate, cal: CalendarData, soonDays = 3): DeadlineState {
  const d = toDayNumber(due, 'due');
  const now = toDayNumber(today, 'today');
  const horizon = toDayNumber(addWorkdays(today, checkInteger(soonDays, 'soonDays', 0, 366), cal));
  if (now > d) return 'overdue';
  return d <= horizon ? 'due_soon' : 'running';
}

// SUP-4: the list as the deadline view shows it, by due date (so overdue ones first); stable for ties
export function sortDeadlines<T extends Deadline>(deadlines: readonly T[]): T[] {
  return [...deadlines].sort((a, b) => toDayNumber(a.due, 'due') - toDayNumber(b.due, 'due'));
}

// 办公室职责 7: a car is booked by a request still pending, approved or on the road whose dates
// [plannedStart, plannedEnd] meet the new request's (either end counts). The booking it clashes with.
export type VehicleBooking = { status: string; plannedStart: ISODate; plannedEnd: ISODate };
const BOOKED = ['pending', 'approved', 'out'];
export function vehicleClash<T extends VehicleBooking>(
  bookings: readonly T[],
  plannedStart: ISODate,
  plannedEnd: ISODate,
): T | undefined {
  return bookings.find(
    (t) => BOOKED.includes(t.status) && t.plannedStart <= plannedEnd && plannedStart <= t.plannedEnd,
  );
}
