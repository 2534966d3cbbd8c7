// Leave (请销假, LV-*) and official trips (因公外出, TRIP-*): request, route, approval through the
// engine, 销假 and the report back, the slip's printed and filed state. Every rule is checked here;
// the forms show the same checks before submitting.
import Dexie from 'dexie';
import type { Table } from 'dexie';

import type { CalendarData, Half, ISODate, LeaveType, Rank, Route, RuleId } from '../../../../shared/rules';
import {
  addWorkdays,
  afterTheFact as startedBefore,
  isISODate,
  leaveCloseDue,
  leaveCloseOverdue,
  leaveCoversWorkday,
  leaveLengthDays,
  leaveRoute,
  leaveTypeInfo,
  LEAVE_TYPES,
  ruleText,
  sessionsOverlap,
  tripAllowanceDays,
  tripLengthDays,
  tripRoute,
  tripState,
} from '../../../../shared/rules';
import { APPROVER_LABELS, outcomeOf, resolveRouteSteps, submitApproval } from '../../approvals/engine';
import type { StepSpec } from '../../approvals/engine';
import type { ApprovalRequest } from '../../approvals/types';
import { loadCalendar } from '../../calendar/calendar';
import { requireActDate } from '../../db/actDate';
import { nowIso, today } from '../../db/clock';
import { db } from '../../db/db';
import { DomainError, insert, logEvent, update, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { Leave, Trip, TripKind } from '../../db/schema/attendance';
import type { Staff } from '../../db/schema/core';
import type { MeetingDecision } from '../../db/schema/meetings';
import { actorCan } from '../attendance/access';

import { HALF_LABELS, L, LEAVE_STATUS_LABELS, TRIP_KIND_LABELS } from './labels';

// ---------------------------------------------------------------- common

export type FieldErrors = Partial<Record<string, string>>;

const LIVE_LEAVE = new Set<Leave['status']>(['pending', 'approved', 'closed']);
const LIVE_TRIP = new Set<Trip['status']>(['pending', 'approved', 'reported']);

export function spanText(r: { startDate: ISODate; startHalf: Half; endDate: ISODate; endHalf: Half }): string {
  return `${r.startDate}${HALF_LABELS[r.startHalf]}至${r.endDate}${HALF_LABELS[r.endHalf]}`;
}

function firstError(errors: FieldErrors, ruleOf: Partial<Record<string, RuleId>> = {}): DomainError | null {
  const field = Object.keys(errors)[0];
  return field ? new DomainError(errors[field]!, field, ruleOf[field]) : null;
}

async function nextSeq<T extends { seq: number }>(table: Table<T, string>, year: number): Promise<number> {
  const last = await table.where('[year+seq]').between([year, Dexie.minKey], [year, Dexie.maxKey]).last();
  return (last?.seq ?? 0) + 1;
}

export function stepsText(steps: (StepSpec & { approverName?: string })[], names: Map<string, string>): string {
  if (steps.length === 0) return '向办公室登记即可（无需审批）';
  return steps.map((s) => (s.approverId ? `${s.label}（${names.get(s.approverId) ?? ''}）` : s.label)).join(' → ');
}

async function namesOf(steps: StepSpec[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const s of steps) if (s.approverId) names.set(s.approverId, (await db.staff.get(s.approverId))?.name ?? '');
  return names;
}

async function sectionName(staff: Staff): Promise<string> {
  return staff.sectionId ? ((await db.sections.get(staff.sectionId))?.name ?? '') : '局领导';
}

async function applicantFor(staffId: string, actor: Actor, field: string): Promise<Staff> {
  const s = staffId ? await db.staff.get(staffId) : undefined;
  if (!s || s.deletedAt || !s.active) throw new DomainError(field === 'staffId' ? L.msg.noApplicant : L.msg.noTraveller, 'staffId');
  // Someone else's request is an oral request recorded by whoever received it.
  if (actor.id !== s.id && !(await actorCan(actor, 'leave.recordOral'))) throw new DomainError(L.msg.onlySelf, 'staffId', 'LV-1');
  return s;
}

// ---------------------------------------------------------------- leave

export type LeaveDraft = {
  staffId: string;
  leaveType: LeaveType | '';
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
  reason: string;
  afterTheFact?: boolean;
};

// The form's checks, field by field (also the repository's): the length in working half-days.
export function checkLeaveDraft(d: LeaveDraft, cal: CalendarData, others: Leave[]): { errors: FieldErrors; days: number | null } {
  const errors: FieldErrors = {};
  if (!d.staffId) errors.staffId = L.msg.noApplicant;
  if (!d.leaveType) errors.leaveType = L.msg.noType;
  if (!isISODate(d.startDate)) errors.start = L.msg.noStart;
  if (!isISODate(d.endDate)) errors.end = L.msg.noEnd;
  let days: number | null = null;
  if (!errors.start && !errors.end) {
    const start = { date: d.startDate, half: d.startHalf };
    const end = { date: d.endDate, half: d.endHalf };
    if (d.endDate < d.startDate || (d.endDate === d.startDate && d.startHalf === 'pm' && d.endHalf === 'am')) {
      errors.end = L.msg.endBeforeStart;
    } else if (!leaveCoversWorkday(start, end, cal)) {
      errors.end = L.msg.noWorkday;
    } else {
      days = leaveLengthDays(start, end, cal);
      const clash = others.find((o) => LIVE_LEAVE.has(o.status) && !o.deletedAt && sessionsOverlap(
        { start, end },
        { start: { date: o.startDate, half: o.startHalf }, end: { date: o.endDate, half: o.endHalf } },
      ));
      if (clash) errors.start = `与已有请假 ${clash.number}（${spanText(clash)}）时间重叠`;
    }
  }
  if (!d.reason.trim()) errors.reason = L.msg.noReason;
  return { errors, days };
}

const LEAVE_FIELD_RULES: Partial<Record<string, RuleId>> = { end: 'LV-1', start: 'LV-1' };

export async function personLeavesFrom(staffId: string, from: ISODate): Promise<Leave[]> {
  if (!staffId || !isISODate(from)) return [];
  return db.leaves.where('[staffId+endDate]').between([staffId, from], [staffId, Dexie.maxKey], true, true).toArray();
}

// LV-1..5: which rules routed it.
export function leaveRuleIds(rank: Rank, days: number, route: Route, steps: StepSpec[], afterTheFact: boolean): string[] {
  const ids = [days <= 0.5 ? 'LV-1' : days <= 1 ? 'LV-2' : 'LV-3'];
  // The table itself moves a section head's half day to the deputy; resolveRouteSteps moves the rest.
  const moved =
    rank === 'deputy' ||
    rank === 'director' ||
    (rank === 'section_head' && days <= 0.5) ||
    steps.length !== route.approvers.length ||
    steps.some((s, i) => s.key !== route.approvers[i]);
  if (moved) ids.push('LV-4');
  if (afterTheFact) ids.push('LV-5');
  return ids;
}

export type LeavePreview = {
  errors: FieldErrors;
  days: number | null;
  route?: Route;
  steps?: StepSpec[];
  ruleIds?: string[];
  routeText?: string;
  afterTheFact?: boolean;
  routeError?: string;
};

// What the form shows before 提交: length, route with the people, rule IDs.
export async function previewLeave(d: LeaveDraft): Promise<LeavePreview> {
  const cal = await loadCalendar();
  const others = await personLeavesFrom(d.staffId, d.startDate);
  const { errors, days } = checkLeaveDraft(d, cal, others);
  if (days === null || !d.staffId) return { errors, days };
  const applicant = await db.staff.get(d.staffId);
  if (!applicant) return { errors, days };
  const route = leaveRoute(applicant.rank, days);
  const afterTheFact = !!d.afterTheFact || startedBefore(d.startDate, today());
  try {
    const steps = await resolveRouteSteps(route, applicant);
    return {
      errors,
      days,
      route,
      steps,
      ruleIds: leaveRuleIds(applicant.rank, days, route, steps, afterTheFact),
      routeText: stepsText(steps, await namesOf(steps)),
      afterTheFact,
    };
  } catch (e) {
    return { errors, days, route, routeError: (e as Error).message };
  }
}

export async function submitLeave(d: LeaveDraft, actor: Actor): Promise<Leave> {
  const applicant = await applicantFor(d.staffId, actor, 'staffId');
  const cal = await loadCalendar();
  const { errors, days } = checkLeaveDraft(d, cal, await personLeavesFrom(d.staffId, d.startDate));
  const err = firstError(errors, LEAVE_FIELD_RULES);
  if (err || days === null) throw err;
  const route = leaveRoute(applicant.rank, days);
  const steps = await resolveRouteSteps(route, applicant);
  const afterTheFact = !!d.afterTheFact || startedBefore(d.startDate, today());
  const ruleIds = leaveRuleIds(applicant.rank, days, route, steps, afterTheFact);
  const secName = await sectionName(applicant);
  const info = leaveTypeInfo(d.leaveType as LeaveType);
  const year = Number(today().slice(0, 4));
  return writeTx([db.leaves, db.approvals, db.staff], async () => {
    // Again inside the transaction: two requests typed at once must not overlap either.
    const again = checkLeaveDraft(d, cal, await personLeavesFrom(d.staffId, d.startDate));
    const e2 = firstError(again.errors, LEAVE_FIELD_RULES);
    if (e2) throw e2;
    const seq = await nextSeq(db.leaves, year);
    const number = `请〔${year}〕${seq}号`;
    const leave = await insert(
      db.leaves,
      {
        staffId: applicant.id,
        staffName: applicant.name,
        sectionId: applicant.sectionId,
        sectionName: secName,
        leaveType: info.type,
        startDate: d.startDate,
        startHalf: d.startHalf,
        endDate: d.endDate,
        endHalf: d.endHalf,
        days,
        reason: d.reason.trim(),
        form: route.form,
        ruleIds,
        afterTheFact,
        recordedById: actor.id === applicant.id ? null : actor.id,
        recordedByName: actor.id === applicant.id ? '' : actor.name,
        status: 'pending',
        approvalId: null,
        year,
        seq,
        number,
      },
      actor,
      `${afterTheFact ? '事后补办' : ''}请假申请 ${number}`,
    );
    const req = await submitApproval(
      {
        kind: 'leave',
        refTable: 'leaves',
        refId: leave.id,
        title: `${applicant.name} ${info.label}${days}天（${number}）`,
        applicant,
        form: route.form,
        ruleIds,
        steps,
      },
      actor,
    );
    return update(db.leaves, leave.id, { approvalId: req.id }, actor);
  });
}

// The engine's handler: the leave follows its request.
export async function onLeaveApprovalFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const leave = await db.leaves.get(req.refId);
  if (!leave || leave.status !== 'pending') return;
  const status = outcomeOf(req);
  await update(db.leaves, leave.id, { status }, actor, `请假${LEAVE_STATUS_LABELS[status]}`);
}

