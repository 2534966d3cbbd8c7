import { describe, expect, it } from 'vitest';

import { compareEvents, eventsOf, foldApproval, mergeApprovals, voidedNote } from './events';
import type { ApprovalEvent } from './events';
import type { ApprovalRequest, ApprovalStep } from './types';

const steps: ApprovalStep[] = [
  { key: 'deputy', label: '分管领导审批', approverId: 'dep', approverName: '王副' },
  { key: 'director', label: '局长审批', approverId: 'dir', approverName: '李局' },
];

const ev = (
  id: string,
  kind: ApprovalEvent['kind'],
  stepIndex: number,
  at: string,
  byId = stepIndex === 0 ? 'dep' : 'dir',
  more: Partial<ApprovalEvent> = {},
): ApprovalEvent => ({
  id,
  kind,
  stepIndex,
  approverId: steps[stepIndex]?.approverId ?? null,
  byId,
  byName: byId,
  onBehalfOfId: null,
  at,
  ...more,
});

const submitted = ev('s', 'submitted', 0, '2026-11-20T08:00:00', 'app');

function request(events: ApprovalEvent[], updatedAt = '2026-11-20T08:00:00'): ApprovalRequest {
  return {
    id: 'r1',
    createdAt: '2026-11-20T08:00:00',
    updatedAt,
    createdBy: 'app',
    deletedAt: null,
    kind: 'leave',
    refTable: 'leaves',
    refId: 'l1',
    title: '请假',
    applicantId: 'app',
    applicantName: '张三',
    form: 'written',
    ruleIds: ['LV-3'],
    events,
    ...foldApproval(steps, events),
  };
}

