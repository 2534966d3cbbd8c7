// Every read of the leave and trips screens and commands (every index string of the module).
import Dexie from 'dexie';

import type { ISODate } from '../../../../../shared/rules';
import {
  addWorkdays,
  isISODate,
  leaveCloseDue,
  leaveCloseOverdue,
  tripState,
} from '../../../../../shared/rules';
import { canDecide } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { loadCalendar } from '../../../calendar/calendar';
import { today } from '../../../db/clock';
import { db } from '../../../db/db';
import { getLive, live, liveOnly } from '../../../db/live';
import type { Leave, Trip } from '../../../db/schema/attendance';
import type { Staff } from '../../../db/schema/core';
import type { MeetingDecision } from '../../../db/schema/meetings';

const LIVE_LEAVE = new Set<Leave['status']>(['pending', 'approved', 'closed']);
const LIVE_TRIP = new Set<Trip['status']>(['pending', 'approved', 'reported']);

// The person's live requests ending on or after `from` (what a new request must not overlap).
async function personFrom<T extends Leave | Trip>(
  table: Dexie.Table<T, string>,
  keep: Set<T['status']>,
  staffId: string,
  from: string,
): Promise<T[]> {
  if (!staffId || !isISODate(from)) return [];
  const rows = await live(
    table.where('[staffId+endDate]').between([staffId, from], [staffId, Dexie.maxKey], true, true),
  ).toArray();
  return rows.filter((r) => keep.has(r.status));
}

export const personLeavesFrom = (staffId: string, from: string): Promise<Leave[]> =>
  personFrom(db.leaves, LIVE_LEAVE, staffId, from);

export const personTripsFrom = (staffId: string, from: string): Promise<Trip[]> =>
  personFrom(db.trips, LIVE_TRIP, staffId, from);

// TRIP-3: the 局长办公会 decisions a study trip may cite, newest first.
export async function directorOfficeDecisions(limit = 200): Promise<MeetingDecision[]> {
  return live(db.meetingDecisions.orderBy('meetingDate').reverse())
    .filter((m) => m.meetingKind === 'director_office')
    .limit(limit)
    .toArray();
}

// TRIP-3: a study or inspection trip the 局长 has agreed to waits for the office to report it to the
// county leaders (a step outside the system, recorded by the office); each with its request.
export async function tripsAwaitingCountyReport(): Promise<{ trip: Trip; approval: ApprovalRequest }[]> {
  const pending = liveOnly(await db.trips.where('status').equals('pending').toArray());
  const out: { trip: Trip; approval: ApprovalRequest }[] = [];
  for (const trip of pending) {
    if (!trip.reportToCounty || !trip.approvalId) continue;
    const approval = await db.approvals.get(trip.approvalId);
    if (approval?.status === 'pending' && approval.steps[approval.currentStep]?.external)
      out.push({ trip, approval });
  }
  return out;
}

// TRIP-4 says "及时": read like LV-7, the report is due by the working day after the trip's end.
export function reportDue(endDate: ISODate, cal: Parameters<typeof addWorkdays>[2]): ISODate {
  return addWorkdays(endDate, 1, cal);
}

export type RequestKind = 'leave' | 'trip';
export type RequestFilter = { person: string | null; status: string | null; limit: number };

// Records newest first, by person (for those who see everyone's, else one's own) and state, paged
// by the [staffId+endDate], [status+startDate] or startDate index.
export async function listRequests(kind: 'leave', f: RequestFilter): Promise<Leave[]>;
export async function listRequests(kind: 'trip', f: RequestFilter): Promise<Trip[]>;
export async function listRequests(
  kind: RequestKind,
  { person, status, limit }: RequestFilter,
): Promise<(Leave | Trip)[]> {
  const table = kind === 'leave' ? db.leaves : db.trips;
  const keep = (r: Leave | Trip) => !status || r.status === status;
  const page = (c: Dexie.Collection<Leave | Trip, string>) =>
    live(c.reverse()).filter(keep).limit(limit).toArray();
  const t = table as unknown as Dexie.Table<Leave | Trip, string>;
  if (person) return page(t.where('[staffId+endDate]').between([person, ''], [person, '\uffff']));
  if (status)
    return page(t.where('[status+startDate]').between([status, Dexie.minKey], [status, Dexie.maxKey]));
  return page(t.orderBy('startDate'));
}