// LV-7 销假: by the person or the office; late needs an explanation.
export async function closeLeave(id: string, note: string, actor: Actor): Promise<Leave> {
  const cal = await loadCalendar();
  const office = (await actorCan(actor, 'leave.recordOral')) || (await actorCan(actor, 'attendance.register'));
  return writeTx([db.leaves], async () => {
    const leave = await db.leaves.get(id);
    if (!leave || leave.deletedAt) throw new DomainError('请假记录不存在');
    if (leave.status !== 'approved') throw new DomainError('只有已批准、尚未销假的请假可以销假', 'closeNote', 'LV-7');
    if (leave.staffId !== actor.id && !office) throw new DomainError('只能由本人或办公室办理销假', 'closeNote', 'LV-7');
    const on = today();
    const late = leaveCloseOverdue(leave.endDate, on, cal);
    if (late && !note.trim()) throw new DomainError(L.msg.closeNoteRequired, 'closeNote', 'LV-7');
    return update(
      db.leaves,
      id,
      { status: 'closed', closedOn: on, closedById: actor.id, closedByName: actor.name, closedLate: late, closeNote: note.trim() },
      actor,
      late ? `逾期销假：${note.trim()}` : '销假',
    );
  });
}

export function closeDue(leave: Pick<Leave, 'endDate'>, cal: CalendarData): ISODate {
  return leaveCloseDue(leave.endDate, cal);
}