describe('foldApproval', () => {
  it('a submitted request waits for its first step', () => {
    const s = foldApproval(steps, [submitted]);
    expect(s).toMatchObject({ status: 'pending', currentStep: 0, pendingApproverId: 'dep', voidEvents: [] });
  });

  it('applies decisions in step order and finishes approved', () => {
    const a0 = ev('a0', 'approved', 0, '2026-11-20T09:00:00');
    const a1 = ev('a1', 'approved', 1, '2026-11-20T10:00:00', 'dir', {
      comment: '同意',
      extra: { 证明人: '甲' },
    });
    const half = foldApproval(steps, [submitted, a0]);
    expect(half).toMatchObject({ status: 'pending', currentStep: 1, pendingApproverId: 'dir' });
    expect(half.steps[0]).toMatchObject({
      decision: 'approved',
      decidedById: 'dep',
      decidedAt: a0.at,
      comment: '',
    });
    const done = foldApproval(steps, [a1, submitted, a0]);
    expect(done).toMatchObject({
      status: 'approved',
      currentStep: 2,
      pendingApproverId: null,
      voidEvents: [],
    });
    expect(done.steps[1]).toMatchObject({ decision: 'approved', comment: '同意', extra: { 证明人: '甲' } });
  });

  it('a request with no steps is approved', () => {
    expect(foldApproval([], [submitted])).toMatchObject({ status: 'approved', currentStep: 0 });
  });

  it('records a delegate deciding on behalf of the approver', () => {
    const d = ev('d', 'approved', 0, '2026-11-20T09:00:00', 'deleg', {
      onBehalfOfId: 'dep',
      onBehalfOfName: '王副',
    });
    expect(foldApproval(steps, [submitted, d]).steps[0]).toMatchObject({
      decidedById: 'deleg',
      onBehalfOfId: 'dep',
      onBehalfOfName: '王副',
    });
    const plain = ev('p', 'approved', 0, '2026-11-20T09:00:00');
    expect(foldApproval(steps, [submitted, plain]).steps[0].onBehalfOfName).toBeNull();
  });

  it('a withdrawal wins over a decision at its step made on another PC, even a later one', () => {
    const w = ev('w', 'withdrawn', 0, '2026-11-20T09:00:00', 'app');
    const late = ev('late', 'approved', 0, '2026-11-20T09:30:00');
    const s = foldApproval(steps, [submitted, w, late]);
    expect(s).toMatchObject({ status: 'withdrawn', currentStep: 0, pendingApproverId: null });
    expect(s.voidEvents).toEqual([{ id: 'late', reason: 'withdrawn' }]);
    expect(s.steps[0].decision).toBeUndefined();
  });

  it('a withdrawal keeps the decisions of earlier steps it saw', () => {
    const a0 = ev('a0', 'approved', 0, '2026-11-20T09:00:00');
    const w = ev('w', 'withdrawn', 1, '2026-11-20T09:10:00', 'app');
    const a1 = ev('a1', 'approved', 1, '2026-11-20T09:05:00');
    const s = foldApproval(steps, [submitted, a0, w, a1]);
    expect(s).toMatchObject({ status: 'withdrawn', currentStep: 1 });
    expect(s.steps[0].decision).toBe('approved');
    expect(s.voidEvents).toEqual([{ id: 'a1', reason: 'withdrawn' }]);
  });

  it('of two withdrawals the one at the earlier step counts', () => {
    const a0 = ev('a0', 'approved', 0, '2026-11-20T09:00:00');
    const w1 = ev('w1', 'withdrawn', 1, '2026-11-20T09:10:00', 'app');
    const w0 = ev('w0', 'withdrawn', 0, '2026-11-20T09:20:00', 'app');
    const s = foldApproval(steps, [submitted, a0, w1, w0]);
    expect(s).toMatchObject({ status: 'withdrawn', currentStep: 0 });
    expect(s.voidEvents).toEqual([{ id: 'a0', reason: 'withdrawn' }]);
  });

  it('a rejection wins over an approval of the same step, whichever came first', () => {
    const a = ev('a', 'approved', 0, '2026-11-20T09:00:00', 'dep');
    const r = ev('r', 'rejected', 0, '2026-11-20T09:30:00', 'deleg', {
      onBehalfOfId: 'dep',
      comment: '不同意',
    });
    const s = foldApproval(steps, [submitted, a, r]);
    expect(s).toMatchObject({ status: 'rejected', currentStep: 2, pendingApproverId: null });
    expect(s.steps[0]).toMatchObject({ decision: 'rejected', comment: '不同意' });
    expect(s.voidEvents).toEqual([{ id: 'a', reason: 'rejected' }]);
  });

  it('of two approvals of one step the earlier stands; a decision on a step never reached is void', () => {
    const a = ev('a', 'approved', 0, '2026-11-20T09:00:00');
    const b = ev('b', 'approved', 0, '2026-11-20T09:00:00', 'deleg', { onBehalfOfId: 'dep' });
    const r = ev('r', 'rejected', 0, '2026-11-20T08:59:00', 'dep', { comment: '否' });
    const next = ev('n', 'approved', 1, '2026-11-20T09:10:00');
    const dup = foldApproval(steps, [submitted, b, a]);
    expect(dup.steps[0].decidedById).toBe('dep');
    expect(dup.voidEvents).toEqual([{ id: 'b', reason: 'duplicate' }]);
    const s = foldApproval(steps, [submitted, a, next, r]);
    expect(s.status).toBe('rejected');
    expect(s.voidEvents).toEqual([
      { id: 'a', reason: 'rejected' },
      { id: 'n', reason: 'unreached' },
    ]);
    const twoRejections = foldApproval(steps, [submitted, r, ev('r2', 'rejected', 0, '2026-11-20T09:40:00')]);
    expect(twoRejections.voidEvents).toEqual([{ id: 'r2', reason: 'duplicate' }]);
  });
});

