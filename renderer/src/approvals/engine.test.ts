import { describe, expect, it } from 'vitest';

import { leaveRoute, tripRoute } from '../../../shared/rules';
import { db } from '../db/db';
import { insert, SYSTEM_ACTOR, update, writeTx } from '../db/repo';
import { withSeededOrg } from '../db/testing';

import {
  decide,
  decisionProblem,
  outcomeOf,
  registerApprovalHandler,
  resolveRouteSteps,
  submitApproval,
  waitingFor,
  withdraw,
} from './engine';
import { foldApproval } from './events';
import type { ApprovalRequest } from './types';

const finished: string[] = [];

const org = withSeededOrg(undefined, async () => {
  finished.length = 0;
  registerApprovalHandler('other', {
    tables: () => [],
    onFinished: async (req) => {
      finished.push(req.status);
    },
  });
});

async function submit(applicant = org.staff, days = 1.5) {
  const route = leaveRoute(applicant.rank, days);
  const steps = await resolveRouteSteps(route, applicant);
  return writeTx([db.approvals, db.staff], () =>
    submitApproval(
      {
        kind: 'other',
        refTable: 'x',
        refId: 'x1',
        title: '测试',
        applicant,
        form: route.form,
        ruleIds: ['LV-3'],
        steps,
      },
      org.actor(applicant),
    ),
  );
}

describe('resolveRouteSteps', () => {
  it('maps a staff member’s written leave to the section’s deputy then the director', async () => {
    const steps = await resolveRouteSteps(leaveRoute('staff', 1.5), org.staff);
    expect(steps.map((s) => s.approverId)).toEqual([org.deputy.id, org.director.id]);
  });
  it('maps half a day to the section head', async () => {
    const steps = await resolveRouteSteps(leaveRoute('staff', 0.5), org.staff);
    expect(steps.map((s) => s.approverId)).toEqual([org.head.id]);
  });
  it('moves a step that would fall on the applicant up one level (LV-4)', async () => {
    // The office clerk heads the office in the test org: their half-day goes to the deputy.
    const steps = await resolveRouteSteps(leaveRoute('staff', 0.5), org.clerk);
    expect(steps.map((s) => s.approverId)).toEqual([org.deputy.id]);
  });
  it('moves up when the section has no head configured', async () => {
    await update(db.sections, org.sectionId, { headId: null }, SYSTEM_ACTOR);
    const steps = await resolveRouteSteps(leaveRoute('staff', 0.5), org.staff);
    expect(steps.map((s) => s.approverId)).toEqual([org.deputy.id]);
  });
  it('records the director’s leave as an external report to the county', async () => {
    const steps = await resolveRouteSteps(leaveRoute('director', 2), org.director);
    expect(steps).toEqual([expect.objectContaining({ key: 'county', approverId: null, external: true })]);
  });
  it('gives a trip with no approvers no steps (register with the office only)', async () => {
    const steps = await resolveRouteSteps(tripRoute('deputy', 0.5), org.deputy);
    expect(steps).toEqual([]);
  });
});

// The deputy hands their approvals to `toId` from 2000-01-01 to `endDate`.
function delegateDeputy(toId: string, endDate: string) {
  return insert(
    db.delegations,
    { fromId: org.deputy.id, toId, startDate: '2000-01-01', endDate },
    SYSTEM_ACTOR,
  );
}