// LV-6: the slip was printed (every print is logged; the first sets 已打印).
export async function markSlipPrinted(id: string, actor: Actor): Promise<void> {
  await writeTx([db.leaves], async () => {
    const leave = await db.leaves.get(id);
    if (!leave) return;
    if (!leave.printedAt) await update(db.leaves, id, { printedAt: nowIso(), printedById: actor.id }, actor, '打印请假申报条');
    else await logEvent('leaves', id, '再次打印请假申报条', actor);
  });
}

// LV-6: the signed slip is filed with the office (存档备查).
export async function markSlipFiled(id: string, actor: Actor): Promise<Leave> {
  if (!(await actorCan(actor, 'attendance.register'))) throw new DomainError('只有办公室可以登记存档', 'file', 'LV-6');
  return writeTx([db.leaves], async () => {
    const leave = await db.leaves.get(id);
    if (!leave) throw new DomainError('请假记录不存在');
    if (leave.status !== 'approved' && leave.status !== 'closed') throw new DomainError('请假批准后才能存档', 'file', 'LV-6');
    if (leave.filedAt) return leave;
    return update(db.leaves, id, { filedAt: nowIso(), filedById: actor.id }, actor, '请假申报条已存档');
  });
}

export const LEAVE_TYPE_OPTIONS = LEAVE_TYPES.map((t) => ({ value: t.type, label: t.label }));

