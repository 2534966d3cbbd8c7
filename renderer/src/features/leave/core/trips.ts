// Official trips (因公外出, TRIP-*): request, route, approval through the engine, the report back, the
// 外出审批单's printed state. The checks are shared/rules' checkTripDraft.
import type { CitedDecision, ISODate } from '../../../../../shared/rules';
import {
  checkTripDraft,
  isISODate,
  tripAllowanceDays,
  tripRouting,
  tripState,
} from '../../../../../shared/rules';
import type { ApprovalRequest } from '../../../approvals/types';
import { requireActDate } from '../../../db/actDate';
import { today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isDeleted } from '../../../db/live';
import { DomainError, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Trip, TripKind } from '../../../db/schema/attendance';
import type { Staff } from '../../../db/schema/core';
import type { MeetingDecision } from '../../../db/schema/meetings';
import { noteNumberCopies } from '../../../sync/seqNumbering';
import { L, TRIP_KIND_LABELS } from '../labels';

import type { RequestPreview, Span } from './common';
import { applicantFor, askedAfter, orgSnapshot, previewRequest, refuseDraft, sectionName } from './common';
import { fileRequest, followOutcome, markPrinted } from './filing';
import { personTripsFrom } from './queries';

export type TripDraft = Span & {
  staffId: string;
  tripKind: TripKind | '';
  destination: string;
  purpose: string;
  decisionId: string | null;
  afterTheFact?: boolean; // could not ask before leaving (TRIP-1 wants it before; LV-5 by analogy)
};

function cited(decision: MeetingDecision | null | undefined): CitedDecision | null {
  return decision ? { meetingKind: decision.meetingKind, deleted: isDeleted(decision) } : null;
}

async function checkDraft(d: TripDraft, decision: MeetingDecision | null | undefined) {
  return checkTripDraft(d, await personTripsFrom(d.staffId, d.startDate), cited(decision));
}

async function decisionOf(d: TripDraft): Promise<MeetingDecision | null> {
  return d.decisionId ? ((await db.meetingDecisions.get(d.decisionId)) ?? null) : null;
}

// TRIP-1 wants a trip approved before leaving: one asked for after it began (a start before today,
// or marked so) is 事后补办, like leave under LV-5 — approved like any other, and until approved its
// sessions are not 公出 (TRIP-5 counts approved trips only), so they count as 旷工.
export function tripAfterTheFact(d: Pick<TripDraft, 'startDate' | 'afterTheFact'>, on: ISODate): boolean {
  return askedAfter(d, on);
}

export type TripPreview = RequestPreview & { allowanceDays?: number };

export async function previewTrip(d: TripDraft): Promise<TripPreview> {
  const study = d.tripKind === 'study';
  const p = await previewRequest(
    await checkDraft(d, await decisionOf(d)),
    d,
    (applicant, days, org, after) => tripRouting(applicant.rank, days, study, org, after),
    !!d.tripKind,
  );
  return p.route ? { ...p, allowanceDays: tripAllowanceDays(d.startDate, d.endDate) } : p;
}

type PreparedTrip = { d: TripDraft; applicant: Staff; decision: MeetingDecision | null; sectionName: string };