describe('submitApproval and decide', () => {
  it('walks the steps in order and finishes approved', async () => {
    const req = await submit();
    expect(req.status).toBe('pending');
    expect((await waitingFor(org.deputy.id)).map((r) => r.id)).toEqual([req.id]);
    expect(await waitingFor(org.director.id)).toEqual([]);
    await decide({ requestId: req.id, decision: 'approved', comment: '同意' }, org.actor(org.deputy));
    expect((await waitingFor(org.director.id)).map((r) => r.id)).toEqual([req.id]);
    const done = await decide({ requestId: req.id, decision: 'approved' }, org.actor(org.director));
    expect(done.status).toBe('approved');
    expect(done.steps.map((s) => s.decidedByName)).toEqual(['陈副局长', '刘局长']);
    expect(finished).toEqual(['approved']);
  });

  it('refuses a decision by someone who is not the step’s approver', async () => {
    const req = await submit();
    await expect(
      decide({ requestId: req.id, decision: 'approved' }, org.actor(org.director)),
    ).rejects.toThrow('此步骤应由 陈副局长 审批');
  });

  it('never lets the applicant approve their own request (LV-4)', async () => {
    const req = await submit();
    // Even if someone made the applicant a delegate of the approver.
    await delegateDeputy(org.staff.id, '2999-12-31');
    await expect(decide({ requestId: req.id, decision: 'approved' }, org.actor(org.staff))).rejects.toThrow(
      '申请人不能审批自己的申请',
    );
  });

  it('lets a delegate decide while the approver is away, and records both names', async () => {
    const req = await submit();
    await delegateDeputy(org.discipline.id, '2999-12-31');
    expect((await waitingFor(org.discipline.id)).map((r) => r.id)).toEqual([req.id]);
    const r = await decide(
      { requestId: req.id, decision: 'approved', comment: '代批' },
      org.actor(org.discipline),
    );
    expect(r.steps[0]).toMatchObject({
      decidedByName: '赵组长',
      onBehalfOfName: '陈副局长',
      decision: 'approved',
    });
  });

  it('ignores a delegation that is not in force today', async () => {
    const req = await submit();
    await delegateDeputy(org.discipline.id, '2000-01-02');
    await expect(
      decide({ requestId: req.id, decision: 'approved' }, org.actor(org.discipline)),
    ).rejects.toThrow('此步骤应由');
  });

  it('requires a comment to reject, and a rejection ends the request', async () => {
    const req = await submit();
    await expect(decide({ requestId: req.id, decision: 'rejected' }, org.actor(org.deputy))).rejects.toThrow(
      '退回时请填写意见',
    );
    const r = await decide(
      { requestId: req.id, decision: 'rejected', comment: '事由不充分' },
      org.actor(org.deputy),
    );
    expect(r.status).toBe('rejected');
    expect(r.pendingApproverId).toBeNull();
    expect(finished).toEqual(['rejected']);
    await expect(
      decide({ requestId: req.id, decision: 'approved' }, org.actor(org.director)),
    ).rejects.toThrow('已办结');
  });

  it('lets only the applicant withdraw a pending request', async () => {
    const req = await submit();
    await expect(withdraw(req.id, org.actor(org.deputy))).rejects.toThrow('只有申请人可以撤回');
    const w = await withdraw(req.id, org.actor(org.staff));
    expect(w.status).toBe('withdrawn');
  });

  it('writes an audit entry for the submission and for every decision', async () => {
    const req = await submit();
    await decide({ requestId: req.id, decision: 'approved' }, org.actor(org.deputy));
    const entries = await db.audit.where('[table+recordId]').equals(['approvals', req.id]).toArray();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1].actorName).toBe('陈副局长');
  });
});

describe('delegations', () => {
  it('validates the form in Chinese and lets only the approver (or an administrator) set one', async () => {
    const { addDelegation, validateDelegation } = await import('./delegations');
    expect(
      validateDelegation({ fromId: 'a', toId: 'a', startDate: '2026-11-02', endDate: '2026-11-01' }),
    ).toEqual({
      toId: '代理人不能是本人',
      endDate: '结束日期不能早于开始日期',
    });
    await expect(
      addDelegation(
        { fromId: org.deputy.id, toId: org.head.id, startDate: '2026-11-01', endDate: '2026-11-30' },
        org.actor(org.staff),
      ),
    ).rejects.toThrow('只能为自己设置代理人');
    const d = await addDelegation(
      { fromId: org.deputy.id, toId: org.head.id, startDate: '2026-11-01', endDate: '2026-11-30' },
      org.actor(org.deputy),
    );
    expect(d.toId).toBe(org.head.id);
  });
});

