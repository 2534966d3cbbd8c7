// Urgent matters (PET-7): marked, reported upward the same day (a late report needs a reason),
// downgraded with a reason, and the 局长's acknowledgement of either.

import { nowIso, toLocalISODate } from '../../../db/clock';
import { DomainError } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Petition } from '../../../db/schema/petitions';

import { addStep, caseCommand, change, checkOn, livePetition, need, petitionCommand } from './context';
import type { PetitionCtx } from './context';

// ---- urgent matters (PET-7) -------------------------------------------------------------------

const markUrgentCommand = petitionCommand(
  '标为重大紧急',
  'petition.handle',
  async (ctx, actor, id: string): Promise<Petition> => {
    const p = await livePetition(id);
    if (p.urgent) throw new DomainError('已是重大紧急事项', 'urgent', 'PET-7');
    const u = await change(
      p,
      { urgent: true, urgentOpen: p.urgentReport ? null : 1 },
      ctx,
      actor,
      `标为重大紧急 ${p.regNo}`,
    );
    await addStep(u, 'urgent_mark', ctx.today, '标为重大紧急事项，须即时报告（PET-7）', actor);
    return u;
  },
);

export async function markUrgent(id: string, actor: Actor, pre?: PetitionCtx): Promise<Petition> {
  return markUrgentCommand(actor, pre, id);
}

export type UrgentReportInput = { at: string; recipients: string[]; note?: string; delayReason?: string };

// The report upward, with time and recipients; a report on a later day than the matter was
// registered needs a reason, which the 局长 sees.
export const reportUrgent = caseCommand(
  '报告重大紧急事项',
  'petition.handle',
  async (ctx, actor, id: string, input: UrgentReportInput): Promise<Petition> => {
    const p = await livePetition(id);
    if (!p.urgent) throw new DomainError('该件不是重大紧急事项', 'at', 'PET-7');
    if (p.urgentReport) throw new DomainError('已报告', 'at', 'PET-7');
    const at = new Date(input.at);
    if (!input.at || Number.isNaN(at.getTime())) throw new DomainError('请填写报告时间', 'at', 'PET-7');
    const day = toLocalISODate(at);
    checkOn(day, 'at', ctx, { date: p.receivedOn, label: '收件日期' });
    const recipients = input.recipients.map((r) => r.trim()).filter(Boolean);
    if (!recipients.length) throw new DomainError('请选择报告对象', 'recipients', 'PET-7');
    const registeredDay = toLocalISODate(new Date(p.createdAt));
    const late = day > registeredDay && day > p.receivedOn;
    const delayReason = input.delayReason?.trim() ?? '';
    if (late && !delayReason)
      throw new DomainError('未在登记当日报告，须填写迟报原因（局长可见）', 'delayReason', 'PET-7');
    const report = {
      at: at.toISOString(),
      recipients,
      byId: actor.id,
      byName: actor.name,
      note: input.note?.trim() || undefined,
      delayReason: late ? delayReason : undefined,
    };
    const u = await change(
      p,
      {
        urgentReport: report,
        urgentOpen: null,
        directorNoticeOpen: late ? 1 : (p.directorNoticeOpen ?? null),
      },
      ctx,
      actor,
      `报告重大紧急事项 ${p.regNo}`,
    );
    await addStep(
      u,
      'urgent_report',
      day,
      `已报告：${recipients.join('、')}${late ? `（迟报，原因：${delayReason}）` : ''}${report.note ? `。${report.note}` : ''}`,
      actor,
      { at: report.at, recipients },
    );
    return u;
  },
);

export const downgradeUrgent = caseCommand(
  '调整重大紧急等级',
  'petition.handle',
  async (ctx, actor, id: string, reason: string): Promise<Petition> => {
    const p = await livePetition(id);
    if (!p.urgent) throw new DomainError('该件不是重大紧急事项', 'reason', 'PET-7');
    const why = need(reason, '降级须写明理由（局长可见）', 'reason', 'PET-7');
    const u = await change(
      p,
      {
        urgent: false,
        urgentOpen: null,
        urgentDowngrade: { at: nowIso(), reason: why, byId: actor.id, byName: actor.name },
        directorNoticeOpen: 1,
        directorNoticeSeenAt: null,
      },
      ctx,
      actor,
      `重大紧急降级 ${p.regNo}`,
    );
    await addStep(u, 'urgent_downgrade', ctx.today, `取消重大紧急标记，理由：${why}（待局长阅知）`, actor);
    return u;
  },
);

const acknowledgeDirectorNoticeCommand = petitionCommand(
  '局长阅知',
  null,
  async (ctx, actor, id: string): Promise<Petition> => {
    if (!ctx.system && !ctx.roles.includes('director')) throw new DomainError('由局长阅知', 'seen', 'PET-7');
    const p = await livePetition(id);
    if (!p.directorNoticeOpen) throw new DomainError('没有待阅知的事项', 'seen');
    const u = await change(
      p,
      { directorNoticeOpen: null, directorNoticeSeenAt: nowIso() },
      ctx,
      actor,
      `局长阅知 ${p.regNo}`,
    );
    await addStep(u, 'director_seen', ctx.today, '局长已阅知降级/迟报理由', actor);
    return u;
  },
);

export async function acknowledgeDirectorNotice(
  id: string,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  return acknowledgeDirectorNoticeCommand(actor, pre, id);
}
