// An approval request's transitions as immutable events (several PCs, several-pcs.md): every
// command of engine.ts appends one to the request's `events` in its own transaction, and the
// request's state (status, steps' decisions, currentStep, pendingApproverId) is what foldApproval
// makes of them. When two PCs changed one request offline, mergeApprovals unites both event lists
// by id and folds them again, so the outcome never depends on which revision CouchDB picked.
//
// The fixed precedence (foldApproval):
// 1. A withdrawal wins over every decision at its step or a later one. A withdrawal records the
//    step that was waiting when it was made, so such a decision was made without seeing it (the
//    engine refuses a decision on a withdrawn request, and a withdrawal of a finished one): the
//    request stays withdrawn, the decision is kept, marked void (作废：申请已撤回).
// 2. At one step a rejection wins over an approval (the approval is void: 同一步骤已被退回); of two
//    rejections or two approvals of one step (the approver and a delegate on two PCs) the earlier
//    stands (then the smaller event id), the other is void (同一步骤已有决定).
// 3. Otherwise the decisions apply in step order; a decision at a step the request never reached
//    (an earlier step was rejected or withdrawn meanwhile) is void (前一步骤未通过).
import type { ApprovalRequest, ApprovalStep, StepDecision } from './types';

export type ApprovalEventKind = 'submitted' | StepDecision | 'withdrawn';

export type ApprovalEvent = {
  id: string; // unique (UUID, or `<request id>:legacy:…` for a request recorded before events)
  kind: ApprovalEventKind;
  stepIndex: number; // the step decided, or the step waiting when submitted/withdrawn
  approverId: string | null; // the step's approver (the hub checks the decider against it)
  external?: boolean; // the step is a report outside the system (县领导), recorded by the office
  byId: string; // who did it: the applicant, the approver, or a delegate
  byName: string;
  onBehalfOfId: string | null; // the approver a delegate decided for
  onBehalfOfName?: string | null;
  at: string; // ISO timestamp (for the order of equal decisions and for reading; never for precedence)
  pc?: string; // the PC it was made on, when known
  comment?: string;
  extra?: Record<string, string>;
};

export type VoidReason = 'withdrawn' | 'rejected' | 'duplicate' | 'unreached';

export const VOID_LABELS: Record<VoidReason, string> = {
  withdrawn: '作废：申请已撤回',
  rejected: '作废：同一步骤已被退回',
  duplicate: '作废：同一步骤已有决定',
  unreached: '作废：前一步骤未通过',
};

export type ApprovalState = Pick<
  ApprovalRequest,
  'steps' | 'currentStep' | 'status' | 'pendingApproverId' | 'voidEvents'
>;

const isDecision = (e: ApprovalEvent): boolean => e.kind === 'approved' || e.kind === 'rejected';

// The one order of events everywhere: by time, then by id (the same on every PC).
export function compareEvents(a: ApprovalEvent, b: ApprovalEvent): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const DECISION_FIELDS = [
  'decision',
  'decidedById',
  'decidedByName',
  'onBehalfOfId',
  'onBehalfOfName',
  'comment',
  'decidedAt',
  'extra',
] as const;

function undecided(step: ApprovalStep): ApprovalStep {
  const s = { ...step };
  for (const k of DECISION_FIELDS) delete s[k];
  return s;
}

function decidedBy(step: ApprovalStep, e: ApprovalEvent): ApprovalStep {
  return {
    ...undecided(step),
    decision: e.kind as StepDecision,
    decidedById: e.byId,
    decidedByName: e.byName,
    onBehalfOfId: e.onBehalfOfId,
    onBehalfOfName: e.onBehalfOfName ?? null,
    comment: e.comment ?? '',
    decidedAt: e.at,
    extra: e.extra,
  };
}