const fileTrip = defineCommand({
  what: '提交外出申请',
  perm: null,
  tables: (x) => [x.trips, x.approvals, x.staff, x.sections, x.settings, x.meetingDecisions, x.syncState],
  run: async (ctx, { d, applicant, decision, sectionName: secName }: PreparedTrip) => {
    const check = await checkDraft(d, decision);
    refuseDraft(check);
    const days = check.days!;
    const study = d.tripKind === 'study';
    const afterTheFact = tripAfterTheFact(d, today());
    const routing = tripRouting(applicant.rank, days, study, await orgSnapshot(applicant), afterTheFact);
    const { route } = routing;
    const destination = d.destination.trim();
    const trip = await fileRequest(
      {
        table: db.trips,
        kind: 'trip',
        prefix: '外',
        noun: '外出申请',
        d,
        applicant,
        sectionName: secName,
        days,
        afterTheFact,
        routing,
        fields: {
          tripKind: d.tripKind as TripKind,
          destination,
          purpose: d.purpose.trim(),
          allowanceDays: tripAllowanceDays(d.startDate, d.endDate),
          routeKind: route.kind,
          reportToCounty: route.reportToCounty,
          decisionId: study ? decision!.id : null,
          decisionNumber: study ? decision!.number : null,
        },
        title: (number) =>
          `${afterTheFact ? '【事后补办】' : ''}${applicant.name} ${TRIP_KIND_LABELS[d.tripKind as TripKind]}（${destination}，${days}天，${number}）`,
      },
      ctx.actor,
    );
    // the study decision quoted while it was 待编号 takes its number with it (sync/seqNumbering.ts)
    await noteNumberCopies('trips', trip, [
      { field: 'decisionNumber', via: 'decisionId', source: 'meetingDecisions' },
    ]);
    return trip;
  },
});

// TRIP-1..3: the request, routed and submitted to the approval engine.
export async function submitTrip(d: TripDraft, actor: Actor): Promise<Trip> {
  const applicant = await applicantFor(d.staffId, actor, L.msg.noTraveller);
  const decision = await decisionOf(d);
  refuseDraft(await checkDraft(d, decision));
  return fileTrip({ d, applicant, decision, sectionName: await sectionName(applicant) }, actor);
}

export async function onTripApprovalFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  await followOutcome(db.trips, req, actor, (status) =>
    status === 'approved' ? '外出已批准' : '外出未获批准',
  );
}

export { reportDue as tripReportDue } from './queries';

export type TripReport = { reportedOn: ISODate; reportToId: string; text: string };

// TRIP-4: the report back to the 分管 or 主要领导 closes the trip.
export const reportTrip = defineCommand({
  what: '登记外出汇报',
  perm: null,
  tables: (x) => [x.trips, x.staff],
  run: async (ctx, id: string, r: TripReport): Promise<Trip> => {
    const office = ctx.can('attendance.register');
    const trip = await getLive(db.trips, id);
    if (!trip) throw new DomainError('外出记录不存在');
    if (trip.status !== 'approved')
      throw new DomainError('只有已批准、尚未汇报的外出可以登记汇报', 'text', 'TRIP-4');
    if (trip.staffId !== ctx.actor.id && !office)
      throw new DomainError('只能由本人或办公室登记汇报', 'text', 'TRIP-4');
    if (!isISODate(r.reportedOn)) throw new DomainError('请填写汇报日期', 'reportedOn', 'TRIP-4');
    requireActDate(r.reportedOn, 'reportedOn', '汇报日期', 'TRIP-4');
    try {
      tripState({ startDate: trip.startDate, endDate: trip.endDate, reportedOn: r.reportedOn }, today());
    } catch {
      throw new DomainError('汇报日期不能早于外出开始日期', 'reportedOn', 'TRIP-4');
    }
    const to = await getLive(db.staff, r.reportToId);
    if (!to || (to.rank !== 'deputy' && to.rank !== 'director'))
      throw new DomainError(L.msg.reportToRequired, 'reportToId', 'TRIP-4');
    if (!r.text.trim()) throw new DomainError(L.msg.reportTextRequired, 'text', 'TRIP-4');
    return update(
      db.trips,
      id,
      {
        status: 'reported',
        reportedOn: r.reportedOn,
        reportToId: to.id,
        reportToName: to.name,
        reportText: r.text.trim(),
      },
      ctx.actor,
      `外出汇报（向${to.name}）`,
    );
  },
});

export const markTripPrinted = defineCommand({
  what: '打印外出审批单',
  perm: null,
  tables: (x) => [x.trips],
  run: async (ctx, id: string): Promise<void> => markPrinted(db.trips, id, '打印外出审批单', {}, ctx.actor),
});
