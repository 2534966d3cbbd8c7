// Paying and closing claims (FIN-1): the approval handler, payment, printing, the sources a claim
// pays (rewards, signed bills, tuition) following it, and STU-5 tuition claims.
import type { Table } from 'dexie';

import type { ISODate } from '../../../../../shared/rules';
import type { ApprovalRequest } from '../../../approvals/types';
import { withdrawRecord } from '../../../approvals/withdrawRecord';
import { requireActDate } from '../../../db/actDate';
import { nowIso, today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { Db } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, getLiveMany } from '../../../db/live';
import { DomainError, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Expense, ExpenseSource } from '../../../db/schema/finance';
import { requireDate } from '../../../db/validate';

import { claimTables, submitSourcedClaim, WITNESS } from './claims';

export function withdrawExpense(id: string, actor: Actor): Promise<void> {
  return withdrawRecord(db.expenses, id, '该报销单不在审批中', actor);
}

export const cancelDraft = defineCommand({
  what: '撤销备案',
  perm: null,
  tables: (d) => [d.expenses],
  run: async (ctx, id: string): Promise<void> => {
    const e = await db.expenses.get(id);
    if (!e || e.status !== 'draft') throw new DomainError('只能撤销尚未提交的备案');
    if (e.claimantId !== ctx.actor.id) throw new DomainError('只有经办人本人可以撤销备案');
    await update(db.expenses, id, { status: 'withdrawn' }, ctx.actor, '撤销备案');
  },
});

function sourceTables(d: Db): Table[] {
  return [d.publicityPieces, d.signedBills, d.tuitionClaims];
}

// What a source row becomes when its claim is paid (on `paidOn`) or released, and the audit notes.
type SourceOutcome<T> = {
  paid: (paidOn: ISODate) => Partial<T>;
  paidNote: string;
  released: Partial<T>;
  releasedNote: string;
};
type SourceRow = { [K in ExpenseSource['table']]: Db[K] extends Table<infer T, string> ? T : never };

const SOURCE_OUTCOMES: { [K in ExpenseSource['table']]: SourceOutcome<SourceRow[K]> } = {
  publicityPieces: {
    paid: (paidOn) => ({ claimState: 'paid', paidOn }),
    paidNote: '奖励已发放',
    released: { expenseId: null },
    releasedNote: '报销未通过，奖励待重新报销',
  },
  signedBills: {
    paid: (paidOn) => ({ status: 'settled', settledOn: paidOn }),
    paidNote: '签单已结算',
    released: { status: 'open', expenseId: null },
    releasedNote: '结算报销未通过',
  },
  tuitionClaims: {
    paid: () => ({ status: 'paid' }),
    paidNote: '学费已报销',
    released: { status: 'submitted', expenseId: undefined },
    releasedNote: '学费报销未通过',
  },
};

// Sources follow the claim: paid → paid/settled; refused or withdrawn → free again.
async function updateSources(e: Expense, outcome: 'paid' | 'released', actor: Actor) {
  const src = e.source;
  if (!src) return;
  const paidOn = e.paidOn ?? today();
  const o = SOURCE_OUTCOMES[src.table];
  // one table of the three: the changes were typed against its row above
  const table = db[src.table] as Table<SourceRow[typeof src.table], string>;
  for (const id of src.ids) {
    if (outcome === 'paid') await update(table, id, o.paid(paidOn), actor, `${o.paidNote}（${e.number}）`);
    else await update(table, id, o.released, actor, `${o.releasedNote}（${e.number}）`);
  }
}

// Approval handler (kind 'expense'): the claim follows its request.
export function expenseHandlerTables(): Table[] {
  return [db.expenses, ...sourceTables(db)];
}
export async function onExpenseFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const e = await db.expenses.get(req.refId);
  if (!e) return;
  if (req.status === 'approved') {
    await update(db.expenses, e.id, { status: 'approved' }, actor, '报销审批通过，待付款');
  } else if (req.status === 'rejected' || req.status === 'withdrawn') {
    const status = req.status;
    const after = await update(
      db.expenses,
      e.id,
      { status },
      actor,
      status === 'rejected' ? '报销被退回' : '报销已撤回',
    );
    await updateSources(after, 'released', actor);
  }
}

export const markExpensePaid = defineCommand({
  what: '登记付款',
  perm: 'finance.manage',
  tables: (d) => [d.expenses, ...sourceTables(d)],
  validate: (_id: string, paidOn: ISODate) => {
    requireDate(paidOn, 'paidOn', '付款日期');
    requireActDate(paidOn, 'paidOn', '付款日期');
  },
  run: async (ctx, id: string, paidOn: ISODate): Promise<Expense> => {
    const e = await getLive(db.expenses, id);
    if (!e) throw new DomainError('报销单不存在');
    if (e.status !== 'approved') throw new DomainError('只有审批通过的报销单才能付款', 'paidOn', 'FIN-1');
    if (e.claimedOn && paidOn < e.claimedOn) throw new DomainError('付款日期不能早于报销日期', 'paidOn');
    const after = await update(
      db.expenses,
      id,
      { status: 'paid', paidOn, paidById: ctx.actor.id },
      ctx.actor,
      '已付款',
    );
    await updateSources(after, 'paid', ctx.actor);
    return after;
  },
});

export const markExpensePrinted = defineCommand({
  what: '打印报销审批单',
  perm: null,
  tables: (d) => [d.expenses],
  run: async (ctx, id: string): Promise<void> => {
    await update(db.expenses, id, { printedAt: nowIso() }, ctx.actor, '打印报销审批单');
  },
});

// The witness recorded at the check step (FIN-1), if any.
export function witnessOf(req: ApprovalRequest | undefined): string {
  const step = req?.steps.find((s) => s.key === 'office_finance_check');
  return step?.extra?.[WITNESS]?.trim() ?? '';
}

// STU-5: submitted tuition and exam-cost claims of the study module, paid through one expense claim.
export const createTuitionClaim = defineCommand({
  what: '办理学费报销',
  perm: 'finance.manage',
  tables: claimTables,
  validate: (ids: string[]) => {
    if (ids.length === 0) throw new DomainError('请选择要报销的学费申请', 'tuition');
  },
  run: async (ctx, ids: string[]): Promise<Expense> => {
    const rows = await getLiveMany(db.tuitionClaims, ids);
    if (rows.length !== ids.length) throw new DomainError('学费申请不存在', 'tuition');
    const people = new Set(rows.map((t) => t.staffId));
    return submitSourcedClaim(
      {
        category: 'tuition',
        purpose: `学费及考试费用报销（${people.size}人，${rows.length}笔）`,
        expenseOn: rows.map((t) => t.submittedOn ?? today()).sort()[0],
        amountFen: rows.reduce((n, t) => n + t.reimbursableFen, 0),
        invoices: rows.map((t) => ({
          kind: 'receipt' as const,
          number: t.description.slice(0, 40),
          amountFen: t.paidFen,
        })),
        source: { table: 'tuitionClaims', ids },
        prepare: async (expenseId) => {
          for (const id of ids) {
            const t = await db.tuitionClaims.get(id);
            if (!t || t.status !== 'submitted')
              throw new DomainError('所选学费申请已在报销中', 'tuition', 'STU-5');
            await update(db.tuitionClaims, id, { status: 'claimed', expenseId }, ctx.actor, '转财务报销');
          }
        },
      },
      ctx.actor,
    );
  },
});