// ---------------------------------------------------------------- trips

export type TripDraft = {
  staffId: string;
  tripKind: TripKind | '';
  destination: string;
  purpose: string;
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
  decisionId: string | null;
  afterTheFact?: boolean; // could not ask before leaving (TRIP-1 wants it before; LV-5 by analogy)
};

export function checkTripDraft(d: TripDraft, others: Trip[], decision: MeetingDecision | null | undefined): { errors: FieldErrors; days: number | null } {
  const errors: FieldErrors = {};
  if (!d.staffId) errors.staffId = L.msg.noTraveller;
  if (!d.tripKind) errors.tripKind = '请选择外出类型';
  if (!d.destination.trim()) errors.destination = L.msg.noDestination;
  if (!isISODate(d.startDate)) errors.start = L.msg.noStart;
  if (!isISODate(d.endDate)) errors.end = L.msg.noEnd;
  let days: number | null = null;
  if (!errors.start && !errors.end) {
    const start = { date: d.startDate, half: d.startHalf };
    const end = { date: d.endDate, half: d.endHalf };
    if (d.endDate < d.startDate || (d.endDate === d.startDate && d.startHalf === 'pm' && d.endHalf === 'am')) {
      errors.end = L.msg.endBeforeStart;
    } else {
      days = tripLengthDays(start, end);
      const clash = others.find((o) => LIVE_TRIP.has(o.status) && !o.deletedAt && sessionsOverlap(
        { start, end },
        { start: { date: o.startDate, half: o.startHalf }, end: { date: o.endDate, half: o.endHalf } },
      ));
      if (clash) errors.start = `与已有外出 ${clash.number}（${spanText(clash)}）时间重叠`;
    }
  }
  if (!d.purpose.trim()) errors.purpose = L.msg.noPurpose;
  if (d.tripKind === 'study') {
    if (!d.decisionId) errors.decisionId = L.msg.noDecision;
    else if (!decision || decision.deletedAt || decision.meetingKind !== 'director_office') errors.decisionId = L.msg.badDecision;
  }
  return { errors, days };
}

const TRIP_FIELD_RULES: Partial<Record<string, RuleId>> = { decisionId: 'TRIP-3' };

export async function personTripsFrom(staffId: string, from: ISODate): Promise<Trip[]> {
  if (!staffId || !isISODate(from)) return [];
  return db.trips.where('[staffId+endDate]').between([staffId, from], [staffId, Dexie.maxKey], true, true).toArray();
}

// TRIP-3: the 局长办公会 decisions a study trip may cite, newest first.
export async function directorOfficeDecisions(limit = 200): Promise<MeetingDecision[]> {
  return db.meetingDecisions
    .orderBy('meetingDate')
    .reverse()
    .filter((m) => m.meetingKind === 'director_office' && !m.deletedAt)
    .limit(limit)
    .toArray();
}

// TRIP-1..3: which rules routed it; LV-5 when it is 事后补办 (asked for after the trip began).
export function tripRuleIds(rank: Rank, study: boolean, afterTheFact = false): string[] {
  const ids = study ? ['TRIP-3'] : rank === 'deputy' ? ['TRIP-2'] : ['TRIP-1'];
  if (afterTheFact) ids.push('LV-5');
  return ids;
}