describe('mergeApprovals', () => {
  const withdrawn = request(
    [submitted, ev('w', 'withdrawn', 0, '2026-11-20T09:00:00', 'app')],
    '2026-11-20T09:00:00',
  );
  const approved = request([submitted, ev('a', 'approved', 0, '2026-11-20T09:30:00')], '2026-11-20T09:30:00');

  it('withdrawn on one PC, approved later on another: withdrawn, the approval kept and void', () => {
    const m = mergeApprovals(withdrawn, approved);
    expect(m.status).toBe('withdrawn');
    expect(m.pendingApproverId).toBeNull();
    expect(m.events?.map((e) => e.id)).toEqual(['s', 'w', 'a']);
    expect(m.voidEvents).toEqual([{ id: 'a', reason: 'withdrawn' }]);
    expect(m.updatedAt).toBe('2026-11-20T09:30:00');
    expect(voidedNote(withdrawn, m)).toBe('「分管领导审批：dep 同意」作废：申请已撤回');
  });

  it('is order independent and idempotent', () => {
    const rejected = request([
      submitted,
      ev('r', 'rejected', 0, '2026-11-20T09:10:00', 'dep', { comment: '否' }),
    ]);
    expect(mergeApprovals(withdrawn, approved)).toEqual(mergeApprovals(approved, withdrawn));
    expect(mergeApprovals(approved, rejected)).toEqual(mergeApprovals(rejected, approved));
    expect(mergeApprovals(approved, rejected).status).toBe('rejected');
    const m = mergeApprovals(withdrawn, approved);
    expect(mergeApprovals(m, m)).toEqual(m);
    expect(mergeApprovals(m, approved)).toEqual(m);
    expect(mergeApprovals(mergeApprovals(m, rejected), withdrawn)).toEqual(
      mergeApprovals(withdrawn, mergeApprovals(rejected, m)),
    );
    const sameTime = { ...approved, title: '改' };
    expect(mergeApprovals(approved, sameTime)).toEqual(mergeApprovals(sameTime, approved));
  });

  it('rebuilds the events of a request recorded before events, the same on every PC', () => {
    const base = request([submitted]);
    const legacy: ApprovalRequest = {
      ...base,
      events: undefined,
      voidEvents: undefined,
      status: 'withdrawn',
      currentStep: 1,
      pendingApproverId: null,
      steps: [
        {
          ...steps[0],
          decision: 'approved',
          decidedById: 'dep',
          decidedByName: '王副',
          decidedAt: '2026-11-20T09:00:00',
        },
        { ...steps[1], external: true, decision: undefined },
      ],
    };
    const ids = eventsOf(legacy).map((e) => `${e.id}/${e.kind}/${e.stepIndex}`);
    expect(ids).toEqual([
      'r1:legacy:submitted/submitted/0',
      'r1:legacy:0/approved/0',
      'r1:legacy:withdrawn/withdrawn/1',
    ]);
    const lateApproval = {
      ...legacy,
      events: [...eventsOf(legacy), ev('x', 'approved', 1, '2026-11-21T09:00:00')],
    };
    const m = mergeApprovals(legacy, lateApproval);
    expect(m.status).toBe('withdrawn');
    expect(m.voidEvents).toEqual([{ id: 'x', reason: 'withdrawn' }]);
    const bare = {
      ...base,
      events: undefined,
      steps: [{ ...steps[0], decision: 'approved' as const }],
      status: 'pending' as const,
    };
    expect(eventsOf(bare)[1]).toMatchObject({ byId: '', at: base.updatedAt, onBehalfOfId: null });
    expect(voidedNote(undefined, { ...m, events: [] })).toBe('「x」作废：申请已撤回');
  });
});

describe('the edges', () => {
  it('orders equal events alike, takes the earlier of two withdrawals at one step, waits on an external step', () => {
    expect(compareEvents(submitted, { ...submitted })).toBe(0);
    const w1 = ev('w1', 'withdrawn', 0, '2026-11-20T09:00:00', 'app');
    const w2 = ev('w2', 'withdrawn', 0, '2026-11-20T09:00:00', 'app');
    const r = ev('r', 'rejected', 0, '2026-11-20T09:30:00', 'dep', { comment: '否' });
    const s = foldApproval(steps, [submitted, w2, w1, r]);
    expect(s).toMatchObject({ status: 'withdrawn', voidEvents: [{ id: 'r', reason: 'withdrawn' }] });
    const external: ApprovalStep[] = [
      { key: 'county', label: '县领导', approverId: null, approverName: '县领导', external: true },
    ];
    expect(foldApproval(external, [submitted])).toMatchObject({ status: 'pending', pendingApproverId: null });
  });

  it('rebuilds a request with no steps, and notes a voided rejection', () => {
    const bare: ApprovalRequest = {
      ...request([submitted]),
      steps: [],
      events: undefined,
      status: 'approved',
    };
    expect(eventsOf(bare)[0].approverId).toBeNull();
    const withdrawn = request([submitted, ev('w', 'withdrawn', 0, '2026-11-20T09:00:00', 'app')]);
    const rejected = request([
      submitted,
      ev('r', 'rejected', 0, '2026-11-20T09:30:00', 'dep', { comment: '否' }),
    ]);
    expect(voidedNote(rejected, mergeApprovals(withdrawn, rejected))).toBe(
      '「分管领导审批：dep 退回」作废：申请已撤回',
    );
    expect(voidedNote(undefined, { ...withdrawn, events: undefined, voidEvents: undefined })).toBe('');
    const merged = mergeApprovals(withdrawn, rejected);
    expect(voidedNote(merged, merged)).toBe(''); // voided before: not said again
  });
});
