// Start-up registration of the finance module: approval handlers (expense claims, supply and printing
// request forms), to-dos (claims to submit, claims to pay, signed bills near quarter end) and the
// SUP-4 deadlines (FIN-2 claim limits of filed expenses, FIN-3 quarter-end settlements).
import Dexie from 'dexie';

import { can } from '../../../../shared/permissions';
import { addCalendarDays, claimDue, deadlineState } from '../../../../shared/rules';
import { registerDeadlines, registerTodos } from '../../app/registry';
import type { DeadlineItem, TodoItem } from '../../app/registry';
import { registerApprovalHandler } from '../../approvals/engine';
import { db } from '../../db/db';

import {
  expenseHandlerTables,
  onExpenseFinished,
  onSpendRequestFinished,
  spendRequestHandlerTables,
} from './repo';

registerApprovalHandler('expense', { tables: expenseHandlerTables, onFinished: onExpenseFinished });
registerApprovalHandler('supply', { tables: spendRequestHandlerTables, onFinished: onSpendRequestFinished });
registerApprovalHandler('printing', {
  tables: spendRequestHandlerTables,
  onFinished: onSpendRequestFinished,
});

async function names(): Promise<Map<string, string>> {
  return new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
}

registerDeadlines(async ({ today, cal }) => {
  const out: DeadlineItem[] = [];
  const who = await names();
  const drafts = await db.expenses
    .where('[status+expenseOn]')
    .between(['draft', ''], ['draft', '\uffff'])
    .toArray();
  for (const e of drafts) {
    if (e.deletedAt || !e.advanced) continue;
    const due = claimDue(e.expenseOn, cal);
    out.push({
      id: e.id,
      kind: '报销（FIN-2）',
      title: `${e.number} ${e.purpose}`,
      due,
      state: deadlineState(due, today, cal),
      owner: who.get(e.claimantId) ?? '',
      link: `#/finance/claims/${e.id}`,
    });
  }
  const bills = await db.signedBills
    .where('[status+settleBy]')
    .between(['open', ''], ['open', '\uffff'])
    .toArray();
  for (const b of bills) {
    if (b.deletedAt) continue;
    out.push({
      id: b.id,
      kind: '签单结算（FIN-3）',
      title: `${b.vendor} ${b.description}`,
      due: b.settleBy,
      state: deadlineState(b.settleBy, today, cal),
      owner: `财务（签单人 ${who.get(b.signerId) ?? ''}）`,
      link: '#/finance/bills',
    });
  }
  return out;
});

registerTodos(async ({ user, today, cal }) => {
  const out: TodoItem[] = [];
  // Drafts are few (a draft becomes a claim or is cancelled): read them, not all of one's claims ever.
  const mine = await db.expenses
    .where('[status+expenseOn]')
    .between(['draft', Dexie.minKey], ['draft', Dexie.maxKey])
    .filter((e) => e.claimantId === user.staffId)
    .toArray();
  for (const e of mine) {
    if (e.deletedAt) continue;
    const due = e.advanced ? claimDue(e.expenseOn, cal) : undefined;
    out.push({
      id: e.id,
      module: 'finance',
      category: '待报销（已备案）',
      title: `${e.number} ${e.purpose}`,
      due,
      state: due ? deadlineState(due, today, cal) : undefined,
      link: `#/finance/claims/${e.id}`,
    });
  }
  if (can(user.roles, 'finance.manage')) {
    const toPay = await db.expenses.where('status').equals('approved').toArray();
    for (const e of toPay) {
      if (e.deletedAt) continue;
      out.push({
        id: e.id,
        module: 'finance',
        category: '待付款报销',
        title: `${e.number} ${e.purpose}`,
        link: `#/finance/claims/${e.id}`,
      });
    }
    const horizon = addCalendarDays(today, 15);
    const bills = await db.signedBills
      .where('[status+settleBy]')
      .between(['open', ''], ['open', horizon])
      .toArray();
    const byVendor = new Map<string, { n: number; due: string }>();
    for (const b of bills) {
      if (b.deletedAt) continue;
      const v = byVendor.get(b.vendor);
      byVendor.set(b.vendor, { n: (v?.n ?? 0) + 1, due: v && v.due < b.settleBy ? v.due : b.settleBy });
    }
    for (const [vendor, v] of byVendor) {
      out.push({
        id: `bills-${vendor}`,
        module: 'finance',
        category: '季末待结算签单（FIN-3）',
        title: `${vendor}：${v.n}笔未结算`,
        due: v.due,
        state: deadlineState(v.due, today, cal),
        link: '#/finance/bills',
      });
    }
  }
  return out;
});