// TRIP-1 wants a trip approved before leaving: one asked for after it began (a start before today,
// or marked so) is 事后补办, like leave under LV-5 — approved like any other, and until approved its
// sessions are not 公出 (TRIP-5 counts approved trips only), so they count as 旷工.
export function tripAfterTheFact(d: Pick<TripDraft, 'startDate' | 'afterTheFact'>, on: ISODate): boolean {
  return !!d.afterTheFact || (isISODate(d.startDate) && startedBefore(d.startDate, on));
}

// Steps of a trip's route; a TRIP-3 trip is also reported to the county leaders (outside the system).
export async function tripSteps(route: Route, applicant: Staff): Promise<StepSpec[]> {
  const steps = await resolveRouteSteps(route, applicant);
  if (route.reportToCounty && !steps.some((s) => s.external)) {
    steps.push({ key: 'county', label: `${APPROVER_LABELS.county}（按干部管理权限报告）`, approverId: null, external: true });
  }
  return steps;
}

export type TripPreview = {
  errors: FieldErrors;
  days: number | null;
  allowanceDays?: number;
  route?: Route;
  steps?: StepSpec[];
  ruleIds?: string[];
  routeText?: string;
  afterTheFact?: boolean;
  routeError?: string;
};

export async function previewTrip(d: TripDraft): Promise<TripPreview> {
  const decision = d.decisionId ? await db.meetingDecisions.get(d.decisionId) : null;
  const { errors, days } = checkTripDraft(d, await personTripsFrom(d.staffId, d.startDate), decision);
  if (days === null || !d.staffId || !d.tripKind) return { errors, days };
  const applicant = await db.staff.get(d.staffId);
  if (!applicant) return { errors, days };
  const route = tripRoute(applicant.rank, days, { outOfRegionStudy: d.tripKind === 'study' });
  const allowanceDays = tripAllowanceDays(d.startDate, d.endDate);
  const afterTheFact = tripAfterTheFact(d, today());
  try {
    const steps = await tripSteps(route, applicant);
    return {
      errors,
      days,
      allowanceDays,
      route,
      steps,
      ruleIds: tripRuleIds(applicant.rank, d.tripKind === 'study', afterTheFact),
      routeText: stepsText(steps, await namesOf(steps)),
      afterTheFact,
    };
  } catch (e) {
    return { errors, days, allowanceDays, route, routeError: (e as Error).message };
  }
}

export async function submitTrip(d: TripDraft, actor: Actor): Promise<Trip> {
  const applicant = await applicantFor(d.staffId, actor, 'traveller');
  const decision = d.decisionId ? await db.meetingDecisions.get(d.decisionId) : null;
  const { errors, days } = checkTripDraft(d, await personTripsFrom(d.staffId, d.startDate), decision);
  const err = firstError(errors, TRIP_FIELD_RULES);
  if (err || days === null) throw err;
  const study = d.tripKind === 'study';
  const route = tripRoute(applicant.rank, days, { outOfRegionStudy: study });
  const steps = await tripSteps(route, applicant);
  const afterTheFact = tripAfterTheFact(d, today());
  const ruleIds = tripRuleIds(applicant.rank, study, afterTheFact);
  const secName = await sectionName(applicant);
  const year = Number(today().slice(0, 4));
  return writeTx([db.trips, db.approvals, db.staff, db.meetingDecisions], async () => {
    const again = checkTripDraft(d, await personTripsFrom(d.staffId, d.startDate), decision);
    const e2 = firstError(again.errors, TRIP_FIELD_RULES);
    if (e2) throw e2;
    const seq = await nextSeq(db.trips, year);
    const number = `外〔${year}〕${seq}号`;
    const trip = await insert(
      db.trips,
      {
        staffId: applicant.id,
        staffName: applicant.name,
        sectionId: applicant.sectionId,
        sectionName: secName,
        tripKind: d.tripKind as TripKind,
        destination: d.destination.trim(),
        purpose: d.purpose.trim(),
        startDate: d.startDate,
        startHalf: d.startHalf,
        endDate: d.endDate,
        endHalf: d.endHalf,
        days,
        allowanceDays: tripAllowanceDays(d.startDate, d.endDate),
        form: route.form,
        routeKind: route.kind,
        ruleIds,
        reportToCounty: route.reportToCounty,
        decisionId: study ? decision!.id : null,
        decisionNumber: study ? decision!.number : null,
        afterTheFact,
        recordedById: actor.id === applicant.id ? null : actor.id,
        recordedByName: actor.id === applicant.id ? '' : actor.name,
        status: 'pending',
        approvalId: null,
        year,
        seq,
        number,
      },
      actor,
      `${afterTheFact ? '事后补办' : ''}外出申请 ${number}`,
    );
    const req = await submitApproval(
      {
        kind: 'trip',
        refTable: 'trips',
        refId: trip.id,
        title: `${afterTheFact ? '【事后补办】' : ''}${applicant.name} ${TRIP_KIND_LABELS[d.tripKind as TripKind]}（${trip.destination}，${days}天，${number}）`,
        applicant,
        form: route.form,
        ruleIds,
        steps,
      },
      actor,
    );
    return update(db.trips, trip.id, { approvalId: req.id }, actor);
  });
}

