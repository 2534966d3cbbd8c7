// The one approval engine. A module creates a request with its steps (usually from a route of
// shared/rules), each step is decided by its approver or by a delegate while the approver is away,
// never by the applicant (LV-4), and the module's handler updates its own record in the same
// transaction when the request is finished.
import type { Table } from 'dexie';

import type { Approver, Route } from '../../../shared/rules';
import { today, nowIso } from '../db/clock';
import { syncedTx } from '../db/command';
import { db } from '../db/db';
import { isLive } from '../db/live';
import { DomainError, insert, newId, update } from '../db/repo';
import type { Actor } from '../db/repo';
import type { Staff } from '../db/schema/core';
import { director } from '../org/org';

import { eventsOf } from './events';
import type { ApprovalEvent } from './events';
import type { ApprovalKind, ApprovalRequest, ApprovalStep, StepDecision } from './types';

export type StepSpec = {
  key: string;
  label: string;
  approverId: string | null;
  external?: boolean;
  requiredFields?: string[]; // recorded with an approval of this step, e.g. ['证明人'] (FIN-1)
};

export type ApprovalHandler = {
  // Tables the handler writes when a request finishes (joined to the decision's transaction).
  tables: () => Table[];
  onFinished?: (req: ApprovalRequest, actor: Actor) => Promise<void>;
};

// What a finished request came to: handlers run only for approved, rejected or withdrawn requests,
// and copy this onto their own record.
export type ApprovalOutcome = Exclude<ApprovalRequest['status'], 'pending'>;
export function outcomeOf(req: ApprovalRequest): ApprovalOutcome {
  if (req.status === 'pending') throw new Error(`审批 ${req.id} 尚未结束`);
  return req.status;
}

const handlers = new Map<ApprovalKind, ApprovalHandler>();
export function registerApprovalHandler(kind: ApprovalKind, h: ApprovalHandler): void {
  handlers.set(kind, h);
}

export const APPROVER_LABELS: Record<Approver, string> = {
  section_head: '股室负责人',
  deputy: '分管领导',
  director: '局长',
  county: '县领导（系统外报告）',
};

const LEVEL_UP: Record<Approver, Approver | null> = {
  section_head: 'deputy',
  deputy: 'director',
  director: 'county',
  county: null,
};

async function personFor(level: Approver, applicant: Staff): Promise<Staff | null> {
  if (level === 'county') return null;
  if (level === 'director') return (await director()) ?? null;
  const section = applicant.sectionId ? await db.sections.get(applicant.sectionId) : undefined;
  const id = level === 'section_head' ? section?.headId : section?.deputyId;
  const s = id ? await db.staff.get(id) : undefined;
  return s && s.active && isLive(s) ? s : null;
}

// Turns a route's approver levels into people. A step that would fall on the applicant, or on
// nobody (no head or deputy configured), moves up one level (LV-4). Consecutive steps that land on
// the same person are merged.
export async function resolveRouteSteps(route: Route, applicant: Staff): Promise<StepSpec[]> {
  const out: StepSpec[] = [];
  for (const level of route.approvers) {
    let lv: Approver | null = level;
    let person: Staff | null = null;
    while (lv) {
      if (lv === 'county') break;
      person = await personFor(lv, applicant);
      if (person && person.id !== applicant.id) break;
      person = null;
      lv = LEVEL_UP[lv];
    }
    if (!lv)
      throw new DomainError('找不到审批人：请在“系统—组织”中设置股室负责人、分管领导和局长', 'route', 'LV-4');
    const step: StepSpec =
      lv === 'county'
        ? { key: 'county', label: APPROVER_LABELS.county, approverId: null, external: true }
        : {
            key: lv,
            label: `${APPROVER_LABELS[lv]}${route.kind === 'report' ? '（报告）' : '审批'}`,
            approverId: person!.id,
          };
    const prev = out[out.length - 1];
    if (prev && prev.approverId === step.approverId && !step.external) continue;
    out.push(step);
  }
  return out;
}

export type SubmitInput = {
  kind: ApprovalKind;
  refTable: string;
  refId: string;
  title: string;
  applicant: Staff;
  form: 'oral' | 'written';
  ruleIds: string[];
  steps: StepSpec[];
};

