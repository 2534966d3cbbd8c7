// The request forms (FIN-6): 添置办公用品申报单 and 印制申报单, approved before the spending.
import type { Table } from 'dexie';

import type { Approver, Route } from '../../../../../shared/rules';
import { printingRequestRoute, requestApproved, supplyRequestRoute } from '../../../../../shared/rules';
import { outcomeOf, resolveRouteSteps, submitApproval } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { withdrawRecord } from '../../../approvals/withdrawRecord';
import { nowIso, today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, live } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { RequestItem, RequestKind, SpendRequest } from '../../../db/schema/finance';
import { requireText, staffOf, yearOf } from '../../../db/validate';
import { nextOrPending, numberOrPending, topByKindYear } from '../../../sync/seqNumbering';

export type SpendRequestInput = {
  kind: RequestKind;
  title: string;
  reason: string;
  items: RequestItem[];
  printer?: string;
  approverLevel?: 'deputy' | 'director';
};

function routeFor(kind: RequestKind, level: 'deputy' | 'director'): Route {
  const r = kind === 'supply' ? supplyRequestRoute() : printingRequestRoute();
  // 'all' (supplies): every approver in order; 'any' (printing): the one leader the applicant chose.
  const approvers: Approver[] = r.require === 'all' ? [...r.approvers] : [level];
  return { form: 'written', approvers, kind: 'approval', meetingDecision: false, reportToCounty: false };
}

export function requestNumber(kind: RequestKind, year: number, seq: number): string {
  return `${kind === 'supply' ? '用品' : '印制'}〔${year}〕${seq}号`;
}

function checkRequest(input: SpendRequestInput) {
  if (input.kind !== 'supply' && input.kind !== 'printing') throw new DomainError('请选择申报单类型', 'kind');
  const title = requireText(input.title, 'title', input.kind === 'supply' ? '事由' : '文件名称', 100);
  const reason = requireText(input.reason, 'reason', '申报理由', 500);
  if (input.items.length === 0) throw new DomainError('请至少填写一项', 'items');
  input.items.forEach((it, i) => {
    requireText(it.name, `items.${i}.name`, '品名', 100);
    if (!Number.isInteger(it.quantity) || it.quantity <= 0)
      throw new DomainError('数量须为正整数', `items.${i}.quantity`);
    if (!Number.isSafeInteger(it.estFen) || it.estFen < 0)
      throw new DomainError('预算金额有误', `items.${i}.est`);
  });
  const printer =
    input.kind === 'printing' ? requireText(input.printer, 'printer', '印制单位', 100) : undefined;
  return { title, reason, printer };
}

export const submitSpendRequest = defineCommand({
  what: '提交申报单',
  perm: null,
  tables: (d) => [d.spendRequests, d.approvals, d.staff, d.sections, d.settings],
  run: async (ctx, input: SpendRequestInput): Promise<SpendRequest> => {
    const actor = ctx.actor;
    const applicant = await staffOf(actor.id);
    if (!applicant) throw new DomainError('当前用户不在人员名单中');
    const { title, reason, printer } = checkRequest(input);
    const level = input.kind === 'printing' ? (input.approverLevel ?? 'deputy') : 'deputy';
    const steps = await resolveRouteSteps(routeFor(input.kind, level), applicant);
    const on = today();
    const formName =
      input.kind === 'supply' ? supplyRequestRoute().formName : printingRequestRoute().formName;
    const year = yearOf(on);
    // after the highest of its kind and year (a form still 待编号 holds none); with sync on:
    // 待编号, numbered on the hub later (hubNumbers.ts)
    const seq = await nextOrPending(
      async () => (await topByKindYear(db.spendRequests, input.kind, year)) + 1,
    );
    const estimatedFen = input.items.reduce((n, it) => n + it.estFen, 0);
    const r = await insert(
      db.spendRequests,
      {
        kind: input.kind,
        year,
        seq,
        number: numberOrPending(seq, (n) => requestNumber(input.kind, year, n)),
        applicantId: applicant.id,
        title,
        reason,
        items: input.items,
        printer,
        estimatedFen,
        approverLevel: level,
        status: 'pending',
        requestedOn: on,
        approvedOn: null,
      },
      actor,
      `${formName}：${title}`,
    );
    const req = await submitApproval(
      {
        kind: input.kind,
        refTable: 'spendRequests',
        refId: r.id,
        title: `${formName}：${title}`,
        applicant,
        form: 'written',
        ruleIds: ['FIN-6'],
        steps,
      },
      actor,
    );
    return update(db.spendRequests, r.id, { approvalId: req.id }, actor, '申报单进入审批');
  },
});

export function spendRequestHandlerTables(): Table[] {
  return [db.spendRequests];
}

// FIN-6: the request is approved only when the approvals given satisfy its route (requestApproved).
export async function onSpendRequestFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const r = await db.spendRequests.get(req.refId);
  if (!r) return;
  if (req.status !== 'approved') {
    await update(db.spendRequests, r.id, { status: outcomeOf(req) }, actor, '申报单未批准');
    return;
  }
  const route = r.kind === 'supply' ? supplyRequestRoute() : printingRequestRoute();
  const given = req.steps
    .filter((s) => s.decision === 'approved' && (s.key === 'deputy' || s.key === 'director'))
    .map((s) => s.key as Approver);
  // A level skipped because it fell on the applicant or nobody (LV-4) is covered by the director's approval.
  if (given.includes('director') && !req.steps.some((s) => s.key === 'deputy')) given.push('deputy');
  const ok = requestApproved(route, given);
  await update(
    db.spendRequests,
    r.id,
    ok ? { status: 'approved', approvedOn: today() } : { status: 'rejected' },
    actor,
    ok ? `${route.formName}已批准` : `${route.formName}审批不全`,
  );
}

export function withdrawSpendRequest(id: string, actor: Actor): Promise<void> {
  return withdrawRecord(db.spendRequests, id, '该申报单不在审批中', actor);
}

export const markRequestPrinted = defineCommand({
  what: '打印申报单',
  perm: null,
  tables: (d) => [d.spendRequests],
  run: async (ctx, id: string): Promise<void> => {
    await update(db.spendRequests, id, { printedAt: nowIso() }, ctx.actor, '打印申报单');
  },
});

// This year's and last year's request forms, newest first; everyone's, or one applicant's.
export async function listRequests(year: number, applicantId: string | null): Promise<SpendRequest[]> {
  const all: SpendRequest[] = [];
  for (const y of [year, year - 1])
    for (const kind of ['supply', 'printing'] as const)
      all.push(...(await live(db.spendRequests.where('[kind+year]').equals([kind, y])).toArray()));
  return all
    .filter((r) => !applicantId || r.applicantId === applicantId)
    .sort((a, b) => b.requestedOn.localeCompare(a.requestedOn) || b.seq - a.seq);
}

export function getRequest(id: string): Promise<SpendRequest | undefined> {
  return getLive(db.spendRequests, id);
}

// FIN-6: approved request forms a claim may cite.
export async function approvedRequestsFor(kind: RequestKind, applicantId?: string): Promise<SpendRequest[]> {
  const rows = await live(db.spendRequests.where('status').equals('approved')).toArray();
  return rows.filter((r) => r.kind === kind && (!applicantId || r.applicantId === applicantId));
}
