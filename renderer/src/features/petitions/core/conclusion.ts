// 办结, the reply received, 复查 / 复核 (PET-5) and 归档 (PET-9).

import type { ISODate } from '../../../../../shared/rules';
import { DomainError } from '../../../db/repo';
import type { Petition } from '../../../db/schema/petitions';

import { addStep, caseCommand, change, checkOn, livePetition, need, requireState } from './context';
import { nextDeadlineOf } from './deadlines';

export const concludePetition = caseCommand(
  '办结信访事项',
  'petition.handle',
  async (
    ctx,
    actor,
    id: string,
    input: { on: ISODate; outcome: string; text: string; replyReceivedOn?: ISODate | null },
  ): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['forwarded', 'handed_down', 'accepted', 'reported_up'], '办结');
    checkOn(input.on, 'on', ctx, { date: p.acceptedOn ?? p.sortedOn, label: '受理日期' });
    const outcome = need(input.outcome, '请选择办理结果', 'outcome');
    const text = need(input.text, '请填写处理意见（信访处理意见书）', 'text', 'PET-4');
    if (input.replyReceivedOn)
      checkOn(input.replyReceivedOn, 'replyReceivedOn', ctx, { date: input.on, label: '办结日期' });
    const u = await change(
      p,
      {
        state: 'concluded',
        concludedOn: input.on,
        outcome,
        outcomeText: text,
        concludedAt: 'handling',
        replyReceivedOn: input.replyReceivedOn ?? null,
      },
      ctx,
      actor,
      `办结 ${p.regNo}`,
    );
    const late =
      p.dueKind === 'conclude' && p.dueOn && input.on > p.dueOn ? `（超过办理期限 ${p.dueOn}）` : '';
    await addStep(u, 'conclude', input.on, `办结：${outcome}。${text}${late}`, actor, { outcome });
    return u;
  },
);

export const recordReplyReceived = caseCommand(
  '登记信访人收到答复',
  'petition.handle',
  async (ctx, actor, id: string, on: ISODate): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['concluded', 'archived'], '登记收到答复');
    if (p.replyReceivedOn) throw new DomainError('已登记收到答复日期', 'on');
    checkOn(on, 'on', ctx, { date: p.concludedOn, label: '办结日期' });
    const u = await change(p, { replyReceivedOn: on }, ctx, actor, `信访人收到答复 ${p.regNo}`);
    await addStep(u, 'reply_received', on, '信访人收到书面答复意见，复查申请期限自次日起算（PET-5）', actor);
    return u;
  },
);

// PET-5: 复查 / 复核 requests (within 30 days) and answers (within 30 days).
export const requestReview = caseCommand(
  '登记复查、复核申请',
  'petition.handle',
  async (ctx, actor, id: string, input: { on: ISODate }): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['concluded', 'archived'], '申请复查或复核');
    if (p.recheckAnsweredOn) throw new DomainError('该件已经复核终结，不再受理（重复信访）', 'on', 'PET-5');
    const recheck = !!p.reviewAnsweredOn;
    if (!recheck && !p.replyReceivedOn)
      throw new DomainError('请先登记信访人收到书面答复的日期', 'on', 'PET-5');
    checkOn(input.on, 'on', ctx, {
      date: recheck ? p.reviewAnsweredOn : p.replyReceivedOn,
      label: recheck ? '复查答复日期' : '收到答复日期',
    });
    // The petitioner's window is the running deadline on the day of the request (the rules decide).
    const window = nextDeadlineOf({ ...p, state: 'concluded' }, ctx.cal, ctx.settings, input.on);
    const kind = recheck ? 'recheck_request' : 'review_request';
    if (window?.kind !== kind) {
      throw new DomainError(
        `已超过申请${recheck ? '复核' : '复查'}的期限（收到${recheck ? '复查意见' : '书面答复'}之日起30日）`,
        'on',
        'PET-5',
      );
    }
    const changes: Partial<Petition> = recheck
      ? { state: 'recheck', recheckRequestedOn: input.on }
      : { state: 'review', reviewRequestedOn: input.on };
    const u = await change(p, changes, ctx, actor, `${recheck ? '复核' : '复查'}申请 ${p.regNo}`);
    await addStep(
      u,
      recheck ? 'recheck_request' : 'review_request',
      input.on,
      `信访人申请${recheck ? '复核' : '复查'}，答复期限 ${u.dueOn}`,
      actor,
    );
    return u;
  },
);

export const answerReview = caseCommand(
  '登记复查、复核答复',
  'petition.handle',
  async (
    ctx,
    actor,
    id: string,
    input: { on: ISODate; result: string; text: string; hearingDays?: number },
  ): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['review', 'recheck'], '登记复查或复核答复');
    const recheck = p.state === 'recheck';
    checkOn(input.on, 'on', ctx, {
      date: recheck ? p.recheckRequestedOn : p.reviewRequestedOn,
      label: '申请日期',
    });
    const result = need(input.result, '请选择结论', 'result');
    const text = need(input.text, '请填写答复意见', 'text', 'PET-5');
    const hearing = input.hearingDays ?? 0;
    if (!Number.isInteger(hearing) || hearing < 0)
      throw new DomainError('听证天数应为0以上的整数', 'hearingDays', 'PET-5');
    const late = p.dueOn && input.on > p.dueOn ? `（超过答复期限 ${p.dueOn}）` : '';
    const changes: Partial<Petition> = recheck
      ? {
          state: 'concluded',
          recheckAnsweredOn: input.on,
          hearingDays: hearing,
          concludedAt: 'recheck',
          outcome: result,
          outcomeText: text,
        }
      : {
          state: 'concluded',
          reviewAnsweredOn: input.on,
          concludedAt: 'review',
          outcome: result,
          outcomeText: text,
        };
    const u = await change(p, changes, ctx, actor, `${recheck ? '复核' : '复查'}答复 ${p.regNo}`);
    await addStep(
      u,
      recheck ? 'recheck_answer' : 'review_answer',
      input.on,
      `${recheck ? '复核' : '复查'}答复：${result}。${text}${late}${recheck ? '。复核终结，同一事实和理由再次提出的不再受理（PET-5）' : ''}`,
      actor,
      { result },
    );
    return u;
  },
);

export const archivePetition = caseCommand(
  '归档',
  'petition.handle',
  async (ctx, actor, id: string, on: ISODate): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['concluded', 'rejected', 'forwarded', 'reported_up', 'duplicate', 'repeat'], '归档');
    if (p.dueOn) throw new DomainError(`尚有未完成的期限事项（${p.dueOn} 前），不能归档`, 'on', 'PET-9');
    checkOn(on, 'on', ctx, { date: p.concludedOn ?? p.sortedOn ?? p.receivedOn, label: '办结日期' });
    const u = await change(p, { state: 'archived', archivedOn: on }, ctx, actor, `归档 ${p.regNo}`);
    await addStep(u, 'archive', on, '归档', actor);
    return u;
  },
);