// Call inside writeTx([... db.approvals ...]) together with the module's own record.
export async function submitApproval(input: SubmitInput, actor: Actor): Promise<ApprovalRequest> {
  if (input.steps.some((s) => s.approverId === input.applicant.id)) {
    throw new DomainError('申请人不能审批自己的申请', 'route', 'LV-4');
  }
  const names = new Map<string, string>();
  for (const s of input.steps)
    if (s.approverId) names.set(s.approverId, (await db.staff.get(s.approverId))?.name ?? '');
  const steps: ApprovalStep[] = input.steps.map((s) => ({
    key: s.key,
    label: s.label,
    approverId: s.approverId,
    approverName: s.approverId ? (names.get(s.approverId) ?? '') : '县领导',
    external: s.external,
    ...(s.requiredFields?.length ? { requiredFields: s.requiredFields } : {}),
  }));
  const status = steps.length === 0 ? 'approved' : 'pending';
  const submitted: ApprovalEvent = {
    id: newId(),
    kind: 'submitted',
    stepIndex: 0,
    approverId: steps[0]?.approverId ?? null,
    byId: actor.id,
    byName: actor.name,
    onBehalfOfId: null,
    at: nowIso(),
  };
  const req = await insert(
    db.approvals,
    {
      kind: input.kind,
      refTable: input.refTable,
      refId: input.refId,
      title: input.title,
      applicantId: input.applicant.id,
      applicantName: input.applicant.name,
      form: input.form,
      ruleIds: input.ruleIds,
      steps,
      currentStep: 0,
      status,
      pendingApproverId: steps[0]?.approverId ?? null,
      events: [submitted],
      voidEvents: [],
    },
    actor,
    `提交审批：${input.title}`,
  );
  if (status === 'approved') await finish(req, actor);
  return req;
}

// People for whom `staffId` may decide today (active delegations).
export async function delegatorsOf(staffId: string, on: string = today()): Promise<string[]> {
  const ds = await db.delegations.where('toId').equals(staffId).toArray();
  return ds.filter((d) => isLive(d) && d.startDate <= on && on <= d.endDate).map((d) => d.fromId);
}

export async function canDecide(
  req: ApprovalRequest,
  actor: Actor & { roles?: string[] },
): Promise<string | null> {
  if (req.status !== 'pending') return '该申请已办结';
  const step = req.steps[req.currentStep];
  if (!step) return '该申请已办结';
  if (actor.id === req.applicantId && !step.external) return '申请人不能审批自己的申请（LV-4）';
  if (step.external) return null; // a report outside the system is recorded by the office or the applicant
  if (step.approverId === actor.id) return null;
  const from = await delegatorsOf(actor.id);
  if (step.approverId && from.includes(step.approverId)) return null;
  return `此步骤应由 ${step.approverName} 审批`;
}

export type DecideInput = {
  requestId: string;
  decision: StepDecision;
  comment?: string;
  extra?: Record<string, string>;
};

// What a decision lacks, at its field: an opinion to reject ('comment'), or a field the step must
// record to approve (the field is its own name, e.g. '证明人' at FIN-1's check step). The form asks
// the same before sending, so the refusal shows next to the field it is about.
export function decisionProblem(
  step: Pick<ApprovalStep, 'requiredFields'> | undefined,
  input: Pick<DecideInput, 'decision' | 'comment' | 'extra'>,
  moreFields: readonly string[] = [],
): { field: string; message: string } | null {
  if (input.decision === 'rejected')
    return input.comment?.trim() ? null : { field: 'comment', message: '退回时请填写意见' };
  const missing = [...(step?.requiredFields ?? []), ...moreFields].find((f) => !input.extra?.[f]?.trim());
  return missing ? { field: missing, message: `请填写${missing}` } : null;
}