// The approval of a record and whether the signed-in person may decide its current step.
export async function loadApproval(
  approvalId: string | null | undefined,
  user: { staffId: string; name: string },
): Promise<{ approval?: ApprovalRequest; mayDecide: boolean }> {
  const approval = approvalId ? await db.approvals.get(approvalId) : undefined;
  const mayDecide = approval
    ? (await canDecide(approval, { id: user.staffId, name: user.name })) === null
    : false;
  return { approval, mayDecide };
}

export async function getLeave(id: string): Promise<Leave | undefined> {
  return db.leaves.get(id);
}

export async function getTrip(id: string): Promise<Trip | undefined> {
  return db.trips.get(id);
}

// TRIP-4: whom a trip may be reported to (分管 or 主要领导, not the traveller), and the section's 分管领导 first offered.
export async function reportLeaders(
  trip: Pick<Trip, 'staffId' | 'sectionId'>,
): Promise<{ leaders: Staff[]; sectionDeputy: string | null }> {
  const leaders = liveOnly(await db.staff.toArray()).filter(
    (s) => s.active && (s.rank === 'deputy' || s.rank === 'director') && s.id !== trip.staffId,
  );
  const section = await getLive(db.sections, trip.sectionId);
  return { leaders, sectionDeputy: section?.deputyId ?? null };
}

// 待销假 (LV-7) and 待汇报 (TRIP-4): everyone's for those who see all, else one's own.
export async function dueLists(staffId: string | null) {
  const t = today();
  const cal = await loadCalendar();
  const mine = <R extends { staffId: string }>(rows: R[]) =>
    rows.filter((x) => !staffId || x.staffId === staffId);
  const leaves = mine(liveOnly(await db.leaves.where('status').equals('approved').toArray()))
    .filter((l) => l.endDate < t || leaveCloseOverdue(l.endDate, t, cal))
    .map((l) => ({ l, due: leaveCloseDue(l.endDate, cal), overdue: leaveCloseOverdue(l.endDate, t, cal) }))
    .sort((a, b) => a.due.localeCompare(b.due));
  const trips = mine(liveOnly(await db.trips.where('status').equals('approved').toArray()))
    .filter((x) => tripState(x, t) === 'awaiting_report')
    .map((x) => ({ x, due: reportDue(x.endDate, cal), overdue: t > reportDue(x.endDate, cal) }))
    .sort((a, b) => a.due.localeCompare(b.due));
  return { leaves, trips };
}

// 工作台: the person's approved leaves and trips ended before `today` (待销假, 待汇报).
export async function personEndedBefore(
  staffId: string,
  on: ISODate,
): Promise<{ leaves: Leave[]; trips: Trip[] }> {
  const ended = <T extends Leave | Trip>(t: Dexie.Table<T, string>) =>
    live(t.where('[staffId+endDate]').between([staffId, Dexie.minKey], [staffId, on], true, false))
      .filter((r) => r.status === 'approved')
      .toArray();
  return { leaves: await ended(db.leaves), trips: await ended(db.trips) };
}

// SUP-4: every approved leave and trip (销假, 外出汇报 deadlines).
export async function approvedRequests(): Promise<{ leaves: Leave[]; trips: Trip[] }> {
  return {
    leaves: liveOnly(await db.leaves.where('status').equals('approved').toArray()),
    trips: liveOnly(await db.trips.where('status').equals('approved').toArray()),
  };
}
