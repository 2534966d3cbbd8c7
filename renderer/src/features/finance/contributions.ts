// Start-up contributions of the finance module: approval handlers (expense claims, supply and printing
// request forms), to-dos (claims to submit, claims to pay, signed bills near quarter end) and the
// SUP-4 deadlines (FIN-2 claim limits of filed expenses, FIN-3 quarter-end settlements).
import { can } from '../../../../shared/permissions';
import { addCalendarDays, claimDue, deadlineState } from '../../../../shared/rules';
import { registerDeadlines, registerTodos } from '../../app/registry';
import type { DeadlineItem, TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerApprovalHandler } from '../../approvals/engine';
import { registerNumbering } from '../../sync/numbers';

import { openBillsUntil } from './core/bills';
import { expenseNumbering, spendRequestNumbering } from './core/hubNumbers';
import { expenseHandlerTables, onExpenseFinished } from './core/payments';
import { claimsToPay, draftClaims, staffNames as names } from './core/queries';
import { onSpendRequestFinished, spendRequestHandlerTables } from './core/requests';

// several PCs: claim numbers from the hub (core/hubNumbers.ts)
registerNumbering(expenseNumbering.numbering);
registerNumbering(spendRequestNumbering.numbering);
registerApprovalHandler('expense', { tables: expenseHandlerTables, onFinished: onExpenseFinished });
registerApprovalHandler('supply', { tables: spendRequestHandlerTables, onFinished: onSpendRequestFinished });
registerApprovalHandler('printing', {
  tables: spendRequestHandlerTables,
  onFinished: onSpendRequestFinished,
});

registerDeadlines(async ({ today, cal }) => {
  const out: DeadlineItem[] = [];
  const who = await names();
  for (const e of await draftClaims()) {
    if (!e.advanced) continue;
    const due = claimDue(e.expenseOn, cal);
    out.push({
      id: e.id,
      kind: '报销（FIN-2）',
      title: `${e.number} ${e.purpose}`,
      due,
      state: deadlineState(due, today, cal),
      owner: who.get(e.claimantId) ?? '',
      link: href('finance', 'claims', e.id),
    });
  }
  for (const b of await openBillsUntil('\uffff')) {
    out.push({
      id: b.id,
      kind: '签单结算（FIN-3）',
      title: `${b.vendor} ${b.description}`,
      due: b.settleBy,
      state: deadlineState(b.settleBy, today, cal),
      owner: `财务（签单人 ${who.get(b.signerId) ?? ''}）`,
      link: href('finance', 'bills'),
    });
  }
  return out;
});

registerTodos(async ({ user, today, cal }) => {
  const out: TodoItem[] = [];
  // Drafts are few (a draft becomes a claim or is cancelled): read them, not all of one's claims ever.
  const mine = (await draftClaims()).filter((e) => e.claimantId === user.staffId);
  for (const e of mine) {
    const due = e.advanced ? claimDue(e.expenseOn, cal) : undefined;
    out.push({
      id: e.id,
      module: 'finance',
      category: '待报销（已备案）',
      title: `${e.number} ${e.purpose}`,
      due,
      state: due ? deadlineState(due, today, cal) : undefined,
      link: href('finance', 'claims', e.id),
    });
  }
  if (can(user.roles, 'finance.manage')) {
    for (const e of await claimsToPay()) {
      out.push({
        id: e.id,
        module: 'finance',
        category: '待付款报销',
        title: `${e.number} ${e.purpose}`,
        link: href('finance', 'claims', e.id),
      });
    }
    const horizon = addCalendarDays(today, 15);
    const byVendor = new Map<string, { n: number; due: string }>();
    for (const b of await openBillsUntil(horizon)) {
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
        link: href('finance', 'bills'),
      });
    }
  }
  return out;
});
