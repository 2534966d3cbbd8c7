// The handling flow (PET-2, PET-3, PET-8, PET-11, PET-13, PET-4 extension): 分类处理 (受理、转送、
// 交办、不予受理), notice, the unit's acceptance and objection, recusal, the handler, the reply,
// notes and prints recorded on the case.

import {
  addWorkdays,
  mayAssign,
  objectionOpen,
  sortDecisionOk,
  SORT_DECISION_LABELS,
} from '../../../../../shared/rules';
import type { ISODate, SortDecision } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { DomainError, insert } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Unit } from '../../../db/schema/core';
import type { Petition, PetitionRecusal, PetitionState } from '../../../db/schema/petitions';
import { DECISION_LABELS, RECUSAL_LABELS } from '../labels';

import {
  addStep,
  assertMayForward,
  caseCommand,
  change,
  checkOn,
  isLeader,
  livePetition,
  need,
  petitionCommand,
  requireState,
  unitOf,
} from './context';
import type { PetitionCtx } from './context';
import { informantCaseOf, linksOf } from './informant';

// ---- handling flow (PET-2..5, PET-8, PET-13) --------------------------------------------------

export type SortInput = {
  decision: SortDecision;
  on: ISODate;
  unitId?: string | null;
  reason?: string | null;
};

export const sortPetition = caseCommand(
  '分类处理信访事项',
  'petition.handle',
  async (ctx, actor, id: string, input: SortInput): Promise<Petition> => sortTx(id, input, ctx, actor),
);

export async function sortTx(
  id: string,
  input: SortInput,
  ctx: PetitionCtx,
  actor: Actor,
): Promise<Petition> {
  const p = await livePetition(id);
  if (p.state !== 'registered') throw new DomainError('该件已作出处理决定', 'decision', 'PET-2');
  checkOn(input.on, 'on', ctx, { date: p.receivedOn, label: '收件日期' });
  const toUnit = input.decision === 'forward' || input.decision === 'hand_down';
  let unit: Unit | null = null;
  if (toUnit) {
    if (!input.unitId) throw new DomainError('请选择责任单位', 'unitId', 'PET-8');
    unit = unitOf(ctx, input.unitId);
    assertMayForward(p, unit);
  }
  const check = sortDecisionOk(
    {
      decision: input.decision,
      reason: input.reason ?? undefined,
      unitId: input.unitId ?? null,
      informant: p.informant,
      accusedUnitIds: p.accusedUnitIds,
      receivedOn: p.receivedOn,
      decidedOn: input.on,
    },
    ctx.cal,
  );
  for (const problem of check.problems) {
    if (problem.code === 'reason_required') throw new DomainError('不予受理须写明理由', 'reason', 'PET-2');
    if (problem.code === 'unit_required') throw new DomainError('请选择责任单位', 'unitId', 'PET-8');
    throw new DomainError('该件为检举揭发件，不得转送、交办给被检举单位', 'unitId', 'PET-6');
  }
  const state: PetitionState = {
    forward: 'forwarded',
    hand_down: 'handed_down',
    accept: 'accepted',
    report_up: 'reported_up',
    reject: 'rejected',
  }[input.decision] as PetitionState;
  const label = SORT_DECISION_LABELS[input.decision];
  const updated = await change(
    p,
    {
      state,
      decision: input.decision,
      sortedOn: input.on,
      rejectReason: input.decision === 'reject' ? input.reason!.trim() : null,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      handedOn: unit ? input.on : null,
      acceptedOn: input.decision === 'accept' ? input.on : null,
    },
    ctx,
    actor,
    `${label} ${p.regNo}`,
  );
  const text =
    `${label}${unit ? `至${unit.name}（作为一件整体转送，PET-8）` : ''}` +
    `${input.decision === 'reject' ? `，理由：${input.reason!.trim()}` : ''}` +
    `${check.late ? `（已超过15日期限 ${check.due}）` : ''}`;
  await addStep(updated, 'sort', input.on, text, actor, {
    decision: input.decision,
    unitId: unit?.id ?? null,
    late: check.late,
  });
  return updated;
}

export const notifyPetitioner = caseCommand(
  '告知信访人',
  'petition.handle',
  async (ctx, actor, id: string, input: { on: ISODate; way: string }): Promise<Petition> => {
    const p = await livePetition(id);
    if (!p.sortedOn) throw new DomainError('请先作出处理决定（转送、交办、受理或不予受理）', 'on', 'PET-2');
    if (p.notifiedOn) throw new DomainError('已告知信访人', 'on', 'PET-2');
    checkOn(input.on, 'on', ctx, { date: p.sortedOn, label: '处理决定日期' });
    const u = await change(p, { notifiedOn: input.on }, ctx, actor, `告知信访人 ${p.regNo}`);
    await addStep(
      u,
      'notify',
      input.on,
      `${input.way || '书面'}告知信访人处理决定（${DECISION_LABELS[p.decision!]}）`,
      actor,
    );
    return u;
  },
);