export async function onTripApprovalFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const trip = await db.trips.get(req.refId);
  if (!trip || trip.status !== 'pending') return;
  const status = outcomeOf(req);
  await update(db.trips, trip.id, { status }, actor, status === 'approved' ? '外出已批准' : '外出未获批准');
}

// TRIP-3: a study or inspection trip the 局长 has agreed to waits for the office to report it to the
// county leaders (a step outside the system, recorded by the office); each with its request.
export async function tripsAwaitingCountyReport(): Promise<{ trip: Trip; approval: ApprovalRequest }[]> {
  const pending = await db.trips.where('status').equals('pending').toArray();
  const out: { trip: Trip; approval: ApprovalRequest }[] = [];
  for (const trip of pending) {
    if (trip.deletedAt || !trip.reportToCounty || !trip.approvalId) continue;
    const approval = await db.approvals.get(trip.approvalId);
    if (approval?.status === 'pending' && approval.steps[approval.currentStep]?.external) out.push({ trip, approval });
  }
  return out;
}

// TRIP-4 says "及时": read like LV-7, the report is due by the working day after the trip's end.
export function tripReportDue(endDate: ISODate, cal: CalendarData): ISODate {
  return addWorkdays(endDate, 1, cal);
}

export type TripReport = { reportedOn: ISODate; reportToId: string; text: string };

// TRIP-4: the report back to the 分管 or 主要领导 closes the trip.
export async function reportTrip(id: string, r: TripReport, actor: Actor): Promise<Trip> {
  const office = await actorCan(actor, 'attendance.register');
  const to = r.reportToId ? await db.staff.get(r.reportToId) : undefined;
  return writeTx([db.trips], async () => {
    const trip = await db.trips.get(id);
    if (!trip || trip.deletedAt) throw new DomainError('外出记录不存在');
    if (trip.status !== 'approved') throw new DomainError('只有已批准、尚未汇报的外出可以登记汇报', 'text', 'TRIP-4');
    if (trip.staffId !== actor.id && !office) throw new DomainError('只能由本人或办公室登记汇报', 'text', 'TRIP-4');
    if (!isISODate(r.reportedOn)) throw new DomainError('请填写汇报日期', 'reportedOn', 'TRIP-4');
    requireActDate(r.reportedOn, 'reportedOn', '汇报日期', 'TRIP-4');
    try {
      tripState({ startDate: trip.startDate, endDate: trip.endDate, reportedOn: r.reportedOn }, today());
    } catch {
      throw new DomainError('汇报日期不能早于外出开始日期', 'reportedOn', 'TRIP-4');
    }
    if (!to || (to.rank !== 'deputy' && to.rank !== 'director')) throw new DomainError(L.msg.reportToRequired, 'reportToId', 'TRIP-4');
    if (!r.text.trim()) throw new DomainError(L.msg.reportTextRequired, 'text', 'TRIP-4');
    return update(
      db.trips,
      id,
      { status: 'reported', reportedOn: r.reportedOn, reportToId: to.id, reportToName: to.name, reportText: r.text.trim() },
      actor,
      `外出汇报（向${to.name}）`,
    );
  });
}

export async function markTripPrinted(id: string, actor: Actor): Promise<void> {
  await writeTx([db.trips], async () => {
    const t = await db.trips.get(id);
    if (!t) return;
    if (!t.printedAt) await update(db.trips, id, { printedAt: nowIso() }, actor, '打印外出审批单');
    else await logEvent('trips', id, '再次打印外出审批单', actor);
  });
}

export function ruleLine(id: string): string {
  try {
    return `${id} ${ruleText(id).text}`;
  } catch {
    return id;
  }
}