describe('required fields of a step', () => {
  it('refuses an approval that does not record what the step requires, wherever it is decided', async () => {
    const steps = [{ key: 'check', label: '核算', approverId: org.finance.id, requiredFields: ['证明人'] }];
    const req = await writeTx([db.approvals, db.staff], () =>
      submitApproval(
        {
          kind: 'other',
          refTable: 'x',
          refId: 'x2',
          title: '报销',
          applicant: org.staff,
          form: 'written',
          ruleIds: ['FIN-1'],
          steps,
        },
        org.actor(org.staff),
      ),
    );
    await expect(
      decide({ requestId: req.id, decision: 'approved' }, org.actor(org.finance)),
    ).rejects.toMatchObject({
      message: '请填写证明人',
      field: '证明人',
    });
    const done = await decide(
      { requestId: req.id, decision: 'approved', extra: { 证明人: '郑小军' } },
      org.actor(org.finance),
    );
    expect(done.steps[0].extra).toEqual({ 证明人: '郑小军' });
  });
});

describe('decisionProblem', () => {
  const step = { requiredFields: ['证明人'] };
  it('names the field a refusal is about: the required field to approve, the opinion to reject', () => {
    expect(decisionProblem(step, { decision: 'approved', comment: '同意' })).toEqual({
      field: '证明人',
      message: '请填写证明人',
    });
    expect(decisionProblem(step, { decision: 'approved', extra: { 证明人: ' ' } })).toEqual({
      field: '证明人',
      message: '请填写证明人',
    });
    expect(decisionProblem(step, { decision: 'rejected', comment: '' })).toEqual({
      field: 'comment',
      message: '退回时请填写意见',
    });
  });
  it('takes the fields the form asks for too, and passes a complete decision', () => {
    expect(decisionProblem(undefined, { decision: 'approved' }, ['证明人'])).toMatchObject({
      field: '证明人',
    });
    expect(decisionProblem(step, { decision: 'approved', extra: { 证明人: '郑小军' } })).toBeNull();
    expect(decisionProblem(undefined, { decision: 'approved' })).toBeNull();
    expect(decisionProblem(step, { decision: 'rejected', comment: '票据不全' })).toBeNull();
  });
});

describe('outcomeOf', () => {
  it('is what a finished request came to, and refuses one still pending', () => {
    const req = (status: ApprovalRequest['status']) => ({ id: 'r1', status }) as ApprovalRequest;
    expect(outcomeOf(req('approved'))).toBe('approved');
    expect(outcomeOf(req('rejected'))).toBe('rejected');
    expect(outcomeOf(req('withdrawn'))).toBe('withdrawn');
    expect(() => outcomeOf(req('pending'))).toThrow('尚未结束');
  });
});

describe('approval events (several PCs)', () => {
  const folded = (r: ApprovalRequest) => {
    const s = foldApproval(r.steps, r.events ?? []);
    return { ...r, ...s, voidEvents: r.voidEvents };
  };

  it('every command appends one event, and the events fold to the state the command wrote', async () => {
    const req = await submit();
    expect(req.events).toEqual([
      expect.objectContaining({ kind: 'submitted', byId: org.staff.id, stepIndex: 0 }),
    ]);
    expect(folded(req)).toEqual(req);
    await delegateDeputy(org.discipline.id, '2999-12-31');
    const one = await decide(
      { requestId: req.id, decision: 'approved', comment: '代批' },
      org.actor(org.discipline),
    );
    expect(one.events?.[1]).toMatchObject({
      kind: 'approved',
      stepIndex: 0,
      approverId: org.deputy.id,
      byId: org.discipline.id,
      onBehalfOfId: org.deputy.id,
      comment: '代批',
    });
    expect(folded(one)).toEqual(one);
    const two = await decide(
      { requestId: req.id, decision: 'rejected', comment: '不同意' },
      org.actor(org.director),
    );
    expect(two.events).toHaveLength(3);
    expect(folded(two)).toEqual(two);

    const other = await submit();
    const w = await withdraw(other.id, org.actor(org.staff));
    expect(w.events?.map((e) => e.kind)).toEqual(['submitted', 'withdrawn']);
    expect(folded(w)).toEqual(w);
  });
});