// 交办: the unit's acceptance starts the PET-4 clock.
export const recordUnitAcceptance = caseCommand(
  '登记责任单位受理',
  'petition.handle',
  async (ctx, actor, id: string, on: ISODate): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['handed_down'], '登记责任单位受理');
    if (p.acceptedOn) throw new DomainError('已登记受理日期', 'on');
    checkOn(on, 'on', ctx, { date: p.handedOn, label: '交办日期' });
    const u = await change(p, { acceptedOn: on }, ctx, actor, `责任单位受理 ${p.regNo}`);
    await addStep(u, 'unit_accept', on, `${p.unitName}受理，办理期限自此起算（PET-4）`, actor);
    return u;
  },
);

// PET-3: objection of the receiving unit within 5 working days; the case is re-routed whole.
export function objectionDueOf(p: Petition, ctx: Pick<PetitionCtx, 'cal' | 'settings'>): ISODate | null {
  return p.handedOn ? addWorkdays(p.handedOn, ctx.settings.limits.objectionWorkdays, ctx.cal) : null;
}

// PET-3: only a unit that has not yet taken the matter on may object: once it has accepted a
// 交办 (acceptedOn), the objection is no longer open.
export function mayObject(p: Pick<Petition, 'state' | 'acceptedOn'>): boolean {
  return objectionOpen(p);
}

export type ObjectionInput = { on: ISODate; reason: string; newUnitId: string };

export const recordObjection = caseCommand(
  '登记异议并重新转送',
  'petition.handle',
  async (ctx, actor, id: string, input: ObjectionInput): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['forwarded', 'handed_down'], '登记异议');
    if (p.acceptedOn)
      throw new DomainError(
        `${p.unitName ?? '责任单位'}已于${p.acceptedOn}受理，不能再提出异议`,
        'on',
        'PET-3',
      );
    checkOn(input.on, 'on', ctx, { date: p.handedOn, label: '转送/交办日期' });
    const due = objectionDueOf(p, ctx)!;
    if (input.on > due) throw new DomainError(`已超过异议期限（${due}，收到之日起5个工作日）`, 'on', 'PET-3');
    const reason = need(input.reason, '请填写异议理由', 'reason', 'PET-3');
    const unit = unitOf(ctx, input.newUnitId);
    if (unit.id === p.unitId) throw new DomainError('请选择另一个责任单位', 'newUnitId', 'PET-3');
    assertMayForward(p, unit);
    const old = p.unitName;
    const u = await change(
      p,
      { unitId: unit.id, unitName: unit.name, handedOn: input.on, acceptedOn: null },
      ctx,
      actor,
      `异议后重新${DECISION_LABELS[p.decision!]} ${p.regNo}`,
    );
    await addStep(u, 'objection', input.on, `${old}提出异议：${reason}`, actor, { unitId: p.unitId });
    await addStep(u, 'reroute', input.on, `整件重新${DECISION_LABELS[p.decision!]}至${unit.name}`, actor, {
      unitId: unit.id,
    });
    return u;
  },
);

// PET-13
export const recordRecusal = caseCommand(
  '登记回避',
  'petition.handle',
  async (
    ctx,
    actor,
    id: string,
    input: { staffId: string; reason: PetitionRecusal['reason']; note?: string; on: ISODate },
  ): Promise<Petition> => {
    const p = await livePetition(id);
    checkOn(input.on, 'on', ctx);
    const s = ctx.staff.get(input.staffId);
    if (!s) throw new DomainError('请选择回避人员', 'staffId', 'PET-13');
    if (p.recusals.some((r) => r.staffId === s.id))
      throw new DomainError(`${s.name}已登记回避`, 'staffId', 'PET-13');
    const recusals = [
      ...p.recusals,
      {
        staffId: s.id,
        staffName: s.name,
        reason: input.reason,
        note: input.note?.trim() || undefined,
        on: input.on,
      },
    ];
    const unassign = p.assigneeId === s.id ? { assigneeId: null, assigneeName: null } : {};
    const u = await change(p, { recusals, ...unassign }, ctx, actor, `回避 ${s.name} ${p.regNo}`);
    await addStep(
      u,
      'recusal',
      input.on,
      `${s.name}回避（${RECUSAL_LABELS[input.reason]}${input.note ? `：${input.note}` : ''}）${unassign.assigneeId === null ? '，已撤回承办' : ''}`,
      actor,
      { staffId: s.id },
    );
    return u;
  },
);

export const assignHandler = caseCommand(
  '指定承办人',
  'petition.handle',
  async (ctx, actor, id: string, staffId: string): Promise<Petition> => {
    const p = await livePetition(id);
    const s = ctx.staff.get(staffId);
    if (!s || !s.active) throw new DomainError('请选择承办人', 'staffId');
    if (!mayAssign(staffId, p.recusals))
      throw new DomainError(`${s.name}已回避本件，不能指定为承办人`, 'staffId', 'PET-13');
    const u = await change(
      p,
      { assigneeId: s.id, assigneeName: s.name },
      ctx,
      actor,
      `指定承办人 ${s.name} ${p.regNo}`,
    );
    await addStep(u, 'assign', ctx.today, `指定承办人：${s.name}`, actor, { staffId: s.id });
    return u;
  },
);

