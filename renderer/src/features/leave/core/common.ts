// What a leave and an official trip have in common in the data layer: the applicant, the org
// snapshot LV-4 moves up over, the steps with their labels, the request's number.
import type { DraftCheck, Half, ISODate, OrgSnapshot, Route, Routing } from '../../../../../shared/rules';
import { afterTheFact as startedBefore, isISODate, ruleText } from '../../../../../shared/rules';
import { APPROVER_LABELS } from '../../../approvals/engine';
import type { StepSpec } from '../../../approvals/engine';
import { today } from '../../../db/clock';
import { actorCan } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive } from '../../../db/live';
import { DomainError } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import { staffOf } from '../../../db/validate';
import { director } from '../../../org/org';
import { L } from '../labels';

export type FieldErrors = Partial<Record<string, string>>;

// The form's view of a draft check: field → message.
export function fieldErrors(check: DraftCheck): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of check.issues) errors[i.field] ??= i.message;
  return errors;
}

// The repository's refusal: the first issue, with its rule.
export function refuseDraft(check: DraftCheck): void {
  const first = check.issues[0];
  if (first) throw new DomainError(first.message, first.field, first.ruleId);
}

export function stepsText(steps: StepSpec[], names: Map<string, string>): string {
  if (steps.length === 0) return '向办公室登记即可（无需审批）';
  return steps
    .map((s) => (s.approverId ? `${s.label}（${names.get(s.approverId) ?? ''}）` : s.label))
    .join(' → ');
}

export async function namesOf(steps: StepSpec[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const s of steps)
    if (s.approverId) names.set(s.approverId, (await db.staff.get(s.approverId))?.name ?? '');
  return names;
}

export async function sectionName(staff: Staff): Promise<string> {
  return staff.sectionId ? ((await db.sections.get(staff.sectionId))?.name ?? '') : '局领导';
}

async function activeId(id: string | null | undefined): Promise<string | null> {
  const s = await getLive(db.staff, id);
  return s?.active ? s.id : null;
}

// LV-4: who holds each approver level for the applicant now.
export async function orgSnapshot(applicant: Staff): Promise<OrgSnapshot> {
  const section = applicant.sectionId ? await db.sections.get(applicant.sectionId) : undefined;
  return {
    applicantId: applicant.id,
    section_head: await activeId(section?.headId),
    deputy: await activeId(section?.deputyId),
    director: (await director())?.id ?? null,
  };
}

// The approval engine's steps of a routing, labelled.
export function stepsOf(r: Routing): StepSpec[] {
  return r.steps.map((s): StepSpec => {
    if (s.level === 'county') {
      const label = s.countyReport
        ? `${APPROVER_LABELS.county}（按干部管理权限报告）`
        : APPROVER_LABELS.county;
      return { key: 'county', label, approverId: null, external: true };
    }
    return {
      key: s.level,
      label: `${APPROVER_LABELS[s.level]}${r.route.kind === 'report' ? '（报告）' : '审批'}`,
      approverId: s.approverId,
    };
  });
}

export async function applicantFor(staffId: string, actor: Actor, noOne: string): Promise<Staff> {
  const s = await getLive(db.staff, staffId);
  if (!s || !s.active) throw new DomainError(noOne, 'staffId');
  // Someone else's request is an oral request recorded by whoever received it.
  if (actor.id !== s.id && !(await actorCan(actor, 'leave.recordOral')))
    throw new DomainError(L.msg.onlySelf, 'staffId', 'LV-1');
  return s;
}

// LV-5 (and TRIP-1 by analogy): asked for after it began, or marked so.
export function askedAfter(d: { startDate: string; afterTheFact?: boolean }, on: ISODate): boolean {
  return !!d.afterTheFact || (isISODate(d.startDate) && startedBefore(d.startDate, on));
}

// Who recorded a request for someone else (an oral request), or nobody.
export function recordedBy(
  actor: Actor,
  applicant: Staff,
): { recordedById: string | null; recordedByName: string } {
  return actor.id === applicant.id
    ? { recordedById: null, recordedByName: '' }
    : { recordedById: actor.id, recordedByName: actor.name };
}

export type Span = { startDate: string; startHalf: Half; endDate: string; endHalf: Half };

// A rule with its text as the printed slips show it (the screens cite rules with components/RuleCite).
export function ruleLine(id: string): string {
  try {
    return `${id} ${ruleText(id).text}`;
  } catch {
    return id;
  }
}

export type RequestPreview = {
  errors: FieldErrors;
  days: number | null;
  route?: Route;
  steps?: StepSpec[];
  ruleIds?: string[];
  routeText?: string;
  afterTheFact?: boolean;
  routeError?: string;
};

type Routed = (applicant: Staff, days: number, org: OrgSnapshot, afterTheFact: boolean) => Routing;

// What a request's form shows before 提交: the checks, the length, the route with the people.
export async function previewRequest(
  check: DraftCheck,
  d: { staffId: string; startDate: string; afterTheFact?: boolean },
  routed: Routed,
  ready = true,
): Promise<RequestPreview> {
  const errors = fieldErrors(check);
  const { days } = check;
  const applicant = days === null || !ready ? undefined : await staffOf(d.staffId);
  if (days === null || !applicant) return { errors, days };
  const afterTheFact = askedAfter(d, today());
  const r = routed(applicant, days, await orgSnapshot(applicant), afterTheFact);
  const steps = stepsOf(r);
  return {
    errors,
    days,
    route: r.route,
    steps,
    ruleIds: r.ruleIds,
    routeText: stepsText(steps, await namesOf(steps)),
    afterTheFact,
  };
}