// The request's state from its steps (their approvers) and its events, by the precedence above.
export function foldApproval(
  stepsIn: readonly ApprovalStep[],
  events: readonly ApprovalEvent[],
): ApprovalState {
  const sorted = [...events].sort(compareEvents);
  const withdrawal = sorted
    .filter((e) => e.kind === 'withdrawn')
    .sort((a, b) => a.stepIndex - b.stepIndex || compareEvents(a, b))[0];
  const voids: Record<string, VoidReason> = {};
  const standingIds = new Set<string>();
  const steps = stepsIn.map(undecided);
  let current = 0;
  let status: ApprovalState['status'] = 'pending';
  for (const e of sorted.filter(isDecision)) {
    if (withdrawal && e.stepIndex >= withdrawal.stepIndex) voids[e.id] = 'withdrawn';
  }
  for (; current < steps.length; current++) {
    const here = sorted.filter((e) => isDecision(e) && e.stepIndex === current && !voids[e.id]);
    if (here.length === 0) break;
    const standing = here.find((e) => e.kind === 'rejected') ?? here[0];
    for (const e of here)
      if (e !== standing)
        voids[e.id] = e.kind === 'approved' && standing.kind === 'rejected' ? 'rejected' : 'duplicate';
    standingIds.add(standing.id);
    steps[current] = decidedBy(steps[current], standing);
    if (standing.kind === 'rejected') {
      status = 'rejected';
      break;
    }
  }
  for (const e of sorted)
    if (isDecision(e) && !voids[e.id] && !standingIds.has(e.id)) voids[e.id] = 'unreached';
  if (status === 'pending' && current >= steps.length) status = 'approved';
  if (status === 'pending' && withdrawal) status = 'withdrawn';
  const finished = status !== 'pending';
  const voidEvents = Object.keys(voids)
    .sort()
    .map((id) => ({ id, reason: voids[id] }));
  return {
    steps,
    currentStep: status === 'rejected' || status === 'approved' ? steps.length : current,
    status,
    pendingApproverId: finished ? null : (steps[current]?.approverId ?? null),
    voidEvents,
  };
}

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// A request's events; one recorded before events existed gets them rebuilt from its state, with
// ids made of the request's id (every PC rebuilds the same ones).
export function eventsOf(req: ApprovalRequest): ApprovalEvent[] {
  if (req.events) return req.events;
  const legacy = (tail: string) => `${req.id}:legacy:${tail}`;
  const out: ApprovalEvent[] = [
    {
      id: legacy('submitted'),
      kind: 'submitted',
      stepIndex: 0,
      approverId: req.steps[0]?.approverId ?? null,
      byId: req.createdBy,
      byName: req.applicantName,
      onBehalfOfId: null,
      at: req.createdAt,
    },
  ];
  req.steps.forEach((s, i) => {
    if (!s.decision) return;
    out.push(
      defined({
        id: legacy(String(i)),
        kind: s.decision,
        stepIndex: i,
        approverId: s.approverId,
        external: s.external,
        byId: s.decidedById ?? '',
        byName: s.decidedByName ?? '',
        onBehalfOfId: s.onBehalfOfId ?? null,
        onBehalfOfName: s.onBehalfOfName ?? null,
        at: s.decidedAt ?? req.updatedAt,
        comment: s.comment,
        extra: s.extra,
      }),
    );
  });
  if (req.status === 'withdrawn')
    out.push({
      id: legacy('withdrawn'),
      kind: 'withdrawn',
      stepIndex: req.currentStep,
      approverId: null,
      byId: req.applicantId,
      byName: req.applicantName,
      onBehalfOfId: null,
      at: req.updatedAt,
    });
  return out;
}

// JSON with the keys sorted (the same text for equal records whatever their keys' order).
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

// The later version of a request (its title, deletion, ...), the same whichever comes first.
function later(a: ApprovalRequest, b: ApprovalRequest): ApprovalRequest {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return stableJson(a) >= stableJson(b) ? a : b;
}

// Two versions of one request (two PCs changed it offline): both event lists united by event id,
// the state folded again. Deterministic: merge(a, b) equals merge(b, a), and merge(a, a) is a
// (once a has events).
export function mergeApprovals(a: ApprovalRequest, b: ApprovalRequest): ApprovalRequest {
  const byId = new Map<string, ApprovalEvent>();
  for (const e of [...eventsOf(a), ...eventsOf(b)]) if (!byId.has(e.id)) byId.set(e.id, e);
  const events = [...byId.values()].sort(compareEvents);
  const base = later(a, b);
  return { ...base, events, ...foldApproval(base.steps, events) };
}

// What a merge voided that the version before it did not, for the audit entry of the merge
// (e.g. 「分管领导审批：李四 同意」作废：申请已撤回).
export function voidedNote(before: ApprovalRequest | undefined, merged: ApprovalRequest): string {
  const was = new Set((before?.voidEvents ?? []).map((v) => v.id));
  const events = new Map((merged.events ?? []).map((e) => [e.id, e]));
  return (merged.voidEvents ?? [])
    .filter((v) => !was.has(v.id))
    .map((v) => {
      const e = events.get(v.id);
      const step = e ? merged.steps[e.stepIndex]?.label : undefined;
      const what = e ? `${e.byName} ${e.kind === 'rejected' ? '退回' : '同意'}` : v.id;
      return `「${step ? `${step}：` : ''}${what}」${VOID_LABELS[v.reason]}`;
    })
    .join('；');
}