// PET-4: extended once by at most 30 days by the head (局长 or 分管领导), the reason told to the petitioner.
export const extendPetition = caseCommand(
  '延长办理期限',
  null,
  async (
    ctx,
    actor,
    id: string,
    input: { days: number; reason: string; on: ISODate; toldPetitioner: boolean },
  ): Promise<Petition> => {
    if (!isLeader(ctx)) throw new DomainError('延期须由局长或分管领导批准', 'days', 'PET-4');
    const p = await livePetition(id);
    if ((p.decision !== 'accept' && p.decision !== 'hand_down') || p.concludedOn)
      throw new DomainError('只有在办理期限内的件可以延期', 'days', 'PET-4');
    if (p.extensionDays > 0) throw new DomainError('办理期限只能延长一次', 'days', 'PET-4');
    const max = ctx.settings.limits.maxExtensionDays;
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > max)
      throw new DomainError(`延长天数应为1–${max}天`, 'days', 'PET-4');
    const reason = need(input.reason, '请填写延期理由', 'reason', 'PET-4');
    if (!input.toldPetitioner) throw new DomainError('延期理由须告知信访人', 'toldPetitioner', 'PET-4');
    checkOn(input.on, 'on', ctx, { date: p.sortedOn, label: '处理决定日期' });
    const u = await change(
      p,
      { extensionDays: input.days, extensionReason: reason },
      ctx,
      actor,
      `延期 ${input.days} 天 ${p.regNo}`,
    );
    await addStep(
      u,
      'extend',
      input.on,
      `延长办理期限${input.days}天，理由：${reason}（已告知信访人），新期限 ${u.dueOn}`,
      actor,
      { days: input.days },
    );
    return u;
  },
);

// PET-11: the reply recorded; a complaint about its attitude goes to the staff complaints (ASM-3).
export type ReplyInput = {
  on: ISODate;
  way: string;
  text: string;
  staffId?: string | null; // who replied
  complaint?: { staffId: string; content: string } | null;
};

export const recordReply = caseCommand(
  '登记答复',
  'petition.handle',
  async (ctx, actor, id: string, input: ReplyInput): Promise<Petition> => {
    const p = await livePetition(id);
    const informantCase = informantCaseOf(p, await linksOf([p]));
    checkOn(input.on, 'on', ctx, { date: p.receivedOn, label: '收件日期' });
    const text = need(input.text, '请填写答复内容', 'text', 'PET-11');
    const by = input.staffId ? ctx.staff.get(input.staffId)?.name : actor.name;
    await addStep(p, 'reply', input.on, `${input.way || '书面'}答复（${by}）：${text}`, actor, {
      way: input.way,
      staffId: input.staffId ?? actor.id,
    });
    if (input.complaint) {
      const s = ctx.staff.get(input.complaint.staffId);
      if (!s) throw new DomainError('请选择被投诉的工作人员', 'complaintStaffId', 'PET-11');
      const content = need(input.complaint.content, '请填写投诉内容', 'complaintContent', 'PET-11');
      await insert(
        db.staffComplaints,
        {
          staffId: s.id,
          receivedOn: input.on,
          source: 'petition_reply',
          sourceRef: p.id,
          complainant: informantCase ? '检举人（身份保密）' : p.name,
          content,
          kind: 'attitude',
          status: 'received',
          handlerId: null,
        },
        actor,
        `信访答复态度投诉 ${p.regNo}`,
      );
      await addStep(
        p,
        'complaint',
        input.on,
        `信访人投诉${s.name}答复态度：${content}（已转考核与监督）`,
        actor,
        { staffId: s.id },
      );
    }
    return p;
  },
);

export const addNote = caseCommand(
  '添加备注',
  'petition.handle',
  async (ctx, actor, id: string, text: string) => {
    const p = await livePetition(id);
    await addStep(p, 'note', ctx.today, need(text, '请填写备注', 'text'), actor);
  },
);

// A print of a form (交办单, 转送函, 督办通知) is recorded on each case it concerns.
const recordPrintedCommand = petitionCommand(
  '登记打印',
  null,
  async (ctx, actor, ids: string[], what: string, kind: 'print' | 'supervise') => {
    for (const id of ids) {
      const p = await livePetition(id);
      await addStep(p, kind, ctx.today, `打印${what}`, actor);
    }
  },
);

export async function recordPrinted(
  ids: string[],
  what: string,
  actor: Actor,
  kind: 'print' | 'supervise' = 'print',
  pre?: PetitionCtx,
) {
  return recordPrintedCommand(actor, pre, ids, what, kind);
}