export async function decide(input: DecideInput, actor: Actor): Promise<ApprovalRequest> {
  const pre = await db.approvals.get(input.requestId);
  if (!pre) throw new DomainError('审批申请不存在');
  const extraTables = handlers.get(pre.kind)?.tables() ?? [];
  return syncedTx([db.approvals, db.staff, db.delegations, ...extraTables], async () => {
    const req = await db.approvals.get(input.requestId);
    if (!req) throw new DomainError('审批申请不存在');
    const refusal = await canDecide(req, actor);
    if (refusal) throw new DomainError(refusal, 'decision', 'LV-4');
    const step = req.steps[req.currentStep];
    const problem = decisionProblem(step, input);
    if (problem) throw new DomainError(problem.message, problem.field);
    const onBehalf = step.approverId && step.approverId !== actor.id && !step.external;
    const at = nowIso();
    const comment = input.comment?.trim() ?? '';
    const event: ApprovalEvent = {
      id: newId(),
      kind: input.decision,
      stepIndex: req.currentStep,
      approverId: step.approverId,
      ...(step.external ? { external: true } : {}),
      byId: actor.id,
      byName: actor.name,
      onBehalfOfId: onBehalf ? step.approverId : null,
      onBehalfOfName: onBehalf ? step.approverName : null,
      at,
      comment,
      ...(input.extra ? { extra: input.extra } : {}),
    };
    const decided: ApprovalStep = {
      ...step,
      decision: input.decision,
      decidedById: actor.id,
      decidedByName: actor.name,
      onBehalfOfId: onBehalf ? step.approverId : null,
      onBehalfOfName: onBehalf ? step.approverName : null,
      comment,
      decidedAt: at,
      extra: input.extra,
    };
    const steps = req.steps.map((s, i) => (i === req.currentStep ? decided : s));
    const next = req.currentStep + 1;
    const finished = input.decision === 'rejected' || next >= steps.length;
    const status = input.decision === 'rejected' ? 'rejected' : finished ? 'approved' : 'pending';
    const updated = await update(
      db.approvals,
      req.id,
      {
        steps,
        currentStep: finished ? steps.length : next,
        status,
        pendingApproverId: finished ? null : steps[next].approverId,
        events: [...eventsOf(req), event],
      },
      actor,
      `${step.label}：${input.decision === 'approved' ? '同意' : '退回'}${onBehalf ? `（代 ${step.approverName}）` : ''}`,
    );
    if (finished) await finish(updated, actor);
    return updated;
  });
}

async function finish(req: ApprovalRequest, actor: Actor) {
  await handlers.get(req.kind)?.onFinished?.(req, actor);
}

// A merge of two PCs' versions finished the request otherwise than this PC had it (sync): the
// module's record follows, as after a decision here. Inside a transaction over every table.
export const finishMerged = finish;

// The request's events with a withdrawal at its waiting step (withdraw, and a module closing a
// pending request, e.g. SEAL-3).
export function withWithdrawal(req: ApprovalRequest, actor: Actor): ApprovalEvent[] {
  return [
    ...eventsOf(req),
    {
      id: newId(),
      kind: 'withdrawn',
      stepIndex: req.currentStep,
      approverId: req.steps[req.currentStep]?.approverId ?? null,
      byId: actor.id,
      byName: actor.name,
      onBehalfOfId: null,
      at: nowIso(),
    },
  ];
}

export async function withdraw(requestId: string, actor: Actor): Promise<ApprovalRequest> {
  const pre = await db.approvals.get(requestId);
  if (!pre) throw new DomainError('审批申请不存在');
  const extraTables = handlers.get(pre.kind)?.tables() ?? [];
  return syncedTx([db.approvals, ...extraTables], async () => {
    const req = await db.approvals.get(requestId);
    if (!req || req.status !== 'pending') throw new DomainError('只能撤回审批中的申请');
    if (req.applicantId !== actor.id) throw new DomainError('只有申请人可以撤回');
    const updated = await update(
      db.approvals,
      req.id,
      {
        status: 'withdrawn',
        pendingApproverId: null,
        events: withWithdrawal(req, actor),
      },
      actor,
      '撤回申请',
    );
    await finish(updated, actor);
    return updated;
  });
}

export async function approvalFor(refTable: string, refId: string): Promise<ApprovalRequest | undefined> {
  const all = await db.approvals.where('[refTable+refId]').equals([refTable, refId]).toArray();
  return all.filter(isLive).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

// What waits for me: requests whose current step is mine or a delegator's.
export async function waitingFor(staffId: string): Promise<ApprovalRequest[]> {
  const ids = [staffId, ...(await delegatorsOf(staffId))];
  const reqs = await db.approvals.where('pendingApproverId').anyOf(ids).toArray();
  return reqs.filter((r) => r.status === 'pending' && r.applicantId !== staffId);
}

// External (县领导) steps waiting to be recorded, for the office.
export async function externalStepsPending(): Promise<ApprovalRequest[]> {
  const reqs = await db.approvals.where('status').equals('pending').toArray();
  return reqs.filter((r) => r.steps[r.currentStep]?.external);
}
